package io.todoapi.todo.update;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.CompositionRoot;
import io.todoapi.todo.http.ApiResponses;
import io.todoapi.todo.http.RequestPipeline;
import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.model.Timestamps;
import io.todoapi.todo.model.TodoPatch;
import io.todoapi.todo.priming.PrimingEvents;
import io.todoapi.todo.repository.TodoRepository;
import java.time.Clock;

/**
 * {@code PATCH /todos/{todoId}} (updateTodo): applies a JSON Merge Patch in one conditional UpdateItem (so
 * concurrent patches of different fields never lose each other), honouring If-Match.
 */
public final class UpdateTodoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final TodoRepository todos;
    private final Clock clock;
    private final RequestPipeline api;

    /** The production constructor, which Lambda and local-api call: dependencies from the composition root. */
    public UpdateTodoHandler() {
        CompositionRoot root = CompositionRoot.fromEnvironment("updateTodo");
        this(root.repository(), root.clock(), root.pipeline());
        root.prime(this, PrimingEvents::updateTodo);
    }

    UpdateTodoHandler(TodoRepository todos, Clock clock, RequestPipeline api) {
        this.todos = todos;
        this.clock = clock;
        this.api = api;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return api.handle(event, context, request -> {
            String id = request.todoId();
            Precondition precondition = request.ifMatch();
            TodoPatch patch = request.patch();
            return ApiResponses.okWithETag(
                    todos.update(request.owner(), id, patch, precondition, Timestamps.now(clock)));
        });
    }
}
