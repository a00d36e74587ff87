package io.todoapi.todo.repository;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Attribute names of the table's items (see template.yaml for the key schema and TTL attribute), and the two helpers
 * the items' hand-written mappings share.
 */
final class Attributes {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String COMPLETED = "completed";
    static final String DUE_DATE = "dueDate";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String VERSION = "version";
    /**
     * The token of the last UpdateItem call that changed the todo: lets a call whose first attempt was applied but
     * whose response was lost recognise its own write when the SDK retries it.
     */
    static final String LAST_WRITE = "lastWrite";

    static final String FINGERPRINT = "fingerprint";
    /** On a todo created with an Idempotency-Key: the key, so that deleting the todo deletes the key's record. */
    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The idempotency record's copy of the todo it created (a map). */
    static final String TODO = "todo";
    /** Epoch seconds; the table's TTL attribute. */
    static final String EXPIRES_AT = "expiresAt";

    private Attributes() {}

    /** Puts a string attribute unless the value is null: items leave out what they do not have. */
    static void putString(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    /** The string attribute {@code name}, or null when the item does not have it. */
    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
