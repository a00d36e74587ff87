package io.todoapi.todo.repository;

import static io.todoapi.todo.repository.Attributes.putString;
import static io.todoapi.todo.repository.Attributes.string;

import io.todoapi.todo.model.Todo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The record of an Idempotency-Key: {@code pk = USER#<owner>}, {@code sk = IDEMPOTENCY#<key>}, the request
 * fingerprint, and the todo that the first request created, as a map of the todo item's own attributes (so every
 * repeat answers exactly the same, and a repeat can finish a create that was interrupted between its two writes).
 * {@code expiresAt} (epoch seconds) is the TTL attribute. Mapped by hand ({@link ItemSchema} says why).
 */
record IdempotencyItem(ItemKey key, String fingerprint, TodoItem todo, Long expiresAt) {

    static final TableSchema<IdempotencyItem> SCHEMA = new ItemSchema<>(
            IdempotencyItem.class,
            List.of(Attributes.PK, Attributes.SK, Attributes.FINGERPRINT, Attributes.TODO, Attributes.EXPIRES_AT),
            IdempotencyItem::toAttributes,
            IdempotencyItem::fromAttributes);

    static IdempotencyItem of(String owner, TodoRepository.IdempotencyKey key, Todo todo, long expiresAt) {
        return new IdempotencyItem(
                ItemKey.idempotencyRecord(owner, key.key()), key.fingerprint(), TodoItem.of(owner, todo), expiresAt);
    }

    /** Whether the record outlived its TTL (DynamoDB deletes expired items late, dynalite never). */
    boolean expiredAt(Instant now) {
        return expiresAt == null || expiresAt <= now.getEpochSecond();
    }

    Map<String, AttributeValue> toAttributes() {
        Map<String, AttributeValue> item = key.attributes();
        putString(item, Attributes.FINGERPRINT, fingerprint);
        item.put(Attributes.TODO, AttributeValue.fromM(todo.toAttributes()));
        if (expiresAt != null) {
            item.put(Attributes.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt)));
        }
        return item;
    }

    static IdempotencyItem fromAttributes(Map<String, AttributeValue> item) {
        AttributeValue expiresAt = item.get(Attributes.EXPIRES_AT);
        return new IdempotencyItem(
                new ItemKey(string(item, Attributes.PK), string(item, Attributes.SK)),
                string(item, Attributes.FINGERPRINT),
                TodoItem.fromAttributes(item.get(Attributes.TODO).m()),
                expiresAt == null ? null : Long.valueOf(expiresAt.n()));
    }
}
