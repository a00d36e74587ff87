package io.todoapi.todo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.testing.EmfLines;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00.123Z");

    private final List<String> lines = new ArrayList<>();
    private final RequestMetrics metrics =
            new RequestMetrics("todo-api", "updateTodo", lines::add, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theFirstInvocationIsOneLineWithItsStatusClassLatencyAndTheColdStart() {
        metrics.record(200, 12_345_678, false, "req-1");

        assertThat(lines)
                .containsExactly("{\"_aws\":{\"Timestamp\":1796551200123,\"CloudWatchMetrics\":[{"
                        + "\"Namespace\":\"TodoApi\",\"Dimensions\":[[\"service\",\"operation\"]],\"Metrics\":["
                        + "{\"Name\":\"Requests2xx\",\"Unit\":\"Count\"},{\"Name\":\"Requests4xx\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"Requests5xx\",\"Unit\":\"Count\"},{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"},"
                        + "{\"Name\":\"ColdStart\",\"Unit\":\"Count\"}]}]},\"service\":\"todo-api\",\"operation\":\"updateTodo\","
                        + "\"Requests2xx\":1,\"Requests4xx\":0,\"Requests5xx\":0,\"Latency\":12.346,\"ColdStart\":1,"
                        + "\"function_request_id\":\"req-1\"}");
        EmfLines.ofOperation(lines.getFirst(), "updateTodo");
    }

    @Test
    void onlyTheFirstInvocationIsAColdStartUntilARestore() {
        metrics.record(200, 1_000_000, false, "req-1");
        metrics.record(200, 1_000_000, false, "req-2");
        metrics.restored();
        metrics.record(200, 1_000_000, false, "req-3");

        assertThat(lines).hasSize(3);
        assertThat(lines.stream()
                        .map(line -> EmfLines.ofOperation(line, "updateTodo").has("ColdStart")))
                .containsExactly(true, false, true);
    }

    @Test
    void aStaleIfMatchIsA4xxAndAConflict() {
        JsonNode line = recorded(412, false);
        assertThat(line.get("Requests4xx").asInt()).isEqualTo(1);
        assertThat(line.get("Requests2xx").asInt()).isZero();
        assertThat(line.get("Conflicts").asInt()).isEqualTo(1);
        assertThat(line.has("IdempotentReplays")).isFalse();
        assertThat(recorded(404, false).has("Conflicts"))
                .as("only a 412 is a conflict")
                .isFalse();
    }

    @Test
    void aReplayedCreateIsCounted() {
        JsonNode line = recorded(201, true);
        assertThat(line.get("Requests2xx").asInt()).isEqualTo(1);
        assertThat(line.get("IdempotentReplays").asInt()).isEqualTo(1);
        assertThat(line.has("Conflicts")).isFalse();
    }

    @Test
    void aNotModifiedIsASuccessAndAFailureWithoutResponseIsA5xx() {
        assertThat(recorded(304, false).get("Requests2xx").asInt()).isEqualTo(1);
        JsonNode failed = recorded(0, false);
        assertThat(failed.get("Requests5xx").asInt()).isEqualTo(1);
        assertThat(failed.get("Requests2xx").asInt()).isZero();
        assertThat(recorded(503, false).get("Requests5xx").asInt()).isEqualTo(1);
    }

    @Test
    void primingWritesNothingAndLeavesTheColdStartToTheFirstRealInvocation() {
        String answer = metrics.whilePriming(() -> {
            metrics.record(201, 1_000_000, false, "snapstart-priming");
            return "primed";
        });
        assertThat(answer).isEqualTo("primed");
        assertThat(lines).isEmpty();

        assertThat(recorded(201, false).get("ColdStart").asInt()).isEqualTo(1);
    }

    @Test
    void disabledMetricsWriteNothing() {
        RequestMetrics disabled = RequestMetrics.disabled();
        disabled.record(500, 1, false, "req");
        assertThat(disabled.enabled()).isFalse();
        assertThat(metrics.enabled()).isTrue();
    }

    @Test
    void theOperationIsOneOfTheApisSoNoOtherValueBecomesADimension() {
        assertThatThrownBy(() -> new RequestMetrics("todo-api", "GET /todos/0194", lines::add, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("createTodo");
    }

    private JsonNode recorded(int status, boolean replay) {
        metrics.record(status, 2_000_000, replay, "req");
        return EmfLines.ofOperation(lines.getLast(), "updateTodo");
    }
}
