package io.todoapi.todo.get;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.error.TodoNotFoundException;
import io.todoapi.todo.http.ApiRequests;
import io.todoapi.todo.http.ApiResponses;
import io.todoapi.todo.http.EntityTags;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.repository.DynamoDbTodoRepository;
import io.todoapi.todo.repository.TodoRepository;

/** {@code GET /todos/{todoId}} (getTodo): 200 with the todo and its ETag, or 304 when If-None-Match matches. */
public final class GetTodoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final TodoRepository todos;
    private final ApiRequests api;

    public GetTodoHandler() {
        this(DynamoDbTodoRepository.fromEnvironment(), ApiRequests.fromEnvironment());
    }

    GetTodoHandler(TodoRepository todos, ApiRequests api) {
        this.todos = todos;
        this.api = api;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return api.handle(event, context, request -> {
            String id = request.todoId();
            Todo todo = todos.get(request.owner(), id).orElseThrow(() -> new TodoNotFoundException(id));
            return EntityTags.noneMatchHits(request.header("If-None-Match").orElse(null), todo)
                    ? ApiResponses.notModified(todo)
                    : ApiResponses.okWithETag(todo);
        });
    }
}
