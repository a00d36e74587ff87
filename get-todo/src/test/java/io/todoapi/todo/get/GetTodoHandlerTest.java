package io.todoapi.todo.get;

import static io.todoapi.todo.testing.Events.withHeader;
import static io.todoapi.todo.testing.Events.withOwner;
import static io.todoapi.todo.testing.Events.withTodoId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.repository.TodoRepository;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.Responses;
import io.todoapi.todo.testing.TestContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class GetTodoHandlerTest {

    private static final Instant T = Instant.parse("2026-11-24T19:02:53.123Z");
    private static final Todo TODO = new Todo(
            Events.FIXTURE_TODO_ID, "Buy oat milk", "2 l", false, LocalDate.of(2026, 11, 30), T, T.plusSeconds(1), 3);

    @Mock
    private TodoRepository todos;

    private GetTodoHandler handler;

    @BeforeEach
    void setUp() {
        handler = new GetTodoHandler(todos, Events.pipeline());
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, TestContext.of("GetTodoFunction"));
    }

    @Test
    void returnsTheTodoWithItsETag() {
        when(todos.get(Events.FIXTURE_OWNER, Events.FIXTURE_TODO_ID)).thenReturn(Optional.of(TODO));
        APIGatewayProxyResponseEvent response = handle(Events.load("get-todo"));
        JsonNode body = Responses.json(response, 200);
        assertThat(response.getHeaders())
                .containsEntry("ETag", "\"3\"")
                .containsEntry("Cache-Control", "private, no-cache");
        assertThat(body.toString())
                .isEqualTo(
                        "{\"id\":\"" + Events.FIXTURE_TODO_ID + "\",\"title\":\"Buy oat milk\","
                                + "\"description\":\"2 l\",\"completed\":false,\"dueDate\":\"2026-11-30\","
                                + "\"createdAt\":\"2026-11-24T19:02:53.123Z\",\"updatedAt\":\"2026-11-24T19:02:54.123Z\",\"version\":3}");
    }

    @Test
    void returns304WithoutABodyWhenIfNoneMatchHasTheCurrentETag() {
        when(todos.get(Events.FIXTURE_OWNER, Events.FIXTURE_TODO_ID)).thenReturn(Optional.of(TODO));
        APIGatewayProxyResponseEvent response = handle(withHeader(Events.load("get-todo"), "If-None-Match", "\"3\""));
        assertThat(response.getStatusCode()).isEqualTo(304);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders())
                .containsEntry("ETag", "\"3\"")
                .containsEntry("Access-Control-Allow-Origin", "*")
                .doesNotContainKey("Content-Type");
    }

    @Test
    void returns200WhenIfNoneMatchIsStale() {
        when(todos.get(Events.FIXTURE_OWNER, Events.FIXTURE_TODO_ID)).thenReturn(Optional.of(TODO));
        Responses.json(handle(withHeader(Events.load("get-todo"), "If-None-Match", "\"2\"")), 200);
    }

    @Test
    void returns404ProblemForAMissingTodo() {
        when(todos.get(Events.FIXTURE_OWNER, Events.FIXTURE_TODO_ID)).thenReturn(Optional.empty());
        JsonNode problem = Responses.problem(handle(Events.load("get-todo")), 404);
        assertThat(problem.get("detail").asText()).isEqualTo("Todo " + Events.FIXTURE_TODO_ID + " was not found.");
    }

    @Test
    void returns400ForAnIdThatIsNotAUuid() {
        assertThat(Responses.errors(handle(withTodoId(Events.load("get-todo"), "..%2F..%2Fadmin"))))
                .containsExactly("parameter todoId: must be a todo id (a lowercase UUID)");
        verifyNoInteractions(todos);
    }

    @Test
    void returns400ForAMalformedIfNoneMatch() {
        when(todos.get(Events.FIXTURE_OWNER, Events.FIXTURE_TODO_ID)).thenReturn(Optional.of(TODO));
        assertThat(Responses.errors(handle(withHeader(Events.load("get-todo"), "If-None-Match", "3"))))
                .containsExactly("header If-None-Match: must be * or a list of entity tags such as \"3\"");
    }

    @Test
    void returns401WithoutClaims() {
        Responses.problem(handle(withOwner(Events.load("get-todo"), null)), 401);
        verifyNoInteractions(todos);
    }

    @Test
    void returns503WhenDynamoDbIsUnavailable() {
        when(todos.get(Events.FIXTURE_OWNER, Events.FIXTURE_TODO_ID))
                .thenThrow(new StorageUnavailableException(new RuntimeException()));
        APIGatewayProxyResponseEvent response = handle(Events.load("get-todo"));
        Responses.problem(response, 503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
    }
}
