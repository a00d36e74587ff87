package io.todoapi.todo.priming;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.DynamoDbClients;
import io.todoapi.todo.config.FunctionEnvironment;
import io.todoapi.todo.config.LambdaCredentials;
import io.todoapi.todo.http.RequestPipeline;
import io.todoapi.todo.repository.DynamoDbTodoRepository;
import io.todoapi.todo.repository.TodoRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a deployed function builds once, in its no-arg constructor: the request pipeline, the repository on the
 * environment's DynamoDB client, whose HTTP client SnapStart priming can switch offline, and the priming itself.
 */
public final class DeployedFunction {

    private final OfflineSwitchHttpClient http;
    private final LambdaCredentials credentials;
    private final TodoRepository repository;
    private final RequestPipeline api;

    private DeployedFunction(OfflineSwitchHttpClient http, LambdaCredentials credentials, TodoRepository repository,
                             RequestPipeline api) {
        this.http = http;
        this.credentials = credentials;
        this.repository = repository;
        this.api = api;
    }

    /**
     * Reads the environment (see {@link DynamoDbClients}, {@link DynamoDbTodoRepository#TABLE_NAME_ENV},
     * {@link RequestPipeline#fromEnvironment(String)}) for the function serving {@code operation}, e.g.
     * {@code createTodo}.
     */
    public static DeployedFunction fromEnvironment(String operation) {
        OfflineSwitchHttpClient http = new OfflineSwitchHttpClient(DynamoDbClients.httpClient());
        LambdaCredentials credentials = new LambdaCredentials();
        TodoRepository repository = new DynamoDbTodoRepository(DynamoDbClients.fromEnvironment(http, credentials),
                FunctionEnvironment.require(DynamoDbTodoRepository.TABLE_NAME_ENV));
        return new DeployedFunction(http, credentials, repository, RequestPipeline.fromEnvironment(operation));
    }

    public TodoRepository repository() {
        return repository;
    }

    public RequestPipeline api() {
        return api;
    }

    /**
     * Registers the function's SnapStart priming: before the snapshot {@code handler} answers the events that
     * {@code events} makes for this function's app client (e.g. {@code PrimingEvents::createTodo}) offline; after
     * each restore the credentials resolved before the snapshot are dropped and {@code afterRestore} runs. Priming first
     * resolves the credentials, so that an execution environment without any fails its init. The priming's
     * invocations write no metrics, and each restore makes the next invocation a cold start. Keep the returned
     * object (see {@link SnapStartPriming#register()}).
     */
    public SnapStartPriming registerPriming(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            Function<String, List<APIGatewayProxyRequestEvent>> events, Runnable... afterRestore) {
        String functionName = FunctionEnvironment.get("AWS_LAMBDA_FUNCTION_NAME").orElse("todo-function");
        List<Runnable> restored = new ArrayList<>();
        restored.add(credentials::discardResolved);
        restored.add(api.metrics()::restored);
        restored.addAll(List.of(afterRestore));
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> unmetered = (event, context) ->
                api.metrics().whilePriming(() -> handler.handleRequest(event, context));
        return new SnapStartPriming(unmetered, events.apply(api.audience()), http, credentials::resolveCredentials,
                restored, functionName).register();
    }
}
