package io.todoapi.todo.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.InvocationContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs the template's functions in this JVM: each handler class is created once through its no-arg constructor,
 * as the Lambda runtime does, with the function's environment from template.yaml. Functions in one JVM share one
 * environment, so it is handed to them as JVM system properties, which the functions read before environment
 * variables (see {@code FunctionEnvironment}); a variable whose value differs between functions is reported.
 * An invocation runs under the function's timeout.
 */
final class FunctionHost implements AutoCloseable {

    /** The function failed or timed out: API Gateway answers 502. */
    static final class FunctionError extends Exception {
        FunctionError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Map<String, SamTemplate.Function> functions;
    private final Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers =
            new ConcurrentHashMap<>();
    private final Map<String, String> previousProperties = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * {@code runtimeEnvironment} is what Lambda itself would set (region, credentials, endpoint); it wins over
     * the template.
     */
    FunctionHost(
            Map<String, SamTemplate.Function> functions,
            Map<String, String> runtimeEnvironment,
            Consumer<String> warnings) {
        this.functions = functions;
        Map<String, String> environment = new LinkedHashMap<>();
        for (SamTemplate.Function function : functions.values()) {
            function.environment().forEach((name, value) -> {
                String previous = environment.putIfAbsent(name, value);
                if (previous != null && !previous.equals(value)) {
                    warnings.accept(name + " differs between functions; local-api uses " + previous);
                }
            });
        }
        environment.putAll(runtimeEnvironment);
        environment.forEach((name, value) -> previousProperties.put(name, System.setProperty(name, value)));
    }

    /** Creates every function's handler now, so that a broken handler fails start-up rather than a request. */
    void initializeAll() {
        functions.keySet().forEach(this::handler);
    }

    APIGatewayProxyResponseEvent invoke(String logicalId, APIGatewayProxyRequestEvent event) throws FunctionError {
        SamTemplate.Function function = functions.get(logicalId);
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = handler(logicalId);
        Context context = new InvocationContext(
                UUID.randomUUID().toString(),
                logicalId,
                "$LATEST",
                "arn:aws:lambda:" + LocalApiOptions.REGION + ":000000000000:function:" + logicalId,
                "local",
                function.memoryMb(),
                System.currentTimeMillis() + function.timeoutSeconds() * 1000L);
        Future<APIGatewayProxyResponseEvent> result = executor.submit(() -> {
            // As in the Lambda runtime, the function's own class loader is the context class loader: libraries
            // find their ServiceLoader providers through it (Powertools its LoggingManager), also when local-api
            // runs inside Maven's JVM, whose threads have other loaders.
            Thread.currentThread().setContextClassLoader(handler.getClass().getClassLoader());
            return handler.handleRequest(event, context);
        });
        try {
            return result.get(function.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new FunctionError(logicalId + " timed out after " + function.timeoutSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new FunctionError(logicalId + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionError("interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler(String logicalId) {
        return handlers.computeIfAbsent(logicalId, id -> {
            SamTemplate.Function function = functions.get(id);
            try {
                Class<?> type = Class.forName(function.handlerClass());
                return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                        type.asSubclass(RequestHandler.class).getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException(
                        "Cannot create " + id + "'s handler " + function.handler()
                                + " (is its module on local-api's class path?): " + e,
                        e);
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        previousProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
