package io.todoapi.todo.testing;

import io.todoapi.todo.config.DynamoDbClients;
import io.todoapi.todo.localdb.LocalDynamoDb;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Clients of the JVM's shared dynalite engine configured like the functions' own client (the same retry strategy
 * and timeouts), optionally through a {@link FaultInjector} and with interceptors such as
 * {@link OperationRecorder}.
 */
public final class LocalEngine {

    private LocalEngine() {}

    public static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return client(null, DynamoDbClients.overrides(), interceptors);
    }

    public static DynamoDbClient client(FaultInjector faults, ExecutionInterceptor... interceptors) {
        return client(faults, DynamoDbClients.overrides(), interceptors);
    }

    public static DynamoDbClient client(
            FaultInjector faults, ClientOverrideConfiguration overrides, ExecutionInterceptor... interceptors) {
        ClientOverrideConfiguration.Builder configuration = overrides.toBuilder();
        for (ExecutionInterceptor interceptor : interceptors) {
            configuration.addExecutionInterceptor(interceptor);
        }
        var builder = LocalDynamoDb.shared().clientBuilder().overrideConfiguration(configuration.build());
        if (faults != null) {
            builder.httpClient(faults);
        }
        return builder.build();
    }
}
