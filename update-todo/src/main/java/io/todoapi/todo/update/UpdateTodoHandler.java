package io.todoapi.todo.update;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.http.RequestPipeline;
import io.todoapi.todo.http.ApiResponses;
import io.todoapi.todo.model.Timestamps;
import io.todoapi.todo.model.TodoPatch;
import io.todoapi.todo.priming.DeployedFunction;
import io.todoapi.todo.priming.PrimingEvents;
import io.todoapi.todo.priming.SnapStartPriming;
import io.todoapi.todo.model.Precondition;
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
    /** Held because the CRaC context references its resources weakly; null in tests. */
    private final SnapStartPriming priming;

    public UpdateTodoHandler() {
        this(DeployedFunction.fromEnvironment("updateTodo"));
    }

    private UpdateTodoHandler(DeployedFunction function) {
        this.todos = function.repository();
        this.clock = Clock.systemUTC();
        this.api = function.api();
        this.priming = function.registerPriming(this, PrimingEvents::updateTodo);
    }

    UpdateTodoHandler(TodoRepository todos, Clock clock, RequestPipeline api) {
        this.todos = todos;
        this.clock = clock;
        this.api = api;
        this.priming = null;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return api.handle(event, context, request -> {
            String id = request.todoId();
            Precondition precondition = request.ifMatch();
            TodoPatch patch = request.patch();
            return ApiResponses.okWithETag(todos.update(request.owner(), id, patch, precondition,
                    Timestamps.now(clock)));
        });
    }

    /** The function's SnapStart priming (registered by the no-arg constructor only), for tests. */
    SnapStartPriming priming() {
        return priming;
    }
}
