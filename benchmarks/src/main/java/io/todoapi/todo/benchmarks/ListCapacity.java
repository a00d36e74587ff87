package io.todoapi.todo.benchmarks;

import io.todoapi.todo.id.UuidV7Generator;
import io.todoapi.todo.testing.LocalTodoTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The DynamoDB cost of one list page (the repository's real Query, limit 20) when the caller has 20 todos, in a
 * table holding only those, and in a table of {@code largeTableItems} todos of many users. The Query is made to
 * return its consumed capacity ({@code ReturnConsumedCapacity.TOTAL}, added by an interceptor, so the repository
 * code is unchanged), and its Count and ScannedCount are kept: a Query on the caller's partition reads the same
 * items whatever else the table holds.
 */
public final class ListCapacity {

    static final String CALLER = "capacity-caller";
    static final int PAGE = 20;

    public record Result(
            int itemsInTable,
            int itemsOfCaller,
            int itemsReturned,
            int count,
            int scannedCount,
            Double consumedCapacity) {}

    private ListCapacity() {}

    public static List<Result> measure(int largeTableItems) throws Exception {
        return List.of(measureTable(PAGE), measureTable(largeTableItems));
    }

    private static Result measureTable(int totalItems) throws Exception {
        QueryCapacityRecorder recorder = new QueryCapacityRecorder();
        try (LocalTodoTable table = LocalTodoTable.create("capacity", recorder)) {
            fill(table.client(), table.name(), totalItems);
            recorder.last = null;
            int returned = table.repository()
                    .list(CALLER, PAGE, Optional.empty())
                    .items()
                    .size();
            QueryResponse query = recorder.last;
            Double capacity = query.consumedCapacity() == null
                    ? null
                    : query.consumedCapacity().capacityUnits();
            return new Result(totalItems, PAGE, returned, query.count(), query.scannedCount(), capacity);
        }
    }

    /** {@value #PAGE} todos of the caller, the rest spread over other users, {@value #PAGE} each. */
    private static void fill(DynamoDbClient client, String table, int totalItems) throws Exception {
        UuidV7Generator ids = new UuidV7Generator(Clock.systemUTC());
        List<Map<String, AttributeValue>> items = new ArrayList<>(totalItems);
        for (int i = 0; i < totalItems; i++) {
            String owner = i < PAGE ? CALLER : String.format("user-%05d", i / PAGE);
            items.add(SeededTodos.item(owner, ids.next(), i));
        }
        SeededTodos.put(client, table, items);
    }

    /** Asks every Query for its consumed capacity and keeps the last response. */
    private static final class QueryCapacityRecorder implements ExecutionInterceptor {
        private volatile QueryResponse last;

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (context.request() instanceof QueryRequest query) {
                return query.toBuilder()
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                        .build();
            }
            return context.request();
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof QueryResponse response) {
                last = response;
            }
        }
    }
}
