package io.todoapi.todo.testing;

import io.todoapi.todo.repository.DynamoDbTodoRepository;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A fresh todo table on the shared local engine with a repository over it, for one integration test class.
 * Close it in {@code @AfterAll}.
 */
public record LocalTodoTable(DynamoDbClient client, String name, DynamoDbTodoRepository repository)
        implements AutoCloseable {

    public static LocalTodoTable create(String prefix, ExecutionInterceptor... interceptors) {
        return create(prefix, null, interceptors);
    }

    public static LocalTodoTable create(String prefix, FaultInjector faults, ExecutionInterceptor... interceptors) {
        DynamoDbClient client = LocalEngine.client(faults, interceptors);
        String name = TodoTables.create(client, prefix);
        return new LocalTodoTable(client, name, new DynamoDbTodoRepository(client, name));
    }

    @Override
    public void close() {
        client.close();
    }
}
