package io.todoapi.todo.create;

import static io.todoapi.todo.testing.Events.withBody;
import static io.todoapi.todo.testing.Events.withHeader;
import static io.todoapi.todo.testing.Events.withOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.error.IdempotencyKeyReusedException;
import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.repository.TodoRepository;
import io.todoapi.todo.testing.EmfLines;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.Responses;
import io.todoapi.todo.testing.TestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class CreateTodoHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T19:02:53.123Z");
    private static final String ID = "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f61";

    @Mock
    private TodoRepository todos;

    private CreateTodoHandler handler;

    @BeforeEach
    void setUp() {
        handler = new CreateTodoHandler(todos, Clock.fixed(NOW, ZoneOffset.UTC), () -> ID, Events.pipeline());
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, TestContext.of("CreateTodoFunction"));
    }

    private static APIGatewayProxyRequestEvent withoutKey(String body) {
        return withBody(withHeader(Events.load("create-todo"), "Idempotency-Key", null), body);
    }

    @Test
    void returns201WithTheTodoItsLocationAndETag() {
        Todo expected = new Todo(
                ID, "Buy oat milk", "2 litres, barista edition", false, LocalDate.of(2026, 11, 30), NOW, NOW, 1);
        when(todos.create(eq(Events.FIXTURE_OWNER), eq(expected), any(TodoRepository.IdempotencyKey.class)))
                .thenReturn(expected);

        APIGatewayProxyResponseEvent response = handle(Events.load("create-todo"));

        JsonNode body = Responses.json(response, 201);
        assertThat(response.getHeaders())
                .containsEntry("Location", "/todos/" + ID)
                .containsEntry("ETag", "\"1\"")
                .containsEntry("Cache-Control", "no-store");
        assertThat(body.toString())
                .isEqualTo(
                        "{\"id\":\"" + ID + "\",\"title\":\"Buy oat milk\","
                                + "\"description\":\"2 litres, barista edition\",\"completed\":false,\"dueDate\":\"2026-11-30\","
                                + "\"createdAt\":\"2026-11-24T19:02:53.123Z\",\"updatedAt\":\"2026-11-24T19:02:53.123Z\",\"version\":1}");
    }

    @Test
    void passesTheIdempotencyKeyWithTheFingerprintOfTheRequest() {
        when(todos.create(anyString(), any(Todo.class), any(TodoRepository.IdempotencyKey.class)))
                .thenAnswer(call -> call.getArgument(1));
        handle(Events.load("create-todo"));
        ArgumentCaptor<TodoRepository.IdempotencyKey> key =
                ArgumentCaptor.forClass(TodoRepository.IdempotencyKey.class);
        verify(todos).create(eq(Events.FIXTURE_OWNER), any(Todo.class), key.capture());
        assertThat(key.getValue())
                .isEqualTo(new TodoRepository.IdempotencyKey(
                        "3c9f0a7e-create-todo-example",
                        new NewTodo("Buy oat milk", "2 litres, barista edition", false, LocalDate.of(2026, 11, 30))
                                .fingerprint()));
    }

    @Test
    void aCreateAnsweredFromItsIdempotencyKeyIsCountedAsAReplay() {
        Todo earlier = new Todo(
                "019ab6f2-0000-7000-8000-000000000001",
                "Buy oat milk",
                "2 litres, barista edition",
                false,
                LocalDate.of(2026, 11, 30),
                NOW.minusSeconds(60),
                NOW.minusSeconds(60),
                1);
        List<String> emf = new ArrayList<>();
        CreateTodoHandler metered = new CreateTodoHandler(
                todos, Clock.fixed(NOW, ZoneOffset.UTC), () -> ID, Events.pipeline("createTodo", emf::add));
        when(todos.create(anyString(), any(Todo.class), any(TodoRepository.IdempotencyKey.class)))
                .thenAnswer(call -> call.getArgument(1))
                .thenReturn(earlier);

        metered.handleRequest(Events.load("create-todo"), TestContext.of("CreateTodoFunction"));
        APIGatewayProxyResponseEvent replayed =
                metered.handleRequest(Events.load("create-todo"), TestContext.of("CreateTodoFunction"));

        assertThat(Responses.json(replayed, 201).get("id").asText()).isEqualTo(earlier.id());
        assertThat(emf).hasSize(2);
        assertThat(EmfLines.ofOperation(emf.get(0), "createTodo").has("IdempotentReplays"))
                .isFalse();
        assertThat(EmfLines.ofOperation(emf.get(1), "createTodo")
                        .get("IdempotentReplays")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void withoutAnIdempotencyKeyItCreatesPlainly() {
        when(todos.create(anyString(), any(Todo.class))).thenAnswer(call -> call.getArgument(1));
        APIGatewayProxyResponseEvent response = handle(withoutKey("{\"title\":\"t\"}"));
        JsonNode body = Responses.json(response, 201);
        assertThat(body.get("completed").asBoolean()).isFalse();
        assertThat(body.has("description")).isFalse();
        assertThat(body.has("dueDate")).isFalse();
        verify(todos).create(Events.FIXTURE_OWNER, new Todo(ID, "t", null, false, null, NOW, NOW, 1));
    }

    @Test
    void returns400NamingEveryOffendingFieldAndStoresNothing() {
        APIGatewayProxyResponseEvent response = handle(withoutKey(
                "{\"id\":\"x\",\"version\":9,\"createdAt\":\"x\",\"updatedAt\":\"x\",\"title\":\"\",\"completed\":1,"
                        + "\"dueDate\":\"tomorrow\",\"description\":" + "\"d".repeat(1) + "x".repeat(2000) + "\","
                        + "\"extra\":true}"));
        assertThat(Responses.errors(response))
                .containsExactlyInAnyOrder(
                        "pointer #/id: is read-only: the server sets it",
                        "pointer #/version: is read-only: the server sets it",
                        "pointer #/createdAt: is read-only: the server sets it",
                        "pointer #/updatedAt: is read-only: the server sets it",
                        "pointer #/extra: is not a known field",
                        "pointer #/title: must be 1 to 200 characters long",
                        "pointer #/completed: must be a boolean, not number",
                        "pointer #/dueDate: must be a date in YYYY-MM-DD format",
                        "pointer #/description: must be at most 2000 characters long");
        assertThat(Responses.problem(response, 400).get("type").asText())
                .isEqualTo("urn:todo-api:problem:invalid-request");
        verifyNoInteractions(todos);
    }

    @Test
    void aBodyBreakingTheSchemaIsA400NamingTheMemberThatEchoesNothingOfIt() {
        String title = "a".repeat(201);
        APIGatewayProxyResponseEvent tooLong = handle(withoutKey("{\"title\":\"" + title + "\"}"));
        assertThat(Responses.errors(tooLong)).containsExactly("pointer #/title: must be 1 to 200 characters long");
        assertThat(tooLong.getBody()).doesNotContain("a".repeat(65));

        APIGatewayProxyResponseEvent huge =
                handle(withoutKey("{\"title\":\"t\",\"description\":\"" + "d".repeat(1024 * 1024) + "\"}"));
        Responses.problem(huge, 413);
        assertThat(huge.getBody().length()).isLessThan(300);
        verifyNoInteractions(todos);
    }

    @Test
    void returns400ForAMissingTitle() {
        assertThat(Responses.errors(handle(withoutKey("{\"description\":\"no title\"}"))))
                .containsExactly("pointer #/title: is required");
    }

    @Test
    void returns400ForMalformedJsonWithoutEchoingIt() {
        APIGatewayProxyResponseEvent response = handle(withoutKey("{\"title\": \"unterminated"));
        assertThat(Responses.errors(response)).hasSize(1).first().asString().startsWith("pointer #: is not valid JSON");
        assertThat(response.getBody()).doesNotContain("unterminated");
        verifyNoInteractions(todos);
    }

    @Test
    void returns400ForAnEmptyBody() {
        assertThat(Responses.errors(handle(withoutKey(null))))
                .containsExactly("pointer #: is required: send a JSON object");
    }

    @Test
    void returns413ForABodyOver16KiB() {
        APIGatewayProxyResponseEvent response = handle(withoutKey("{\"title\":\"" + "x".repeat(17_000) + "\"}"));
        assertThat(Responses.problem(response, 413).get("detail").asText())
                .isEqualTo("The request body must not be larger than 16384 bytes.");
        verifyNoInteractions(todos);
    }

    @Test
    void returns415ForAnotherContentTypeAndSaysWhichOneIsAccepted() {
        APIGatewayProxyResponseEvent response =
                handle(withHeader(Events.load("create-todo"), "Content-Type", "text/plain"));
        Responses.problem(response, 415);
        assertThat(response.getHeaders()).containsEntry("Accept-Post", "application/json");
        verifyNoInteractions(todos);
    }

    @Test
    void returns400ForAMalformedIdempotencyKey() {
        APIGatewayProxyResponseEvent response =
                handle(withHeader(Events.load("create-todo"), "Idempotency-Key", "not valid!"));
        assertThat(Responses.errors(response))
                .containsExactly("header Idempotency-Key: must be 1 to 128 characters of A-Z, a-z, 0-9, _ and -");
        verifyNoInteractions(todos);
    }

    @Test
    void returns422WhenTheKeyWasUsedForADifferentBody() {
        when(todos.create(anyString(), any(Todo.class), any(TodoRepository.IdempotencyKey.class)))
                .thenThrow(new IdempotencyKeyReusedException());
        JsonNode problem = Responses.problem(handle(Events.load("create-todo")), 422);
        assertThat(problem.get("type").asText()).isEqualTo("urn:todo-api:problem:idempotency-key-reused");
    }

    @Test
    void returns401WithoutClaims() {
        Responses.problem(handle(withOwner(Events.load("create-todo"), null)), 401);
        verifyNoInteractions(todos);
    }

    @Test
    void returns503WithRetryAfterWhenDynamoDbIsThrottling() {
        when(todos.create(anyString(), any(Todo.class), any(TodoRepository.IdempotencyKey.class)))
                .thenThrow(new StorageUnavailableException(new RuntimeException("throttled")));
        APIGatewayProxyResponseEvent response = handle(Events.load("create-todo"));
        Responses.problem(response, 503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
    }

    @Test
    void returns500WithoutInternalsOnAnUnexpectedFailure() {
        when(todos.create(anyString(), any(Todo.class), any(TodoRepository.IdempotencyKey.class)))
                .thenThrow(new IllegalStateException("ResourceNotFoundException: table todo-prod not found"));
        APIGatewayProxyResponseEvent response = handle(Events.load("create-todo"));
        Responses.problem(response, 500);
        assertThat(response.getBody()).doesNotContain("todo-prod", "ResourceNotFound", "IllegalState");
    }
}
