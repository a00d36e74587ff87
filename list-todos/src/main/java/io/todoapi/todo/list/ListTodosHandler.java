package io.todoapi.todo.list;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.CompositionRoot;
import io.todoapi.todo.http.ApiResponses;
import io.todoapi.todo.http.RequestPipeline;
import io.todoapi.todo.priming.PrimingEvents;
import io.todoapi.todo.repository.TodoRepository;

/** {@code GET /todos} (listTodos): one page of the caller's todos in creation order, one Query per page. */
public final class ListTodosHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final TodoRepository todos;
    private final RequestPipeline api;

    /** The production constructor, which Lambda and local-api call: dependencies from the composition root. */
    public ListTodosHandler() {
        CompositionRoot root = CompositionRoot.fromEnvironment("listTodos");
        this(root.repository(), root.pipeline());
        root.prime(this, PrimingEvents::listTodos);
    }

    ListTodosHandler(TodoRepository todos, RequestPipeline api) {
        this.todos = todos;
        this.api = api;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return api.handle(event, context, request -> {
            int limit = request.limit();
            return ApiResponses.page(request.owner(), todos.list(request.owner(), limit, request.pageStart()));
        });
    }
}
