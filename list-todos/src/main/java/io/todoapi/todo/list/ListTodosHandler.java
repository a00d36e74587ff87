package io.todoapi.todo.list;

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

/** {@code GET /todos} (listTodos): one page of the caller's todos in creation order, one Query per page. */
public final class ListTodosHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final TodoRepository todos;
    private final RequestPipeline api;
    /** Held because the CRaC context references its resources weakly; null in tests. */
    private final SnapStartPriming priming;

    public ListTodosHandler() {
        this(DeployedFunction.fromEnvironment("listTodos"));
    }

    private ListTodosHandler(DeployedFunction function) {
        this.todos = function.repository();
        this.api = function.api();
        this.priming = function.registerPriming(this, PrimingEvents::listTodos);
    }

    ListTodosHandler(TodoRepository todos, RequestPipeline api) {
        this.todos = todos;
        this.api = api;
        this.priming = null;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return api.handle(event, context, request -> {
            int limit = request.limit();
            return ApiResponses.page(request.owner(), todos.list(request.owner(), limit, request.pageStart()));
        });
    }

    /** The function's SnapStart priming (registered by the no-arg constructor only), for tests. */
    SnapStartPriming priming() {
        return priming;
    }
}
