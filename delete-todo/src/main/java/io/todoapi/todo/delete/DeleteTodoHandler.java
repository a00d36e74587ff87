package io.todoapi.todo.delete;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.CompositionRoot;
import io.todoapi.todo.http.ApiResponses;
import io.todoapi.todo.http.RequestPipeline;
import io.todoapi.todo.priming.PrimingEvents;
import io.todoapi.todo.repository.TodoRepository;

/** {@code DELETE /todos/{todoId}} (deleteTodo): 204, honouring If-Match; 404 for a missing or foreign todo. */
public final class DeleteTodoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final TodoRepository todos;
    private final RequestPipeline api;

    /** The production constructor, which Lambda and local-api call: dependencies from the composition root. */
    public DeleteTodoHandler() {
        CompositionRoot root = CompositionRoot.fromEnvironment("deleteTodo");
        this(root.repository(), root.pipeline());
        root.prime(this, PrimingEvents::deleteTodo);
    }

    DeleteTodoHandler(TodoRepository todos, RequestPipeline api) {
        this.todos = todos;
        this.api = api;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return api.handle(event, context, request -> {
            todos.delete(request.owner(), request.todoId(), request.ifMatch());
            return ApiResponses.noContent();
        });
    }
}
