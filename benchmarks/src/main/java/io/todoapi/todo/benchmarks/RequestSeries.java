package io.todoapi.todo.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.TodoFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The events a function answers one after another in a SnapStart run, each one the same work as the one before and
 * each answered with the function's success status: create posts the fixture's todo (without Idempotency-Key, one
 * PutItem each); list and get read the fixture's caller and todo; update patches the fixture's todo with the
 * If-Match of its current version (one conditional UpdateItem each); delete removes a todo of its own, seeded
 * beforehand. The fixture's todo must be at version 1 when the series starts.
 */
final class RequestSeries {

    /** Ids of seeded todos: UUIDv7-shaped like the fixtures', unique within one benchmark JVM. */
    private static final AtomicLong NEXT_ID = new AtomicLong();

    private RequestSeries() {}

    /** {@code count} events for {@code function} (index 0 to count, exclusive), seeding what they need first. */
    static IntFunction<String> prepare(TodoFunction function, DynamoDbClient client, String table, int count)
            throws Exception {
        APIGatewayProxyRequestEvent fixture = Events.load(function.module());
        return switch (function) {
            case CREATE -> constant(Events.withHeader(fixture, "Idempotency-Key", null));
            case LIST, GET -> constant(fixture);
            case UPDATE -> {
                List<String> events = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    events.add(Events.toJson(
                            Events.withHeader(Events.load(function.module()), "If-Match", "\"" + (i + 1) + "\"")));
                }
                yield events::get;
            }
            case DELETE -> {
                List<String> events = new ArrayList<>(count);
                List<Map<String, AttributeValue>> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String id = String.format("019ab6f2-8d3c-7e41-9a55-%012x", 0x100000L + NEXT_ID.getAndIncrement());
                    items.add(SeededTodos.item(Events.FIXTURE_OWNER, id, i));
                    events.add(Events.toJson(Events.withTodoId(Events.load(function.module()), id)));
                }
                SeededTodos.put(client, table, items);
                yield events::get;
            }
        };
    }

    private static IntFunction<String> constant(APIGatewayProxyRequestEvent event) {
        String json = Events.toJson(event);
        return index -> json;
    }
}
