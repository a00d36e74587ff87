package io.todoapi.todo.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;
import software.amazon.awssdk.thirdparty.jackson.core.JsonEncoding;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;

/**
 * Writes each logging event as one JSON object on one line, the shape CloudWatch Logs Insights reads: {@code level},
 * {@code logger}, {@code message}, every MDC entry (Powertools' Lambda context fields such as {@code cold_start},
 * {@code function_request_id} and {@code correlation_id}, and our request fields), SLF4J key-value pairs,
 * {@code timestamp}, and an {@code error} object for a throwable. It uses the Jackson streaming generator the AWS
 * SDK already loads, so logging adds no JSON library and few classes to a cold start.
 *
 * <p>Values are written as JSON strings, as they are in the MDC, except {@code cold_start}, which stays a JSON
 * boolean as in Powertools' Lambda log format. An MDC or key-value entry named like one of the line's own fields is
 * left out rather than written twice (duplicate keys would make the line ambiguous).
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** Exactly three fraction digits, UTC: {@code 2026-11-30T16:02:53.120Z}. Immutable: one instance serves every line. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final Set<String> OWN_FIELDS = Set.of("level", "logger", "message", "timestamp", "error");
    private static final String COLD_START = "cold_start";

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        try (JsonGenerator json = FACTORY.createGenerator(line, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("message", event.getFormattedMessage());
            for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
                writeContextField(json, entry.getKey(), entry.getValue());
            }
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    writeContextField(json, pair.key, pair.value == null ? null : String.valueOf(pair.value));
                }
            }
            json.writeStringField("timestamp", TIMESTAMP.format(event.getInstant()));
            IThrowableProxy error = event.getThrowableProxy();
            if (error != null) {
                json.writeObjectFieldStart("error");
                json.writeStringField("name", error.getClassName());
                json.writeStringField("message", error.getMessage());
                json.writeStringField("stack", ThrowableProxyUtil.asString(error));
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the generator writes to memory
        }
        line.write('\n');
        return line.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    private static void writeContextField(JsonGenerator json, String name, String value) throws IOException {
        if (name == null || OWN_FIELDS.contains(name)) {
            return;
        }
        if (COLD_START.equals(name) && ("true".equals(value) || "false".equals(value))) {
            json.writeBooleanField(name, Boolean.parseBoolean(value));
        } else {
            json.writeStringField(name, value);
        }
    }
}
