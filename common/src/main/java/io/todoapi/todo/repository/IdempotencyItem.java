package io.todoapi.todo.repository;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import io.todoapi.todo.model.Todo;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The record of an Idempotency-Key: {@code pk = USER#<owner>}, {@code sk = IDEMPOTENCY#<key>}, the request
 * fingerprint, and the todo that the first request created, as a map in the todo item's own schema (so every repeat
 * answers exactly the same, and a repeat can finish a create that was interrupted between its two writes).
 * {@code expiresAt} is the TTL attribute.
 */
final class IdempotencyItem {

    static final String PREFIX = "IDEMPOTENCY#";

    static final TableSchema<IdempotencyItem> SCHEMA = StaticTableSchema.builder(IdempotencyItem.class)
            .newItemSupplier(IdempotencyItem::new)
            .addAttribute(String.class, a -> a.name(Attributes.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(Attributes.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name(Attributes.FINGERPRINT).getter(i -> i.fingerprint)
                    .setter((i, v) -> i.fingerprint = v))
            .addAttribute(EnhancedType.documentOf(TodoItem.class, TodoItem.SCHEMA, d -> d.ignoreNulls(true)),
                    a -> a.name(Attributes.TODO).getter(i -> i.todo).setter((i, v) -> i.todo = v))
            .addAttribute(Long.class, a -> a.name(Attributes.EXPIRES_AT).getter(i -> i.expiresAt)
                    .setter((i, v) -> i.expiresAt = v))
            .build();

    private String pk;
    private String sk;
    private String fingerprint;
    private TodoItem todo;
    private Long expiresAt;

    static String sortKey(String key) {
        return PREFIX + key;
    }

    static IdempotencyItem of(String owner, TodoRepository.IdempotencyKey key, Todo todo, long expiresAt) {
        IdempotencyItem item = new IdempotencyItem();
        item.pk = TodoItem.partitionKey(owner);
        item.sk = sortKey(key.key());
        item.fingerprint = key.fingerprint();
        item.todo = TodoItem.of(owner, todo);
        item.expiresAt = expiresAt;
        return item;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** Whether the record outlived its TTL (DynamoDB deletes expired items late, dynalite never). */
    boolean expiredAt(Instant now) {
        return expiresAt == null || expiresAt <= now.getEpochSecond();
    }

    /** The todo the first request created, as it was created. */
    Todo todo() {
        return todo.toTodo();
    }
}
