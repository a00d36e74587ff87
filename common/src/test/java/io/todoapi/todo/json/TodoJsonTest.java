package io.todoapi.todo.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.model.Todo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TodoJsonTest {

    private static final Instant T = Instant.parse("2026-11-24T19:02:00Z");

    @Test
    void writesEveryFieldWithMillisecondTimestamps() {
        Todo todo = new Todo(
                "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60",
                "Buy \"oat\" milk \u00e9\uD83D\uDE00",
                "2 l",
                true,
                LocalDate.of(2026, 11, 30),
                T,
                T.plusMillis(5),
                7);
        assertThat(TodoJson.todo(todo))
                .isEqualTo("{\"id\":\"019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60\","
                        + "\"title\":\"Buy \\\"oat\\\" milk \u00e9\uD83D\uDE00\",\"description\":\"2 l\",\"completed\":true,"
                        + "\"dueDate\":\"2026-11-30\",\"createdAt\":\"2026-11-24T19:02:00.000Z\","
                        + "\"updatedAt\":\"2026-11-24T19:02:00.005Z\",\"version\":7}");
    }

    @Test
    void omitsUnsetOptionalFieldsInsteadOfWritingNull() {
        Todo todo = new Todo("id", "t", null, false, null, T, T, 1);
        assertThat(TodoJson.todo(todo))
                .isEqualTo(
                        "{\"id\":\"id\",\"title\":\"t\",\"completed\":false,"
                                + "\"createdAt\":\"2026-11-24T19:02:00.000Z\",\"updatedAt\":\"2026-11-24T19:02:00.000Z\",\"version\":1}");
    }

    @Test
    void writesAListWithAndWithoutNextToken() {
        Todo todo = new Todo("id", "t", null, false, null, T, T, 1);
        assertThat(TodoJson.todoList(List.of(), null)).isEqualTo("{\"items\":[]}");
        assertThat(TodoJson.todoList(List.of(todo), "tok"))
                .startsWith("{\"items\":[{\"id\":\"id\"")
                .endsWith("}],\"nextToken\":\"tok\"}");
    }

    @Test
    void writesProblemsWithTheirErrors() {
        assertThat(TodoJson.problem("about:blank", "Not Found", 404, "gone", List.of()))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"gone\"}");
        assertThat(TodoJson.problem(
                        "t",
                        "x",
                        400,
                        "d",
                        List.of(
                                FieldError.body("title", "is required"),
                                FieldError.parameter("limit", "too big"),
                                FieldError.header("If-Match", "bad"))))
                .isEqualTo("{\"type\":\"t\",\"title\":\"x\",\"status\":400,\"detail\":\"d\",\"errors\":["
                        + "{\"pointer\":\"#/title\",\"detail\":\"is required\"},"
                        + "{\"parameter\":\"limit\",\"detail\":\"too big\"},"
                        + "{\"header\":\"If-Match\",\"detail\":\"bad\"}]}");
    }
}
