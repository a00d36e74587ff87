package io.todoapi.todo.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.metrics.ApiMetrics;
import io.todoapi.todo.metrics.RequestMetrics;
import io.todoapi.todo.testing.EmfLines;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The other side of the alarms' and the dashboard's contract: the metrics the functions' code really writes (every
 * kind of line, for every operation, with the service the code falls back to) are the ones {@link MetricContract}
 * lets an alarm or a widget name, with the same dimensions and values.
 */
class EmittedMetricsTest {

    @Test
    void everyMetricTheFunctionsWriteIsOneTheContractAccepts() {
        assumeTrue(SamTransform.unavailable() == null, SamTransform.unavailable());
        MetricContract contract = new MetricContract(SamTransform.output());
        List<String> problems = new ArrayList<>();
        TreeSet<String> written = new TreeSet<>();
        for (String operation : ApiMetrics.OPERATIONS) {
            List<String> lines = new ArrayList<>();
            RequestMetrics metrics =
                    new RequestMetrics(RequestMetrics.DEFAULT_SERVICE, operation, lines::add, Clock.systemUTC());
            metrics.record(201, 3_000_000, true, "request-1"); // the cold start, a replay
            metrics.record(412, 2_000_000, false, "request-2");
            metrics.record(503, 1_000_000, false, "request-3");
            for (String line : lines) {
                JsonNode emf = EmfLines.ofOperation(line, operation);
                JsonNode directive = emf.at("/_aws/CloudWatchMetrics/0");
                Map<String, String> dimensions = new LinkedHashMap<>();
                directive
                        .get("Dimensions")
                        .get(0)
                        .forEach(name -> dimensions.put(
                                name.asText(), emf.get(name.asText()).asText()));
                for (JsonNode metric : directive.get("Metrics")) {
                    String name = metric.get("Name").asText();
                    written.add(name);
                    problems.addAll(contract.problems(new MetricContract.Metric(
                            "line of " + operation, directive.get("Namespace").asText(), name, dimensions)));
                }
            }
        }
        assertThat(problems)
                .as("metrics the code writes that the alarms' contract does not know")
                .isEmpty();
        assertThat(written)
                .as("every metric the contract offers is written")
                .isEqualTo(new TreeSet<>(MetricContract.OWN_METRICS));
    }
}
