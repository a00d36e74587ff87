package io.todoapi.todo.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Todo items written straight into a table, in batches of 25 (BatchWriteItem's limit): test data for measurements. */
final class SeededTodos {

    private static final int BATCH = 25;

    private SeededTodos() {}

    /** A todo item as the repository writes it (same attributes, similar sizes), at version 1. */
    static Map<String, AttributeValue> item(String owner, String id, int n) {
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

    /** Writes {@code items} into {@code table}, four batches at a time, retrying what the engine leaves unprocessed. */
    static void put(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < items.size(); from += BATCH) {
                List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + BATCH)).stream()
                        .map(item -> WriteRequest.builder()
                                .putRequest(PutRequest.builder().item(item).build())
                                .build())
                        .toList();
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
            pending = client.batchWriteItem(BatchWriteItemRequest.builder()
                            .requestItems(pending)
                            .build())
                    .unprocessedItems();
        }
    }
}
