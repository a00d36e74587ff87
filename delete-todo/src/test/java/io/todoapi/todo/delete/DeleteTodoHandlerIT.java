package io.todoapi.todo.delete;

import static io.todoapi.todo.testing.Events.withHeader;
import static io.todoapi.todo.testing.Events.withOwner;
import static io.todoapi.todo.testing.Events.withTodoId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.id.UuidV7Generator;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.LocalTodoTable;
import io.todoapi.todo.testing.Responses;
import io.todoapi.todo.testing.TestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deleteTodo against dynalite: 204 once, then 404; If-Match; owner isolation. */
class DeleteTodoHandlerIT {

    private static LocalTodoTable table;
    private final UuidV7Generator ids = new UuidV7Generator(Clock.systemUTC());
    private final DeleteTodoHandler handler = new DeleteTodoHandler(table.repository(), Events.pipeline());
    private final String alice = "alice-" + UUID.randomUUID();
    private final Todo todo = table.repository()
            .create(
                    alice,
                    new NewTodo("Delete me", null, false, null)
                            .toTodo(ids.next(), Instant.now().truncatedTo(ChronoUnit.MILLIS)));

    @BeforeAll
    static void createTable() {
        table = LocalTodoTable.create("delete-it");
    }

    @AfterAll
    static void dropClient() {
        table.close();
    }

    private APIGatewayProxyResponseEvent delete(String owner, String id, String ifMatch) {
        return handler.handleRequest(
                withHeader(withTodoId(withOwner(Events.load("delete-todo"), owner), id), "If-Match", ifMatch),
                TestContext.of("DeleteTodoFunction"));
    }

    @Test
    void deletesOnceThenAnswers404() {
        assertThat(delete(alice, todo.id(), "\"1\"").getStatusCode()).isEqualTo(204);
        assertThat(table.repository().get(alice, todo.id())).isEmpty();
        Responses.problem(delete(alice, todo.id(), null), 404);
    }

    @Test
    void aStaleIfMatchIs412AndKeepsTheTodo() {
        Responses.problem(delete(alice, todo.id(), "\"7\""), 412);
        assertThat(table.repository().get(alice, todo.id())).contains(todo);
    }

    @Test
    void aMissingTodoIs404() {
        Responses.problem(delete(alice, ids.next(), null), 404);
    }

    @Test
    void anotherCallerGets404AndTheTodoStays() {
        Responses.problem(delete("mallory-" + UUID.randomUUID(), todo.id(), null), 404);
        assertThat(table.repository().get(alice, todo.id())).contains(todo);
    }
}
