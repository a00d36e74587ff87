package io.todoapi.todo.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Records every DynamoDB request an SDK client makes (one entry per API call, not per retry). */
public final class OperationRecorder implements ExecutionInterceptor {

    private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        requests.add(context.request());
    }

    public List<SdkRequest> requests() {
        return List.copyOf(requests);
    }

    /** The operation names, e.g. {@code [PutItem, GetItem]}. */
    public List<String> operations() {
        return requests.stream()
                .map(r -> r.getClass().getSimpleName().replace("Request", ""))
                .toList();
    }

    public void clear() {
        requests.clear();
    }
}
