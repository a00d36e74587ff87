package io.todoapi.todo.delete;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.http.RequestPipeline;
import io.todoapi.todo.http.ApiResponses;
import io.todoapi.todo.priming.DeployedFunction;
import io.todoapi.todo.priming.PrimingEvents;
import io.todoapi.todo.priming.SnapStartPriming;
import io.todoapi.todo.repository.TodoRepository;

/** {@code DELETE /todos/{todoId}} (deleteTodo): 204, honouring If-Match; 404 for a missing or foreign todo. */
public final class DeleteTodoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final TodoRepository todos;
    private final RequestPipeline api;
    /** Held because the CRaC context references its resources weakly; null in tests. */
    private final SnapStartPriming priming;

    public DeleteTodoHandler() {
        this(DeployedFunction.fromEnvironment("deleteTodo"));
    }

    private DeleteTodoHandler(DeployedFunction function) {
        this.todos = function.repository();
        this.api = function.api();
        this.priming = function.registerPriming(this, PrimingEvents::deleteTodo);
    }

    DeleteTodoHandler(TodoRepository todos, RequestPipeline api) {
        this.todos = todos;
        this.api = api;
        this.priming = null;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return api.handle(event, context, request -> {
            todos.delete(request.owner(), request.todoId(), request.ifMatch());
            return ApiResponses.noContent();
        });
    }

    /** The function's SnapStart priming (registered by the no-arg constructor only), for tests. */
    SnapStartPriming priming() {
        return priming;
    }
}
