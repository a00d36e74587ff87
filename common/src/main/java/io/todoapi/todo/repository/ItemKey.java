package io.todoapi.todo.repository;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The primary key of an item of the table ({@code pk}, {@code sk}), the one place where both kinds of item spell it:
 * a todo is {@code USER#<owner>} / {@code TODO#<id>}, an Idempotency-Key's record {@code USER#<owner>} /
 * {@code IDEMPOTENCY#<key>}. Both share the owner's partition, so that one Query lists a caller's todos.
 */
record ItemKey(String partition, String sort) {

    static final String USER_PREFIX = "USER#";
    static final String TODO_PREFIX = "TODO#";
    static final String IDEMPOTENCY_PREFIX = "IDEMPOTENCY#";

    static ItemKey todo(String owner, String id) {
        return new ItemKey(partition(owner), TODO_PREFIX + id);
    }

    static ItemKey idempotencyRecord(String owner, String key) {
        return new ItemKey(partition(owner), IDEMPOTENCY_PREFIX + key);
    }

    /** The owner's partition, which holds their todos and their Idempotency-Keys' records. */
    static String partition(String owner) {
        return USER_PREFIX + owner;
    }

    /** For the enhanced client's GetItem and DeleteItem; given as attribute values, so no converter is looked up. */
    Key key() {
        return Key.builder()
                .partitionValue(AttributeValue.fromS(partition))
                .sortValue(AttributeValue.fromS(sort))
                .build();
    }

    /**
     * For the low-level client's UpdateItem and a Query's {@code ExclusiveStartKey}. A {@link HashMap}, as the
     * enhanced client's {@code Key} builds it: the same order of members in the request body.
     */
    Map<String, AttributeValue> attributes() {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(Attributes.PK, AttributeValue.fromS(partition));
        key.put(Attributes.SK, AttributeValue.fromS(sort));
        return key;
    }
}
