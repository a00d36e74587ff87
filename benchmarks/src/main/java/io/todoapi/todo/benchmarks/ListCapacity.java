package io.todoapi.todo.benchmarks;

import io.todoapi.todo.id.UuidV7Generator;
import io.todoapi.todo.testing.LocalTodoTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

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
    private static final int BATCH = 25;

    public record Result(int itemsInTable, int itemsOfCaller, int itemsReturned, int count, int scannedCount,
                         Double consumedCapacity) {
    }

    private ListCapacity() {
    }

    public static List<Result> measure(int largeTableItems) throws Exception {
        return List.of(measureTable(PAGE), measureTable(largeTableItems));
    }

    private static Result measureTable(int totalItems) throws Exception {
        QueryCapacityRecorder recorder = new QueryCapacityRecorder();
        try (LocalTodoTable table = LocalTodoTable.create("capacity", recorder)) {
            fill(table.client(), table.name(), totalItems);
            recorder.last = null;
            int returned = table.repository().list(CALLER, PAGE, Optional.empty()).items().size();
            QueryResponse query = recorder.last;
            Double capacity = query.consumedCapacity() == null ? null : query.consumedCapacity().capacityUnits();
            return new Result(totalItems, PAGE, returned, query.count(), query.scannedCount(), capacity);
        }
    }

    /** {@value #PAGE} todos of the caller, the rest spread over other users, {@value #PAGE} each. */
    private static void fill(DynamoDbClient client, String table, int totalItems) throws Exception {
        UuidV7Generator ids = new UuidV7Generator(Clock.systemUTC());
        List<WriteRequest> writes = new ArrayList<>(totalItems);
        for (int i = 0; i < totalItems; i++) {
            String owner = i < PAGE ? CALLER : String.format("user-%05d", i / PAGE);
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(owner, ids.next(), i))
                    .build()).build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < writes.size(); from += BATCH) {
                List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + BATCH));
                done.add(pool.submit(() -> write(client, table, batch)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void write(DynamoDbClient client, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            pending = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build())
                    .unprocessedItems();
        }
    }

    /** A todo item as the repository writes it (same attributes, similar sizes). */
    private static Map<String, AttributeValue> item(String owner, String id, int n) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("USER#" + owner));
        item.put("sk", AttributeValue.fromS("TODO#" + id));
        item.put("title", AttributeValue.fromS("Todo number " + n));
        item.put("description", AttributeValue.fromS("A description of todo number " + n + " of " + owner));
        item.put("completed", AttributeValue.fromBool(n % 3 == 0));
        item.put("dueDate", AttributeValue.fromS("2026-12-31"));
        item.put("createdAt", AttributeValue.fromS("2026-11-24T19:00:00.000Z"));
        item.put("updatedAt", AttributeValue.fromS("2026-11-24T19:00:00.000Z"));
        item.put("version", AttributeValue.fromN("1"));
        return item;
    }

    /** Asks every Query for its consumed capacity and keeps the last response. */
    private static final class QueryCapacityRecorder implements ExecutionInterceptor {
        private volatile QueryResponse last;

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (context.request() instanceof QueryRequest query) {
                return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
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
