package io.todoapi.todo.update;

import static io.todoapi.todo.testing.Events.withBody;
import static io.todoapi.todo.testing.Events.withHeader;
import static io.todoapi.todo.testing.Events.withOwner;
import static io.todoapi.todo.testing.Events.withTodoId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.error.TodoNotFoundException;
import io.todoapi.todo.error.VersionMismatchException;
import io.todoapi.todo.model.Change;
import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoPatch;
import io.todoapi.todo.repository.TodoRepository;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.Responses;
import io.todoapi.todo.testing.TestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class UpdateTodoHandlerTest {

    private static final Instant CREATED = Instant.parse("2026-11-24T19:00:00.000Z");
    private static final Instant NOW = Instant.parse("2026-11-24T19:02:53.123Z");
    private static final Todo UPDATED =
            new Todo(Events.FIXTURE_TODO_ID, "Buy oat milk", null, true, null, CREATED, NOW, 2);

    @Mock
    private TodoRepository todos;

    private UpdateTodoHandler handler;

    @BeforeEach
    void setUp() {
        handler = new UpdateTodoHandler(todos, Clock.fixed(NOW, ZoneOffset.UTC), Events.pipeline());
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, TestContext.of("UpdateTodoFunction"));
    }

    private static APIGatewayProxyRequestEvent patch(String body) {
        return withBody(Events.load("update-todo"), body);
    }

    @Test
    void appliesTheMergePatchUnderTheIfMatchConditionAndReturnsTheNewTodo() {
        when(todos.update(
                        Events.FIXTURE_OWNER,
                        Events.FIXTURE_TODO_ID,
                        new TodoPatch(Change.keep(), Change.remove(), Change.set(true), Change.keep()),
                        Precondition.anyOf(Set.of(1L)),
                        NOW))
                .thenReturn(UPDATED);
        APIGatewayProxyResponseEvent response = handle(Events.load("update-todo"));
        JsonNode body = Responses.json(response, 200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(body.get("version").asInt()).isEqualTo(2);
        assertThat(body.get("completed").asBoolean()).isTrue();
        assertThat(body.has("description")).isFalse();
        assertThat(body.get("updatedAt").asText()).isEqualTo("2026-11-24T19:02:53.123Z");
    }

    @Test
    void withoutIfMatchTheUpdateIsUnconditional() {
        when(todos.update(
                        Events.FIXTURE_OWNER,
                        Events.FIXTURE_TODO_ID,
                        new TodoPatch(Change.set("new title"), Change.keep(), Change.keep(), Change.keep()),
                        Precondition.NONE,
                        NOW))
                .thenReturn(UPDATED);
        Responses.json(handle(withHeader(patch("{\"title\":\"new title\"}"), "If-Match", null)), 200);
    }

    @Test
    void acceptsPlainJsonAsWell() {
        when(todos.update(anyString(), anyString(), any(), any(), any())).thenReturn(UPDATED);
        Responses.json(handle(withHeader(Events.load("update-todo"), "Content-Type", "application/json")), 200);
    }

    @Test
    void returns412WhenTheETagIsStale() {
        when(todos.update(anyString(), anyString(), any(), any(), any()))
                .thenThrow(new VersionMismatchException(Events.FIXTURE_TODO_ID));
        Responses.problem(handle(Events.load("update-todo")), 412);
    }

    @Test
    void returns404WhenTheTodoIsMissingOrForeign() {
        when(todos.update(anyString(), anyString(), any(), any(), any()))
                .thenThrow(new TodoNotFoundException(Events.FIXTURE_TODO_ID));
        Responses.problem(handle(Events.load("update-todo")), 404);
    }

    @Test
    void returns400ForAnEmptyPatch() {
        assertThat(Responses.errors(handle(patch("{}"))))
                .containsExactly("pointer #: must change at least one field (title, description, completed, dueDate)");
        verifyNoInteractions(todos);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":\"x\"}",
                "{\"version\":5}",
                "{\"createdAt\":\"2026-01-01T00:00:00Z\"}",
                "{\"updatedAt\":\"x\"}"
            })
    void returns400ForServerSetFields(String body) {
        assertThat(Responses.errors(handle(patch(body))))
                .singleElement()
                .asString()
                .endsWith(": is read-only: the server sets it");
        verifyNoInteractions(todos);
    }

    @Test
    void returns400ForUnknownFieldsAndRemovedRequiredFields() {
        assertThat(Responses.errors(handle(patch("{\"tags\":[\"a\"],\"title\":null,\"completed\":null}"))))
                .containsExactlyInAnyOrder(
                        "pointer #/tags: is not a known field",
                        "pointer #/title: cannot be removed: a todo always has a title",
                        "pointer #/completed: cannot be removed: set it to true or false");
        verifyNoInteractions(todos);
    }

    @Test
    void returns400ForAPatchThatIsNotAnObject() {
        assertThat(Responses.errors(handle(patch("[{\"op\":\"replace\"}]"))))
                .containsExactly("pointer #: must be a JSON object");
    }

    @Test
    void returns400ForAMalformedIfMatch() {
        assertThat(Responses.errors(handle(withHeader(Events.load("update-todo"), "If-Match", "1"))))
                .containsExactly("header If-Match: must be * or a list of entity tags such as \"3\"");
        verifyNoInteractions(todos);
    }

    @Test
    void returns415ForJsonPatchAndSaysWhatIsAccepted() {
        APIGatewayProxyResponseEvent response =
                handle(withHeader(Events.load("update-todo"), "Content-Type", "application/json-patch+json"));
        Responses.problem(response, 415);
        assertThat(response.getHeaders())
                .containsEntry("Accept-Patch", "application/merge-patch+json, application/json");
    }

    @Test
    void returns413ForAnOversizedPatch() {
        Responses.problem(handle(patch("{\"description\":\"" + "x".repeat(20_000) + "\"}")), 413);
        verifyNoInteractions(todos);
    }

    @Test
    void returns400ForABadIdBeforeLookingAtTheBody() {
        assertThat(Responses.errors(handle(withTodoId(patch("not json"), "42"))))
                .containsExactly("parameter todoId: must be a todo id (a lowercase UUID)");
    }

    @Test
    void returns401WithoutClaims() {
        Responses.problem(handle(withOwner(Events.load("update-todo"), null)), 401);
        verifyNoInteractions(todos);
    }

    @Test
    void returns503WhenDynamoDbIsThrottling() {
        when(todos.update(anyString(), anyString(), any(), any(), any()))
                .thenThrow(new StorageUnavailableException(new RuntimeException()));
        APIGatewayProxyResponseEvent response = handle(Events.load("update-todo"));
        Responses.problem(response, 503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
    }
}
