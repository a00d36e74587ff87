package io.todoapi.todo.create;

import static io.todoapi.todo.testing.Events.withBody;
import static io.todoapi.todo.testing.Events.withHeader;
import static io.todoapi.todo.testing.Events.withOwner;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.id.UuidV7Generator;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.testing.Concurrently;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FaultInjector;
import io.todoapi.todo.testing.LocalTodoTable;
import io.todoapi.todo.testing.Responses;
import io.todoapi.todo.testing.TestContext;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** createTodo against dynalite: what the handler answers is what is stored, exactly once per Idempotency-Key. */
class CreateTodoHandlerIT {

    private static final FaultInjector FAULTS = new FaultInjector();
    private static LocalTodoTable table;
    private CreateTodoHandler handler;
    private String owner;

    @BeforeAll
    static void createTable() {
        table = LocalTodoTable.create("create-it", FAULTS);
    }

    @AfterAll
    static void dropClient() {
        table.close();
    }

    @BeforeEach
    void setUp() {
        FAULTS.heal();
        handler = new CreateTodoHandler(
                table.repository(), Clock.systemUTC(), new UuidV7Generator(Clock.systemUTC()), Events.pipeline());
        owner = "user-" + UUID.randomUUID();
    }

    private APIGatewayProxyResponseEvent create(String body, String idempotencyKey) {
        APIGatewayProxyRequestEvent event = withOwner(Events.load("create-todo"), owner);
        return handler.handleRequest(
                withBody(withHeader(event, "Idempotency-Key", idempotencyKey), body),
                TestContext.of("CreateTodoFunction"));
    }

    private List<Todo> stored() {
        return table.repository().list(owner, 100, Optional.empty()).items();
    }

    @Test
    void storesWhatItAnswers() {
        APIGatewayProxyResponseEvent response =
                create("{\"title\":\"Water the plants\",\"dueDate\":\"2026-12-24\"}", null);
        JsonNode body = Responses.json(response, 201);
        String id = body.get("id").asText();
        assertThat(response.getHeaders())
                .containsEntry("Location", "/todos/" + id)
                .containsEntry("ETag", "\"1\"");
        Todo todo = table.repository().get(owner, id).orElseThrow();
        assertThat(todo.title()).isEqualTo("Water the plants");
        assertThat(todo.dueDate()).hasToString("2026-12-24");
        assertThat(body.get("createdAt").asText()).isEqualTo(io.todoapi.todo.json.TodoJson.timestamp(todo.createdAt()));
    }

    @Test
    void eightConcurrentCreatesWithOneKeyStoreOneTodoAndAnswerAlike() throws Exception {
        String key = "order-" + UUID.randomUUID();
        List<APIGatewayProxyResponseEvent> responses =
                Concurrently.run(8, i -> () -> create("{\"title\":\"Pay rent\",\"completed\":false}", key));
        assertThat(responses)
                .allSatisfy(response -> assertThat(response.getStatusCode()).isEqualTo(201));
        assertThat(new HashSet<>(responses.stream()
                        .map(APIGatewayProxyResponseEvent::getBody)
                        .toList()))
                .hasSize(1);
        assertThat(new HashSet<>(responses.stream()
                        .map(r -> r.getHeaders().get("Location"))
                        .toList()))
                .hasSize(1);
        assertThat(stored()).hasSize(1);
        assertThat(stored().getFirst().id())
                .isEqualTo(Responses.json(responses.getFirst(), 201).get("id").asText());
    }

    @Test
    void aRepeatWithTheSameKeyAndAnEquivalentBodyReturnsTheSameTodo() {
        String key = "k-" + UUID.randomUUID();
        APIGatewayProxyResponseEvent first = create("{\"title\":\"Call mum\"}", key);
        // same meaning, different bytes: member order, spacing and the default value spelled out
        APIGatewayProxyResponseEvent again = create("{ \"completed\": false, \"title\": \"Call mum\" }", key);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(stored()).hasSize(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIs422AndStoresNothingNew() {
        String key = "k-" + UUID.randomUUID();
        Responses.json(create("{\"title\":\"first\"}", key), 201);
        Responses.problem(create("{\"title\":\"second\"}", key), 422);
        assertThat(stored()).extracting(Todo::title).containsExactly("first");
    }

    @Test
    void throttlingIsA503AndAFollowingRetryWithTheKeyCreatesExactlyOne() {
        String key = "k-" + UUID.randomUUID();
        FAULTS.failNext(3, FaultInjector.Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
        APIGatewayProxyResponseEvent throttled = create("{\"title\":\"retry me\"}", key);
        Responses.problem(throttled, 503);
        assertThat(throttled.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(stored()).isEmpty();

        Responses.json(create("{\"title\":\"retry me\"}", key), 201);
        Responses.json(create("{\"title\":\"retry me\"}", key), 201);
        assertThat(stored()).extracting(Todo::title).containsExactly("retry me");
    }
}
