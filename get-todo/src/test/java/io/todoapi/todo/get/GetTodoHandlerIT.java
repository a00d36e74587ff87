package io.todoapi.todo.get;

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

/** getTodo against dynalite: read back, conditional GET, owner isolation. */
class GetTodoHandlerIT {

    private static LocalTodoTable table;
    private final GetTodoHandler handler = new GetTodoHandler(table.repository(), Events.pipeline());
    private final String alice = "alice-" + UUID.randomUUID();
    private final Todo todo = table.repository()
            .create(
                    alice,
                    new NewTodo("Read me", "body", false, null)
                            .toTodo(
                                    new UuidV7Generator(Clock.systemUTC()).next(),
                                    Instant.now().truncatedTo(ChronoUnit.MILLIS)));

    @BeforeAll
    static void createTable() {
        table = LocalTodoTable.create("get-it");
    }

    @AfterAll
    static void dropClient() {
        table.close();
    }

    private APIGatewayProxyResponseEvent get(String owner, String id, String ifNoneMatch) {
        return handler.handleRequest(
                withHeader(withTodoId(withOwner(Events.load("get-todo"), owner), id), "If-None-Match", ifNoneMatch),
                TestContext.of("GetTodoFunction"));
    }

    @Test
    void readsTheStoredTodo() {
        APIGatewayProxyResponseEvent response = get(alice, todo.id(), null);
        assertThat(Responses.json(response, 200).get("title").asText()).isEqualTo("Read me");
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
    }

    @Test
    void answers304ForTheCurrentETag() {
        assertThat(get(alice, todo.id(), "\"1\"").getStatusCode()).isEqualTo(304);
    }

    @Test
    void anotherCallerGets404() {
        Responses.problem(get("mallory-" + UUID.randomUUID(), todo.id(), null), 404);
    }

    @Test
    void aMissingTodoIs404() {
        Responses.problem(get(alice, new UuidV7Generator(Clock.systemUTC()).next(), null), 404);
    }
}
