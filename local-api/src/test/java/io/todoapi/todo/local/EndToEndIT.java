package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoapi.todo.client.ApiClient;
import io.todoapi.todo.client.ApiException;
import io.todoapi.todo.client.ApiResponse;
import io.todoapi.todo.client.api.TodosApi;
import io.todoapi.todo.client.model.NewTodo;
import io.todoapi.todo.client.model.Todo;
import io.todoapi.todo.client.model.TodoList;
import io.todoapi.todo.client.model.TodoPatch;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole API through local-api, driven by the Java client generated from openapi.yaml, with the negative
 * cases sent as raw HTTP where the client cannot express them. Every exchange is checked against openapi.yaml
 * (swagger-request-validator): requests the client sends must follow the contract, and every response must.
 */
class EndToEndIT {

    /** Marks a raw request that breaks the contract on purpose: only its response is checked. */
    private static final String VIOLATION = "X-Test-Contract-Violation";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningApi api;
    private static final ContractValidator CONTRACT = new ContractValidator();

    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();
    private final TodosApi asAlice = client(alice);
    private final TodosApi asBob = client(bob);

    @BeforeAll
    static void startApi() throws IOException {
        api = RunningApi.start();
    }

    @AfterAll
    static void everyExchangeFollowsTheContract() {
        try {
            assertThat(api.exchanges).hasSizeGreaterThan(50);
            List<String> problems = new ArrayList<>();
            for (LocalApiServer.Exchange exchange : api.exchanges) {
                boolean violation = exchange.requestHeaders().containsKey(VIOLATION);
                List<String> found = violation ? CONTRACT.responseProblems(exchange) : CONTRACT.problems(exchange);
                found.forEach(problem -> problems.add(
                        exchange.method() + " " + exchange.path() + " -> " + exchange.status() + ": " + problem));
            }
            assertThat(problems).isEmpty();
        } finally {
            api.close();
        }
    }

    private static TodosApi client(String sub) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(api == null ? "http://127.0.0.1:1" : api.base().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", Tokens.bearer(sub)));
        return new TodosApi(client);
    }

    private static NewTodo newTodo(String title) {
        return new NewTodo().title(title);
    }

    private HttpResponse<String> raw(String method, String path, String body, String sub, String... headers) {
        List<String> all = new ArrayList<>(List.of(VIOLATION, "true"));
        if (sub != null) {
            all.addAll(List.of("Authorization", Tokens.bearer(sub)));
        }
        all.addAll(List.of(headers));
        return api.send(method, path, body, all.toArray(String[]::new));
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        try {
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("type").asText()).isNotBlank();
            assertThat(body.get("title").asText()).isNotBlank();
            assertThat(body.get("detail").asText()).isNotBlank();
            return body;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static int statusOf(ThrowingCall call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.getCode();
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws ApiException;
    }

    @Test
    void createReadListChangeAndDeleteATodo() throws ApiException {
        ApiResponse<Todo> created = asAlice.createTodoWithHttpInfo(
                newTodo("Buy oat milk").description("2 litres").dueDate(LocalDate.of(2026, 12, 1)),
                "order-" + UUID.randomUUID());
        assertThat(created.getStatusCode()).isEqualTo(201);
        Todo todo = created.getData();
        assertThat(todo.getVersion()).isEqualTo(1);
        assertThat(todo.getCompleted()).isFalse();
        assertThat(created.getHeaders().get("location")).containsExactly("/todos/" + todo.getId());
        assertThat(created.getHeaders().get("etag")).containsExactly("\"1\"");

        ApiResponse<Todo> read = asAlice.getTodoWithHttpInfo(todo.getId(), null);
        assertThat(read.getData()).isEqualTo(todo);
        assertThat(statusOf(() -> asAlice.getTodo(todo.getId(), "\"1\""))).isEqualTo(304);

        assertThat(asAlice.listTodos(null, null).getItems()).containsExactly(todo);

        ApiResponse<Todo> changed = asAlice.updateTodoWithHttpInfo(
                todo.getId(), new TodoPatch().completed(true).description(null), "\"1\"");
        assertThat(changed.getHeaders().get("etag")).containsExactly("\"2\"");
        assertThat(changed.getData().getCompleted()).isTrue();
        assertThat(changed.getData().getDescription()).isNull();
        assertThat(changed.getData().getTitle()).isEqualTo("Buy oat milk");
        assertThat(changed.getData().getVersion()).isEqualTo(2);

        asAlice.deleteTodo(todo.getId(), "\"2\"");
        assertThatThrownBy(() -> asAlice.getTodo(todo.getId(), null))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void pagesThroughTwentyFiveTodosInCreationOrder() throws ApiException {
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            created.add(asAlice.createTodo(newTodo("todo " + i), null).getId());
        }
        List<Integer> sizes = new ArrayList<>();
        List<UUID> seen = new ArrayList<>();
        String token = null;
        do {
            TodoList page = asAlice.listTodos(10, token);
            sizes.add(page.getItems().size());
            page.getItems().forEach(item -> seen.add(item.getId()));
            token = page.getNextToken();
        } while (token != null);
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void anIdempotencyKeyCreatesOnceAndRejectsAnotherBody() throws ApiException {
        String key = "key-" + UUID.randomUUID();
        Todo first = asAlice.createTodo(newTodo("Pay rent"), key);
        Todo again = asAlice.createTodo(newTodo("Pay rent"), key);
        assertThat(again).isEqualTo(first);
        assertThat(asAlice.listTodos(100, null).getItems()).containsExactly(first);
        assertThatThrownBy(() -> asAlice.createTodo(newTodo("Pay the other rent"), key))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getResponseBody()).contains("urn:todo-api:problem:idempotency-key-reused");
                });
    }

    @Test
    void twoUsersNeverSeeOrTouchEachOthersTodos() throws ApiException {
        Todo alices = asAlice.createTodo(newTodo("Alice's secret"), null);
        Todo bobs = asBob.createTodo(newTodo("Bob's"), null);
        assertThat(asBob.listTodos(100, null).getItems()).containsExactly(bobs);
        assertThat(asAlice.listTodos(100, null).getItems()).containsExactly(alices);
        assertThat(statusOf(() -> asBob.getTodo(alices.getId(), null))).isEqualTo(404);
        assertThat(statusOf(() -> asBob.updateTodo(alices.getId(), new TodoPatch().title("pwned"), null)))
                .isEqualTo(404);
        assertThat(statusOf(() -> asBob.deleteTodo(alices.getId(), null))).isEqualTo(404);
        assertThat(asAlice.getTodo(alices.getId(), null)).isEqualTo(alices);

        asAlice.createTodo(newTodo("second"), null);
        String alicesToken = asAlice.listTodos(1, null).getNextToken();
        assertThat(alicesToken).isNotNull();
        assertThat(statusOf(() -> asBob.listTodos(1, alicesToken))).isEqualTo(400);
    }

    @Test
    void aStaleETagIs412AndChangesNothing() throws ApiException {
        Todo todo = asAlice.createTodo(newTodo("v1"), null);
        asAlice.updateTodo(todo.getId(), new TodoPatch().title("v2"), null);
        HttpResponse<String> stale = raw(
                "PATCH",
                "/todos/" + todo.getId(),
                "{\"title\":\"lost update\"}",
                alice,
                "Content-Type",
                "application/merge-patch+json",
                "If-Match",
                "\"1\"");
        problem(stale, 412);
        assertThat(problem(raw("DELETE", "/todos/" + todo.getId(), null, alice, "If-Match", "\"1\""), 412))
                .isNotNull();
        assertThat(asAlice.getTodo(todo.getId(), null).getTitle()).isEqualTo("v2");
    }

    @Test
    void aMergePatchWithNullRemovesOptionalFields() throws ApiException {
        Todo todo = asAlice.createTodo(newTodo("dated").description("d").dueDate(LocalDate.of(2027, 1, 1)), null);
        TodoPatch patch = new TodoPatch();
        patch.setDueDate(null);
        Todo changed = asAlice.updateTodo(todo.getId(), patch, null);
        assertThat(changed.getDueDate()).isNull();
        assertThat(changed.getDescription()).isEqualTo("d");
    }

    @Test
    void malformedJsonUnknownFieldsAndServerFieldsAre400() {
        JsonNode malformed = problem(
                raw("POST", "/todos", "{\"title\": \"unterminated", alice, "Content-Type", "application/json"), 400);
        assertThat(malformed.get("type").asText()).isEqualTo("urn:todo-api:problem:invalid-request");
        problem(
                raw(
                        "POST",
                        "/todos",
                        "{\"title\":\"x\",\"colour\":\"red\"}",
                        alice,
                        "Content-Type",
                        "application/json"),
                400);
        problem(
                raw("POST", "/todos", "{\"title\":\"x\",\"version\":7}", alice, "Content-Type", "application/json"),
                400);
        Todo todo = createdBy(alice);
        JsonNode patchProblem = problem(
                raw(
                        "PATCH",
                        "/todos/" + todo.getId(),
                        "{\"id\":\"x\",\"priority\":1}",
                        alice,
                        "Content-Type",
                        "application/merge-patch+json"),
                400);
        assertThat(patchProblem.get("errors").toString()).contains("#/id").contains("#/priority");
        problem(
                raw("PATCH", "/todos/" + todo.getId(), "{}", alice, "Content-Type", "application/merge-patch+json"),
                400);
    }

    @Test
    void aWrongContentTypeIs415() {
        HttpResponse<String> response =
                raw("POST", "/todos", "title=x", alice, "Content-Type", "application/x-www-form-urlencoded");
        problem(response, 415);
        Todo todo = createdBy(alice);
        problem(raw("PATCH", "/todos/" + todo.getId(), "{\"title\":\"y\"}", alice, "Content-Type", "text/plain"), 415);
    }

    @Test
    void aBodyOver16KibIs413() {
        String padded = "{\"title\":\"x\"" + " ".repeat(17_000) + "}";
        problem(raw("POST", "/todos", padded, alice, "Content-Type", "application/json"), 413);
        Todo todo = createdBy(alice);
        problem(
                raw(
                        "PATCH",
                        "/todos/" + todo.getId(),
                        "{\"description\":\"" + "d".repeat(17_000) + "\"}",
                        alice,
                        "Content-Type",
                        "application/merge-patch+json"),
                413);
    }

    @Test
    void badTokensAre401() {
        problem(raw("GET", "/todos", null, null, "Authorization", "Bearer not-a-jwt"), 401);
        problem(
                raw("GET", "/todos", null, null, "Authorization", "Bearer " + Tokens.jwt("{\"sub\":\"x\",\"exp\":1}")),
                401);
        problem(raw("GET", "/todos", null, null, "Authorization", "Basic dXNlcjpwYXNz"), 401);
    }

    @Test
    void anExpiredTokenIs401SayingSoAndAnEmptyHeaderIs401() {
        JsonNode expired = problem(
                raw(
                        "GET",
                        "/todos",
                        null,
                        null,
                        "Authorization",
                        "Bearer "
                                + Tokens.jwt(
                                        "{\"sub\":\"x\",\"aud\":\"local-client\",\"token_use\":\"id\",\"exp\":1700000000}")),
                401);
        assertThat(expired.get("detail").asText()).isEqualTo("The incoming token has expired");
        JsonNode empty = problem(raw("GET", "/todos", null, null, "Authorization", ""), 401);
        assertThat(empty.get("detail").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void invalidIdsParametersAndTokensAre400() {
        problem(raw("GET", "/todos/not-a-uuid", null, alice), 400);
        problem(raw("GET", "/todos?limit=0", null, alice), 400);
        problem(raw("GET", "/todos?limit=101", null, alice), 400);
        problem(raw("GET", "/todos?nextToken=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null, alice), 400);
    }

    @Test
    void unknownRoutesAre404AndOtherMethods405() {
        problem(raw("GET", "/nope", null, alice), 404);
        HttpResponse<String> notAllowed = raw("PUT", "/todos", "{}", alice, "Content-Type", "application/json");
        problem(notAllowed, 405);
        assertThat(notAllowed.headers().firstValue("Allow")).contains("POST, GET, OPTIONS");
    }

    @Test
    void corsPreflightIsAnsweredForBothPaths() {
        for (String path : List.of("/todos", "/todos/" + UUID.randomUUID())) {
            HttpResponse<String> preflight = api.send(
                    "OPTIONS",
                    path,
                    null,
                    "Origin",
                    "https://app.example.com",
                    "Access-Control-Request-Method",
                    "PATCH");
            assertThat(preflight.statusCode()).isEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("*");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                    .hasValueSatisfying(headers -> assertThat(headers)
                            .contains("Authorization")
                            .contains("If-Match")
                            .contains("Idempotency-Key"));
        }
    }

    @Test
    void everyResponseExposesTheHeadersBrowsersNeed() throws ApiException {
        ApiResponse<Todo> created = asAlice.createTodoWithHttpInfo(newTodo("cors"), null);
        assertThat(created.getHeaders().get("access-control-allow-origin")).containsExactly("*");
        assertThat(created.getHeaders().get("access-control-expose-headers"))
                .singleElement()
                .asString()
                .contains("ETag")
                .contains("Location");
    }

    @Test
    void idsAreUniqueAcrossManyCreates() throws ApiException {
        HashSet<UUID> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ids.add(asBob.createTodo(newTodo("n" + i), null).getId());
        }
        assertThat(ids).hasSize(20);
    }

    private Todo createdBy(String sub) {
        try {
            return client(sub).createTodo(newTodo("target"), null);
        } catch (ApiException e) {
            throw new AssertionError(e);
        }
    }
}
