package io.todoapi.todo.benchmarks;

import io.todoapi.todo.metrics.ApiMetrics;
import io.todoapi.todo.metrics.RequestMetrics;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * One invocation's metrics line alone, in a fresh JVM whose class path is this class and a function's deployable jar
 * (plus, for Powertools' own provider, the libraries the functions leave out), then {@code DONE}: {@code none} writes
 * nothing (the JVM and the jar), {@code ours} the functions' line ({@link RequestMetrics} on EmfMetrics, the SDK's
 * Jackson core), {@code powertools} the same line through Powertools' default provider (MetricsFactory, its
 * request-scoped proxy and EmfMetricsLogger on aws-embedded-metrics and Jackson databind).
 */
public final class MetricsProbe {

    static final java.util.List<String> MODES = java.util.List.of("none", "ours", "powertools");

    private MetricsProbe() {}

    public static void main(String[] args) {
        switch (args[0]) {
            case "none" -> {}
            case "ours" ->
                RequestMetrics.toStdout(RequestMetrics.DEFAULT_SERVICE, "getTodo")
                        .record(200, 1_234_567, false, "probe");
            case "powertools" -> {
                Metrics metrics = MetricsFactory.getMetricsInstance();
                metrics.setNamespace(ApiMetrics.NAMESPACE);
                metrics.setDefaultDimensions(
                        DimensionSet.of(ApiMetrics.SERVICE, "todo-api", ApiMetrics.OPERATION, "getTodo"));
                metrics.addMetric(ApiMetrics.REQUESTS_2XX, 1, MetricUnit.COUNT);
                metrics.addMetric(ApiMetrics.REQUESTS_4XX, 0, MetricUnit.COUNT);
                metrics.addMetric(ApiMetrics.REQUESTS_5XX, 0, MetricUnit.COUNT);
                metrics.addMetric(ApiMetrics.LATENCY, 1.235, MetricUnit.MILLISECONDS);
                metrics.addMetric(ApiMetrics.COLD_START, 1, MetricUnit.COUNT);
                metrics.addMetadata("function_request_id", "probe");
                metrics.flush();
            }
            default -> throw new IllegalArgumentException("mode: one of " + MODES);
        }
        System.out.println("DONE " + args[0]);
    }
}
