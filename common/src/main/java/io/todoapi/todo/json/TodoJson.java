package io.todoapi.todo.json;

import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.model.Todo;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;

/**
 * Writes the API's response bodies with Jackson's streaming generator. Unset optional fields are omitted, never
 * written as {@code null}; times are RFC 3339 UTC with exactly three fraction digits.
 */
public final class TodoJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TodoJson() {}

    /** {@code 2026-11-24T19:02:53.123Z}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    public static String todo(Todo todo) {
        return write(generator -> writeTodo(generator, todo));
    }

    /** A {@code TodoList}: {@code {"items": [...], "nextToken": "..."}}, nextToken omitted when null. */
    public static String todoList(List<Todo> items, String nextToken) {
        return write(generator -> {
            generator.writeStartObject();
            generator.writeArrayFieldStart("items");
            for (Todo todo : items) {
                writeTodo(generator, todo);
            }
            generator.writeEndArray();
            if (nextToken != null) {
                generator.writeStringField("nextToken", nextToken);
            }
            generator.writeEndObject();
        });
    }

    /** An RFC 9457 problem; {@code errors} is omitted when empty. */
    public static String problem(String type, String title, int status, String detail, List<FieldError> errors) {
        return write(generator -> {
            generator.writeStartObject();
            generator.writeStringField("type", type);
            generator.writeStringField("title", title);
            generator.writeNumberField("status", status);
            generator.writeStringField("detail", detail);
            if (!errors.isEmpty()) {
                generator.writeArrayFieldStart("errors");
                for (FieldError error : errors) {
                    generator.writeStartObject();
                    generator.writeStringField(error.location().member(), error.name());
                    generator.writeStringField("detail", error.detail());
                    generator.writeEndObject();
                }
                generator.writeEndArray();
            }
            generator.writeEndObject();
        });
    }

    private static void writeTodo(JsonGenerator generator, Todo todo) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("id", todo.id());
        generator.writeStringField("title", todo.title());
        if (todo.description() != null) {
            generator.writeStringField("description", todo.description());
        }
        generator.writeBooleanField("completed", todo.completed());
        if (todo.dueDate() != null) {
            generator.writeStringField("dueDate", todo.dueDate().toString());
        }
        generator.writeStringField("createdAt", timestamp(todo.createdAt()));
        generator.writeStringField("updatedAt", timestamp(todo.updatedAt()));
        generator.writeNumberField("version", todo.version());
        generator.writeEndObject();
    }

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator generator) throws IOException;
    }

    private static String write(Writer writer) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writer.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
