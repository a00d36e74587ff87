package io.todoapi.todo.repository;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import io.todoapi.todo.json.TodoJson;
import io.todoapi.todo.model.Todo;
import java.time.Instant;
import java.time.LocalDate;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The record of an Idempotency-Key: {@code pk = USER#<owner>}, {@code sk = IDEMPOTENCY#<key>}, the request
 * fingerprint, and the todo that the first request created (so every repeat answers exactly the same, and a repeat
 * can finish a create that was interrupted between its two writes). {@code expiresAt} is the TTL attribute.
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
            .addAttribute(String.class, a -> a.name(Attributes.TODO_ID).getter(i -> i.todoId)
                    .setter((i, v) -> i.todoId = v))
            .addAttribute(String.class, a -> a.name(Attributes.TITLE).getter(i -> i.title).setter((i, v) -> i.title = v))
            .addAttribute(String.class, a -> a.name(Attributes.DESCRIPTION).getter(i -> i.description)
                    .setter((i, v) -> i.description = v))
            .addAttribute(Boolean.class, a -> a.name(Attributes.COMPLETED).getter(i -> i.completed)
                    .setter((i, v) -> i.completed = v))
            .addAttribute(String.class, a -> a.name(Attributes.DUE_DATE).getter(i -> i.dueDate)
                    .setter((i, v) -> i.dueDate = v))
            .addAttribute(String.class, a -> a.name(Attributes.CREATED_AT).getter(i -> i.createdAt)
                    .setter((i, v) -> i.createdAt = v))
            .addAttribute(Long.class, a -> a.name(Attributes.EXPIRES_AT).getter(i -> i.expiresAt)
                    .setter((i, v) -> i.expiresAt = v))
            .build();

    private String pk;
    private String sk;
    private String fingerprint;
    private String todoId;
    private String title;
    private String description;
    private Boolean completed;
    private String dueDate;
    private String createdAt;
    private Long expiresAt;

    static String sortKey(String key) {
        return PREFIX + key;
    }

    static IdempotencyItem of(String owner, TodoRepository.IdempotencyKey key, Todo todo, long expiresAt) {
        IdempotencyItem item = new IdempotencyItem();
        item.pk = TodoItem.partitionKey(owner);
        item.sk = sortKey(key.key());
        item.fingerprint = key.fingerprint();
        item.todoId = todo.id();
        item.title = todo.title();
        item.description = todo.description();
        item.completed = todo.completed();
        item.dueDate = todo.dueDate() == null ? null : todo.dueDate().toString();
        item.createdAt = TodoJson.timestamp(todo.createdAt());
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

    /** The todo the first request created, as it was created (version 1). */
    Todo todo() {
        Instant created = Instant.parse(createdAt);
        return new Todo(todoId, title, description, Boolean.TRUE.equals(completed),
                dueDate == null ? null : LocalDate.parse(dueDate), created, created, 1);
    }
}
