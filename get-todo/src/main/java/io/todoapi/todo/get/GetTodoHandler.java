package io.todoapi.todo.get;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.CompositionRoot;
import io.todoapi.todo.error.TodoNotFoundException;
import io.todoapi.todo.http.ApiResponses;
import io.todoapi.todo.http.RequestPipeline;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.priming.PrimingEvents;
import io.todoapi.todo.repository.TodoRepository;

/** {@code GET /todos/{todoId}} (getTodo): 200 with the todo and its ETag, or 304 when If-None-Match matches. */
public final class GetTodoHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final TodoRepository todos;
    private final RequestPipeline api;

    /** The production constructor, which Lambda and local-api call: dependencies from the composition root. */
    public GetTodoHandler() {
        CompositionRoot root = CompositionRoot.fromEnvironment("getTodo");
        this(root.repository(), root.pipeline());
        root.prime(this, PrimingEvents::getTodo);
    }

    GetTodoHandler(TodoRepository todos, RequestPipeline api) {
        this.todos = todos;
        this.api = api;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return api.handle(event, context, request -> {
            String id = request.todoId();
            Todo todo = todos.get(request.owner(), id).orElseThrow(() -> new TodoNotFoundException(id));
            return request.ifNoneMatchHits(todo) ? ApiResponses.notModified(todo) : ApiResponses.okWithETag(todo);
        });
    }
}
