package io.todoapi.todo.metrics;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The metrics of one function (namespace {@link ApiMetrics#NAMESPACE}, dimensions service and operation): one EMF
 * line per invocation with the status class, the latency and, when they happen, a conflict, an idempotent replay and
 * the cold start. The request pipeline records every invocation in a {@code finally}, so a failing operation is
 * counted too. Each invocation writes its own {@link EmfMetrics} line, because local-api runs one handler's
 * invocations concurrently; only the cold-start flag is shared. Nothing about the caller or the todo is written.
 */
public final class RequestMetrics {

    /** Powertools' own switch, with its meaning: {@code true} writes no metrics (local-api's default). */
    public static final String DISABLED_ENV = "POWERTOOLS_METRICS_DISABLED";
    /** The service dimension's variable, as for Powertools' logging. */
    public static final String SERVICE_ENV = "POWERTOOLS_SERVICE_NAME";
    /** The service when {@value #SERVICE_ENV} is unset: template.yaml's value. */
    public static final String DEFAULT_SERVICE = "todo-api";

    private static final Consumer<String> DISCARD = line -> {};

    private final String service;
    private final String operation;
    private final Consumer<String> out;
    private final Clock clock;
    private final boolean enabled;
    private final AtomicBoolean coldStart = new AtomicBoolean(true);
    /** Set while SnapStart priming answers its own events: those are no requests of anyone's. */
    private volatile boolean priming;

    /**
     * Metrics of {@code operation} (one of {@link ApiMetrics#OPERATIONS}) for {@code service}, each line written to
     * {@code out}, stamped with {@code clock}.
     */
    public RequestMetrics(String service, String operation, Consumer<String> out, Clock clock) {
        this(requireService(service), requireOperation(operation), out, clock, true);
    }

    private RequestMetrics(String service, String operation, Consumer<String> out, Clock clock, boolean enabled) {
        this.service = service;
        this.operation = operation;
        this.out = out;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** No metrics at all: what tests and tools get unless they ask. */
    public static RequestMetrics disabled() {
        return new RequestMetrics(null, null, DISCARD, Clock.systemUTC(), false);
    }

    /**
     * The deployed function's metrics of {@code operation} for {@code service}, written to stdout (where Lambda sends
     * them to CloudWatch Logs, which extracts the metrics). {@code config.CompositionRoot} reads the service
     * ({@value #SERVICE_ENV}) and the switch ({@value #DISABLED_ENV}, then {@link #disabled()}: without loading any of
     * the metrics' classes, the benchmark's "metrics off").
     */
    public static RequestMetrics toStdout(String service, String operation) {
        return new RequestMetrics(service, operation, RequestMetrics::toStdout, Clock.systemUTC());
    }

    /** Both dimensions are constants of the deployment: low-cardinality by construction. */
    private static String requireService(String service) {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("the service dimension needs a value");
        }
        return service;
    }

    private static String requireOperation(String operation) {
        if (!ApiMetrics.OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("operation must be one of " + ApiMetrics.OPERATIONS + ": " + operation);
        }
        return operation;
    }

    /**
     * One line in one write, as Logback writes the log lines: the runtime then sees a whole line at once, never the
     * JSON and its newline apart. {@code System.out} is looked up each time, as the runtime may replace it.
     */
    private static void toStdout(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        PrintStream stdout = System.out;
        stdout.write(bytes, 0, bytes.length);
        stdout.flush();
    }

    /** Whether invocations write lines. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Records one invocation and writes its line: {@code statusCode} (0 when the function failed without a response,
     * counted as a 5xx), {@code latencyNanos}, whether it was answered from an earlier request's Idempotency-Key,
     * and the Lambda request id (metadata, to find the invocation's log lines). While priming, the line is built,
     * so that the snapshot holds its code loaded and compiled, but not written, and the cold start stays.
     */
    public void record(int statusCode, long latencyNanos, boolean idempotentReplay, String requestId) {
        if (!enabled) {
            return;
        }
        boolean primingInvocation = priming;
        // A 304 (getTodo's If-None-Match) is a success: it counts with the 2xx, so one of the three is always 1.
        boolean serverError = statusCode < 100 || statusCode >= 500;
        boolean clientError = statusCode >= 400 && statusCode < 500;
        Metrics line = new EmfMetrics(ApiMetrics.NAMESPACE, primingInvocation ? DISCARD : out, clock);
        line.addDimension(ApiMetrics.SERVICE, service);
        line.addDimension(ApiMetrics.OPERATION, operation);
        line.addMetric(ApiMetrics.REQUESTS_2XX, serverError || clientError ? 0 : 1, MetricUnit.COUNT);
        line.addMetric(ApiMetrics.REQUESTS_4XX, clientError ? 1 : 0, MetricUnit.COUNT);
        line.addMetric(ApiMetrics.REQUESTS_5XX, serverError ? 1 : 0, MetricUnit.COUNT);
        // Microsecond precision: the warm operations take a few milliseconds, whole ones would blur their p99.
        line.addMetric(ApiMetrics.LATENCY, Math.round(latencyNanos / 1_000.0) / 1_000.0, MetricUnit.MILLISECONDS);
        if (statusCode == 412) {
            line.addMetric(ApiMetrics.CONFLICTS, 1, MetricUnit.COUNT);
        }
        if (idempotentReplay) {
            line.addMetric(ApiMetrics.IDEMPOTENT_REPLAYS, 1, MetricUnit.COUNT);
        }
        if (primingInvocation || coldStart.getAndSet(false)) {
            line.addMetric(ApiMetrics.COLD_START, 1, MetricUnit.COUNT);
        }
        if (requestId != null) {
            line.addMetadata("function_request_id", requestId);
        }
        line.flush();
    }

    /**
     * Runs SnapStart priming's invocation: it writes no line (its line is built and dropped) and leaves the cold start
     * to the first real invocation. Priming runs before the function takes requests, on one thread.
     */
    public <T> T whilePriming(Supplier<T> invocation) {
        priming = true;
        try {
            return invocation.get();
        } finally {
            priming = false;
        }
    }

    /** After a SnapStart restore: the next invocation is the new execution environment's cold start. */
    public void restored() {
        coldStart.set(true);
    }
}
