package io.todoapi.todo.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jr.ob.JSON;
import io.todoapi.todo.json.JsonBodyParser;
import io.todoapi.todo.json.TodoJson;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.validation.TodoValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Run in a fresh JVM with one probe name, it does one thing once, prints {@code DONE} and exits; the caller times it
 * from process start and counts the classes it loads. JSON libraries ({@code databind}, {@code jackson-jr},
 * {@code streaming}): read the createTodo body into a todo and write the todo as JSON. {@code none} does nothing:
 * the JVM's own floor. (The logging probe is {@link LoggingProbe}.)
 */
public final class StartupProbe {

    static final String BODY = "{\"title\":\"Buy oat milk\",\"description\":\"2 litres, barista edition\","
            + "\"completed\":false,\"dueDate\":\"2026-11-30\"}";
    static final String ID = "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60";
    static final Instant NOW = Instant.parse("2026-11-24T19:02:53.123Z");

    private StartupProbe() {}

    /** The bean the data-binding libraries read the body into and write the todo from. */
    public static class TodoBean {
        public String id;
        public String title;
        public String description;
        public boolean completed;
        public String dueDate;
        public String createdAt;
        public String updatedAt;
        public long version;
    }

    public static void main(String[] args) throws IOException {
        String json = switch (args[0]) {
            case "none" -> "";
            case "databind" -> databind();
            case "jackson-jr" -> jacksonJr();
            case "streaming" -> streaming();
            default -> throw new IllegalArgumentException(args[0]);
        };
        System.out.println("DONE " + json);
    }

    static String databind() throws IOException {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        TodoBean todo = mapper.readValue(BODY, TodoBean.class);
        complete(todo);
        return mapper.writeValueAsString(todo);
    }

    static String jacksonJr() throws IOException {
        JSON json = JSON.std.with(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY);
        TodoBean todo = json.beanFrom(TodoBean.class, BODY);
        complete(todo);
        return json.asString(todo);
    }

    /** What the functions do: the SDK's Jackson core (streaming), our parser and validator, our writer. */
    static String streaming() {
        NewTodo newTodo = TodoValidator.newTodo(JsonBodyParser.parseObject(BODY.getBytes(StandardCharsets.UTF_8)));
        Todo todo = newTodo.toTodo(ID, NOW);
        return TodoJson.todo(todo);
    }

    private static void complete(TodoBean todo) {
        todo.id = ID;
        todo.createdAt = NOW.toString();
        todo.updatedAt = NOW.toString();
        todo.version = 1;
    }
}
