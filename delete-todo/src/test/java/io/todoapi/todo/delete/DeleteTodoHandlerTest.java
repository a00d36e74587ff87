package io.todoapi.todo.delete;

import static io.todoapi.todo.testing.Events.withHeader;
import static io.todoapi.todo.testing.Events.withOwner;
import static io.todoapi.todo.testing.Events.withTodoId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.error.TodoNotFoundException;
import io.todoapi.todo.error.VersionMismatchException;
import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.repository.TodoRepository;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.Responses;
import io.todoapi.todo.testing.TestContext;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class DeleteTodoHandlerTest {

    @Mock
    private TodoRepository todos;

    private DeleteTodoHandler handler;

    @BeforeEach
    void setUp() {
        handler = new DeleteTodoHandler(todos, Events.pipeline());
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, TestContext.of("DeleteTodoFunction"));
    }

    @Test
    void returns204WithoutABody() {
        APIGatewayProxyResponseEvent response = handle(Events.load("delete-todo"));
        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders())
                .containsEntry("Access-Control-Allow-Origin", "*")
                .doesNotContainKey("Content-Type");
        verify(todos).delete(Events.FIXTURE_OWNER, Events.FIXTURE_TODO_ID, Precondition.NONE);
    }

    @Test
    void passesIfMatchAsTheCondition() {
        handle(withHeader(Events.load("delete-todo"), "If-Match", "\"4\""));
        verify(todos).delete(Events.FIXTURE_OWNER, Events.FIXTURE_TODO_ID, Precondition.anyOf(Set.of(4L)));
    }

    @Test
    void returns404ForAMissingOrForeignTodo() {
        doThrow(new TodoNotFoundException(Events.FIXTURE_TODO_ID))
                .when(todos)
                .delete(Events.FIXTURE_OWNER, Events.FIXTURE_TODO_ID, Precondition.NONE);
        Responses.problem(handle(Events.load("delete-todo")), 404);
    }

    @Test
    void returns412ForAStaleETag() {
        doThrow(new VersionMismatchException(Events.FIXTURE_TODO_ID))
                .when(todos)
                .delete(Events.FIXTURE_OWNER, Events.FIXTURE_TODO_ID, Precondition.anyOf(Set.of(1L)));
        Responses.problem(handle(withHeader(Events.load("delete-todo"), "If-Match", "\"1\"")), 412);
    }

    @Test
    void returns400ForAnInvalidId() {
        assertThat(Responses.errors(handle(withTodoId(Events.load("delete-todo"), "*"))))
                .containsExactly("parameter todoId: must be a todo id (a lowercase UUID)");
        verifyNoInteractions(todos);
    }

    @Test
    void returns401WithoutClaims() {
        Responses.problem(handle(withOwner(Events.load("delete-todo"), null)), 401);
        verifyNoInteractions(todos);
    }

    @Test
    void returns503WhenDynamoDbIsThrottling() {
        doThrow(new StorageUnavailableException(new RuntimeException()))
                .when(todos)
                .delete(Events.FIXTURE_OWNER, Events.FIXTURE_TODO_ID, Precondition.NONE);
        APIGatewayProxyResponseEvent response = handle(Events.load("delete-todo"));
        Responses.problem(response, 503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
    }
}
