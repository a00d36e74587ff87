package io.todoapi.todo.create;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.CompositionRoot;
import io.todoapi.todo.http.ApiResponses;
import io.todoapi.todo.http.RequestPipeline;
import io.todoapi.todo.id.IdGenerator;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.Timestamps;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.priming.PrimingEvents;
import io.todoapi.todo.repository.TodoRepository;
import java.time.Clock;
import java.util.Optional;

/** {@code POST /todos} (createTodo): 201 with the new todo, its Location and ETag; Idempotency-Key aware. */
public final class CreateTodoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final TodoRepository todos;
    private final Clock clock;
    private final IdGenerator ids;
    private final RequestPipeline api;

    /** The production constructor, which Lambda and local-api call: dependencies from the composition root. */
    public CreateTodoHandler() {
        CompositionRoot root = CompositionRoot.fromEnvironment("createTodo");
        this(root.repository(), root.clock(), root.ids(), root.pipeline());
        root.prime(this, PrimingEvents::createTodo);
    }

    CreateTodoHandler(TodoRepository todos, Clock clock, IdGenerator ids, RequestPipeline api) {
        this.todos = todos;
        this.clock = clock;
        this.ids = ids;
        this.api = api;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return api.handle(event, context, request -> {
            Optional<String> idempotencyKey = request.idempotencyKey();
            NewTodo newTodo = request.newTodo();
            Todo todo = newTodo.toTodo(ids.next(), Timestamps.now(clock));
            Todo stored = idempotencyKey
                    .map(key -> todos.create(
                            request.owner(), todo, new TodoRepository.IdempotencyKey(key, newTodo.fingerprint())))
                    .orElseGet(() -> todos.create(request.owner(), todo));
            // A stored Idempotency-Key answers with the todo created then, not the one generated now.
            return stored.id().equals(todo.id())
                    ? ApiResponses.created(stored)
                    : ApiResponses.created(stored).asIdempotentReplay();
        });
    }
}
