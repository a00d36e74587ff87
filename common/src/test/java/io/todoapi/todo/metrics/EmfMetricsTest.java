package io.todoapi.todo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.testing.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

class EmfMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00.123Z");

    private final List<String> lines = new ArrayList<>();
    private final EmfMetrics metrics = new EmfMetrics("TodoApi", lines::add, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFlushIsOneEmfLineWithTheNamespaceTheDimensionSetAndEveryMetricDefinedAndValued() {
        metrics.setDefaultDimensions(DimensionSet.of("service", "todo-api", "operation", "createTodo"));
        metrics.addMetric("Requests2xx", 1, MetricUnit.COUNT);
        metrics.addMetric("Latency", 12.5, MetricUnit.MILLISECONDS);
        metrics.flush();

        assertThat(lines)
                .containsExactly("{\"_aws\":{\"Timestamp\":1796551200123,\"CloudWatchMetrics\":[{"
                        + "\"Namespace\":\"TodoApi\",\"Dimensions\":[[\"service\",\"operation\"]],\"Metrics\":["
                        + "{\"Name\":\"Requests2xx\",\"Unit\":\"Count\"},{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"}]}]},"
                        + "\"service\":\"todo-api\",\"operation\":\"createTodo\",\"Requests2xx\":1,\"Latency\":12.5}");
    }

    @Test
    void aMetricAddedTwiceIsAnArrayOfValuesAndHighResolutionIsDeclared() {
        metrics.addMetric("Latency", 3, MetricUnit.MILLISECONDS, MetricResolution.HIGH);
        metrics.addMetric("Latency", 4, MetricUnit.MILLISECONDS, MetricResolution.HIGH);
        assertThatThrownBy(() -> metrics.addMetric("Latency", 5, MetricUnit.SECONDS))
                .as("one unit per metric in a line")
                .isInstanceOf(IllegalArgumentException.class);
        metrics.flush();

        JsonNode line = Json.parse(lines.getFirst());
        assertThat(line.get("Latency").toString()).isEqualTo("[3,4]");
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics/0/StorageResolution")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aFlushForgetsTheLinesMetricsDimensionsAndMetadataButKeepsTheDefaults() {
        metrics.setDefaultDimensions(DimensionSet.of("service", "todo-api"));
        metrics.addDimension(DimensionSet.of("operation", "getTodo"));
        metrics.addMetadata("function_request_id", "r-1");
        metrics.addMetric("Requests4xx", 1, MetricUnit.COUNT);
        metrics.flush();
        metrics.flush();
        metrics.addMetric("Requests2xx", 1, MetricUnit.COUNT);
        metrics.flush();

        assertThat(lines).hasSize(2);
        JsonNode first = Json.parse(lines.get(0));
        assertThat(first.at("/_aws/CloudWatchMetrics/0/Dimensions").toString())
                .isEqualTo("[[\"service\",\"operation\"]]");
        assertThat(first.get("function_request_id").asText()).isEqualTo("r-1");
        JsonNode second = Json.parse(lines.get(1));
        assertThat(second.at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).isEqualTo("[[\"service\"]]");
        assertThat(second.has("Requests4xx")).isFalse();
        assertThat(second.has("function_request_id")).isFalse();
    }

    @Test
    void nothingToFlushIsNoLineUnlessAskedToRaise() {
        metrics.flush();
        assertThat(lines).isEmpty();
        metrics.setRaiseOnEmptyMetrics(true);
        assertThatThrownBy(metrics::flush).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aColdStartIsALineOfItsOwnWithTheDefaultDimensions() {
        metrics.setDefaultDimensions(DimensionSet.of("service", "todo-api"));
        metrics.addMetric("Requests2xx", 1, MetricUnit.COUNT);
        metrics.captureColdStartMetric(DimensionSet.of("operation", "listTodos"));

        assertThat(lines).hasSize(1);
        JsonNode line = Json.parse(lines.getFirst());
        assertThat(line.get("ColdStart").asInt()).isEqualTo(1);
        assertThat(line.get("operation").asText()).isEqualTo("listTodos");
        assertThat(line.has("Requests2xx"))
                .as("the pending line is flushed on its own")
                .isFalse();
    }

    @Test
    void refusesWhatCloudWatchWouldDrop() {
        assertThatThrownBy(() -> metrics.addMetric("Latency", Double.NaN, MetricUnit.MILLISECONDS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.addMetric(" ", 1, MetricUnit.COUNT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.setNamespace("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.addDimension(DimensionSet.of("operation", " ")))
                .isInstanceOf(IllegalArgumentException.class);
        for (int i = 0; i < EmfMetrics.MAX_METRICS; i++) {
            metrics.addMetric("m" + i, i, MetricUnit.COUNT);
        }
        assertThatThrownBy(() -> metrics.addMetric("one-too-many", 1, MetricUnit.COUNT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unitsHaveCloudWatchsNames() {
        assertThat(EmfMetrics.unit(MetricUnit.COUNT)).isEqualTo("Count");
        assertThat(EmfMetrics.unit(MetricUnit.MILLISECONDS)).isEqualTo("Milliseconds");
        assertThat(EmfMetrics.unit(MetricUnit.BYTES_SECOND)).isEqualTo("Bytes/Second");
        assertThat(EmfMetrics.unit(MetricUnit.COUNT_SECOND)).isEqualTo("Count/Second");
        assertThat(EmfMetrics.unit(MetricUnit.NONE)).isEqualTo("None");
    }
}
