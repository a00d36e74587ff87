package io.todoapi.todo.update;

import static io.todoapi.todo.testing.Events.withBody;
import static io.todoapi.todo.testing.Events.withHeader;
import static io.todoapi.todo.testing.Events.withOwner;
import static io.todoapi.todo.testing.Events.withTodoId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.id.UuidV7Generator;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.testing.Concurrently;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.LocalTodoTable;
import io.todoapi.todo.testing.Responses;
import io.todoapi.todo.testing.TestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** updateTodo against dynalite: If-Match, concurrent patches, owner isolation. */
class UpdateTodoHandlerIT {

    private static LocalTodoTable table;
    private final UpdateTodoHandler handler =
            new UpdateTodoHandler(table.repository(), Clock.systemUTC(), Events.pipeline());
    private final String alice = "alice-" + UUID.randomUUID();
    private final Todo todo = table.repository()
            .create(
                    alice,
                    new NewTodo("Original", "keep me", false, null)
                            .toTodo(
                                    new UuidV7Generator(Clock.systemUTC()).next(),
                                    Instant.now().truncatedTo(ChronoUnit.MILLIS)));

    @BeforeAll
    static void createTable() {
        table = LocalTodoTable.create("update-it");
    }

    @AfterAll
    static void dropClient() {
        table.close();
    }

    private APIGatewayProxyResponseEvent patch(String owner, String body, String ifMatch) {
        return handler.handleRequest(
                withHeader(
                        withBody(withTodoId(withOwner(Events.load("update-todo"), owner), todo.id()), body),
                        "If-Match",
                        ifMatch),
                TestContext.of("UpdateTodoFunction"));
    }

    private Todo current() {
        return table.repository().get(alice, todo.id()).orElseThrow();
    }

    @Test
    void appliesAMergePatchAndReturnsTheNewVersion() {
        APIGatewayProxyResponseEvent response =
                patch(alice, "{\"title\":\"Renamed\",\"description\":null,\"dueDate\":\"2027-03-01\"}", "\"1\"");
        JsonNode body = Responses.json(response, 200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(body.has("description")).isFalse();
        Todo stored = current();
        assertThat(stored.title()).isEqualTo("Renamed");
        assertThat(stored.description()).isNull();
        assertThat(stored.dueDate()).hasToString("2027-03-01");
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void anIfMatchOfAHundredTagsIsTheMostDynamoDbTakesAndMoreIsA400NamingTheHeader() {
        // DynamoDB refuses IN with more than 100 operands (dynalite does not: the tests enforce DynamoDB's limits).
        String hundred = java.util.stream.IntStream.rangeClosed(1, 100)
                .mapToObj(v -> "\"" + v + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        JsonNode problem = Responses.problem(patch(alice, "{\"title\":\"x\"}", hundred + ", \"101\""), 400);
        assertThat(problem.get("errors").get(0).get("header").asText()).isEqualTo("If-Match");
        assertThat(current().version()).isEqualTo(1);

        Responses.json(patch(alice, "{\"title\":\"Renamed\"}", hundred), 200);
        assertThat(current().title()).isEqualTo("Renamed");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Responses.json(patch(alice, "{\"completed\":true}", null), 200);
        Responses.problem(patch(alice, "{\"title\":\"lost update\"}", "\"1\""), 412);
        assertThat(current().title()).isEqualTo("Original");
        assertThat(current().version()).isEqualTo(2);
    }

    @Test
    void sixteenConcurrentPatchesOfDifferentFieldsAreAllKept() throws Exception {
        String[] bodies = {
            "{\"title\":\"t%d\"}", "{\"description\":\"d%d\"}", "{\"completed\":true}", "{\"dueDate\":\"2027-01-%02d\"}"
        };
        List<APIGatewayProxyResponseEvent> responses =
                Concurrently.run(16, i -> () -> patch(alice, bodies[i % 4].formatted(i + 1), null));
        assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(200));
        assertThat(responses.stream().map(r -> r.getHeaders().get("ETag")).distinct())
                .hasSize(16);
        Todo end = current();
        assertThat(end.version()).isEqualTo(17);
        assertThat(end.title()).matches("t\\d+");
        assertThat(end.description()).matches("d\\d+");
        assertThat(end.completed()).isTrue();
        assertThat(end.dueDate()).isNotNull();
    }

    @Test
    void ofSixteenConcurrentIfMatchPatchesExactlyOneSucceeds() throws Exception {
        List<Integer> statuses = Concurrently.run(
                16,
                i -> () -> patch(alice, "{\"title\":\"winner " + i + "\"}", "\"1\"")
                        .getStatusCode());
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 412).hasSize(15);
        assertThat(current().version()).isEqualTo(2);
    }

    @Test
    void anotherCallerGets404AndChangesNothing() {
        Responses.problem(patch("mallory-" + UUID.randomUUID(), "{\"title\":\"pwned\"}", null), 404);
        assertThat(current()).isEqualTo(todo);
    }
}
