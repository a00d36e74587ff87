package io.todoapi.todo.priming;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.DynamoDbClients;
import io.todoapi.todo.config.FunctionEnvironment;
import io.todoapi.todo.repository.DynamoDbTodoRepository;
import io.todoapi.todo.repository.TodoRepository;
import java.util.List;

/**
 * What a deployed function builds once, in its no-arg constructor: the repository on the environment's DynamoDB
 * client, whose HTTP client SnapStart priming can switch offline, and the priming itself.
 */
public final class DeployedFunction {

    private final OfflineSwitchHttpClient http;
    private final TodoRepository repository;

    private DeployedFunction(OfflineSwitchHttpClient http, TodoRepository repository) {
        this.http = http;
        this.repository = repository;
    }

    /** Reads the environment (see {@link DynamoDbClients}, {@link DynamoDbTodoRepository#TABLE_NAME_ENV}). */
    public static DeployedFunction fromEnvironment() {
        OfflineSwitchHttpClient http = new OfflineSwitchHttpClient(DynamoDbClients.httpClient());
        return new DeployedFunction(http, DynamoDbTodoRepository.fromEnvironment(http));
    }

    public TodoRepository repository() {
        return repository;
    }

    /**
     * Registers the function's SnapStart priming: before the snapshot {@code handler} answers {@code events}
     * offline; after each restore {@code afterRestore} runs. Keep the returned object (see
     * {@link SnapStartPriming#register()}).
     */
    public SnapStartPriming registerPriming(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            List<APIGatewayProxyRequestEvent> events, Runnable... afterRestore) {
        String functionName = FunctionEnvironment.get("AWS_LAMBDA_FUNCTION_NAME").orElse("todo-function");
        return new SnapStartPriming(handler, events, http, List.of(afterRestore), functionName).register();
    }
}
