package io.todoapi.todo.list;

import static io.todoapi.todo.testing.Events.withOwner;
import static io.todoapi.todo.testing.Events.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.id.UuidV7Generator;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.LocalTodoTable;
import io.todoapi.todo.testing.OperationRecorder;
import io.todoapi.todo.testing.Responses;
import io.todoapi.todo.testing.TestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** listTodos against dynalite: pagination through nextToken, owner isolation, one Query per page. */
class ListTodosHandlerIT {

    private static final OperationRecorder CALLS = new OperationRecorder();
    private static LocalTodoTable table;
    private final ListTodosHandler handler = new ListTodosHandler(table.repository(), Events.pipeline());
    private final UuidV7Generator ids = new UuidV7Generator(Clock.systemUTC());
    private String alice;
    private String bob;

    @BeforeAll
    static void createTable() {
        table = LocalTodoTable.create("list-it", CALLS);
    }

    @AfterAll
    static void dropClient() {
        table.close();
    }

    @BeforeEach
    void owners() {
        alice = "alice-" + UUID.randomUUID();
        bob = "bob-" + UUID.randomUUID();
    }

    private List<String> seed(String owner, int count) {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(table.repository()
                    .create(owner, new NewTodo(owner + " #" + i, null, false, null).toTodo(ids.next(), Instant.now()))
                    .id());
        }
        return created;
    }

    private APIGatewayProxyResponseEvent list(String owner, String... query) {
        return handler.handleRequest(
                withQuery(withOwner(Events.load("list-todos"), owner), query), TestContext.of("ListTodosFunction"));
    }

    @Test
    void pagesThrough25TodosTenAtATimeWithoutGapsOrDuplicates() {
        List<String> created = seed(alice, 25);
        seed(bob, 3);
        CALLS.clear();
        List<Integer> sizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = Responses.json(list(alice, "limit", "10", "nextToken", token), 200);
            sizes.add(page.get("items").size());
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            token = page.has("nextToken") ? page.get("nextToken").asText() : null;
        } while (token != null);
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(CALLS.operations()).containsExactly("Query", "Query", "Query");
    }

    @Test
    void aTamperedTokenIs400() {
        seed(alice, 3);
        String token =
                Responses.json(list(alice, "limit", "1"), 200).get("nextToken").asText();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        Responses.problem(list(alice, "limit", "1", "nextToken", tampered), 400);
    }

    @Test
    void eachCallerSeesOnlyTheirOwnTodosAndCannotUseAnothersToken() {
        seed(alice, 3);
        List<String> bobs = seed(bob, 2);
        JsonNode bobsList = Responses.json(list(bob), 200);
        List<String> ids = new ArrayList<>();
        bobsList.get("items").forEach(item -> ids.add(item.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(bobs);

        String alicesToken =
                Responses.json(list(alice, "limit", "1"), 200).get("nextToken").asText();
        Responses.problem(list(bob, "limit", "1", "nextToken", alicesToken), 400);
    }

    @Test
    void aNewCallerHasAnEmptyList() {
        assertThat(Responses.json(list("nobody-" + UUID.randomUUID()), 200).toString())
                .isEqualTo("{\"items\":[]}");
    }
}
