package io.todoapi.todo.deployment;

import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Records the DynamoDB operation of every API call any SDK client of this JVM makes, as an IAM action
 * ({@code dynamodb:PutItem}). The SDK adds it to every client it builds because it is listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test class path, so the functions'
 * own clients, built by their no-arg constructors, are recorded without any hook in their code.
 */
public final class RecordingInterceptor implements ExecutionInterceptor {

    private static final Set<String> ACTIONS = new TreeSet<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String request = context.request().getClass().getName();
        if (request.startsWith("software.amazon.awssdk.services.dynamodb.model.")) {
            synchronized (ACTIONS) {
                ACTIONS.add("dynamodb:"
                        + context.request().getClass().getSimpleName().replaceFirst("Request$", ""));
            }
        }
    }

    static void clear() {
        synchronized (ACTIONS) {
            ACTIONS.clear();
        }
    }

    /** The actions recorded since the last {@link #clear()} or drain, and clears them. */
    static Set<String> drain() {
        synchronized (ACTIONS) {
            Set<String> recorded = new TreeSet<>(ACTIONS);
            ACTIONS.clear();
            return recorded;
        }
    }
}
