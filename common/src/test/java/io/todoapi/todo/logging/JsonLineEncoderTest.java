package io.todoapi.todo.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.testing.CapturedLogs;
import io.todoapi.todo.testing.Json;
import io.todoapi.todo.testing.TestContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

class JsonLineEncoderTest {

    private static final Instant AT = Instant.parse("2026-11-30T16:02:53.120456Z");

    private final LoggerContext context = new LoggerContext();
    private final JsonLineEncoder encoder = new JsonLineEncoder();

    JsonLineEncoderTest() {
        context.setMDCAdapter(new LogbackMDCAdapter()); // what Logback's SLF4J provider does for its own context
    }

    private String encode(LoggingEvent event) {
        encoder.setContext(context);
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private LoggingEvent event(Level level, String message, Throwable error, Object... arguments) {
        Logger logger = context.getLogger("io.todoapi.todo.http.RequestPipeline");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, error, arguments);
        event.setInstant(AT);
        return event;
    }

    @Test
    void writesOneJsonObjectOnOneLineWithLevelLoggerMessageAndMillisecondUtcTimestamp() {
        String line = encode(event(Level.INFO, "POST /todos -> {}", null, 201));

        assertThat(line).endsWith("}\n").doesNotContain("\r");
        assertThat(line.lines()).hasSize(1);
        JsonNode json = Json.parse(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("logger").asText()).isEqualTo("io.todoapi.todo.http.RequestPipeline");
        assertThat(json.get("message").asText()).isEqualTo("POST /todos -> 201");
        assertThat(json.get("timestamp").asText()).isEqualTo("2026-11-30T16:02:53.120Z");
        assertThat(json.has("error")).isFalse();
    }

    @Test
    void aWholeSecondStillHasThreeFractionDigits() {
        LoggingEvent event = event(Level.WARN, "slow", null);
        event.setInstant(Instant.parse("2026-01-02T03:04:05Z"));

        assertThat(Json.parse(encode(event)).get("timestamp").asText()).isEqualTo("2026-01-02T03:04:05.000Z");
    }

    @Test
    void writesEveryMdcEntryAsAStringAndColdStartAsABoolean() {
        LoggingEvent event = event(Level.INFO, "GET /todos/{id} -> 200", null);
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("cold_start", "true");
        mdc.put("function_name", "GetTodoFunction");
        mdc.put("function_memory_size", "512");
        mdc.put("correlation_id", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        mdc.put("status", "200");
        mdc.put("latency_ms", "12");
        event.setMDCPropertyMap(mdc);

        String line = encode(event);

        assertThat(line).contains("\"cold_start\":true").contains("\"status\":\"200\"");
        JsonNode json = Json.parse(line);
        assertThat(json.get("cold_start").isBoolean()).isTrue();
        assertThat(json.get("function_name").asText()).isEqualTo("GetTodoFunction");
        assertThat(json.get("function_memory_size").isTextual()).isTrue();
        assertThat(json.get("function_memory_size").asText()).isEqualTo("512");
        assertThat(json.get("correlation_id").asText()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        assertThat(json.get("latency_ms").asText()).isEqualTo("12");
    }

    @Test
    void aColdStartThatIsNotABooleanStaysAString() {
        LoggingEvent event = event(Level.INFO, "x", null);
        event.setMDCPropertyMap(Map.of("cold_start", "maybe"));

        assertThat(Json.parse(encode(event)).get("cold_start").asText()).isEqualTo("maybe");
    }

    @Test
    void contextEntriesNamedLikeTheLinesOwnFieldsAreNotWrittenTwice() {
        LoggingEvent event = event(Level.ERROR, "the message", null);
        event.setMDCPropertyMap(Map.of("message", "from the MDC", "level", "DEBUG", "timestamp", "0"));
        event.addKeyValuePair(new KeyValuePair("error", "from a key-value pair"));

        String line = encode(event);

        assertThat(line)
                .containsOnlyOnce("\"message\"")
                .containsOnlyOnce("\"level\"")
                .containsOnlyOnce("\"timestamp\"")
                .doesNotContain("\"error\"", "from the MDC");
        assertThat(Json.parse(line).get("message").asText()).isEqualTo("the message");
    }

    @Test
    void writesSlf4jKeyValuePairsAsStrings() {
        LoggingEvent event = event(Level.INFO, "retried", null);
        event.addKeyValuePair(new KeyValuePair("attempts", 3));
        event.addKeyValuePair(new KeyValuePair("table", "todos"));

        JsonNode json = Json.parse(encode(event));

        assertThat(json.get("attempts").asText()).isEqualTo("3");
        assertThat(json.get("table").asText()).isEqualTo("todos");
    }

    @Test
    void aThrowableBecomesAnErrorObjectWithNameMessageAndStackIncludingTheCause() {
        IllegalStateException error = new IllegalStateException(
                "table is gone", new java.io.UncheckedIOException(new java.io.IOException("connection reset")));

        String line = encode(event(Level.ERROR, "request failed", error));

        assertThat(line.lines()).hasSize(1);
        JsonNode json = Json.parse(line).get("error");
        assertThat(json.get("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("message").asText()).isEqualTo("table is gone");
        assertThat(json.get("stack").asText())
                .startsWith("java.lang.IllegalStateException: table is gone")
                .contains("at io.todoapi.todo.logging.JsonLineEncoderTest.")
                .contains("Caused by: java.io.UncheckedIOException: java.io.IOException: connection reset");
    }

    @Test
    void escapesQuotesNewlinesAndNonAsciiInMessages() {
        String message = "title \"Einkauf\"\nline two\tüñ ✓ \\";

        String line = encode(event(Level.INFO, message, null));

        assertThat(line.lines()).hasSize(1);
        assertThat(Json.parse(line).get("message").asText()).isEqualTo(message);
    }

    @Test
    void linesWrittenThroughPowertoolsCarryTheLambdaContext() {
        org.slf4j.Logger log = LoggerFactory.getLogger("io.todoapi.todo.logging.Probe");
        try (CapturedLogs logs = new CapturedLogs()) {
            PowertoolsLogging.withLogging(TestContext.of("ProbeFunction"), () -> {
                log.info("inside");
                return null;
            });
            List<String> lines = logs.lines().stream()
                    .filter(line -> line.contains("\"inside\""))
                    .toList();
            assertThat(lines).hasSize(1);
            JsonNode json = Json.parse(lines.getFirst());
            assertThat(json.get("function_name").asText()).isEqualTo("ProbeFunction");
            assertThat(json.get("function_request_id").asText()).isNotBlank();
            assertThat(json.get("cold_start").isBoolean()).isTrue();
            assertThat(json.get("service").isTextual()).isTrue();
        }
    }
}
