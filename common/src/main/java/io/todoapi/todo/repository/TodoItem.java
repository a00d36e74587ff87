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
 * A todo as a DynamoDB item: {@code pk = USER#<owner>}, {@code sk = TODO#<id>}, then the todo's fields (dates as
 * ISO strings, version as a number), and the Idempotency-Key it was created with, if any. The schema is static: no
 * bean introspection at start-up.
 */
final class TodoItem {

    static final String TODO_PREFIX = "TODO#";
    static final String USER_PREFIX = "USER#";

    static final TableSchema<TodoItem> SCHEMA = StaticTableSchema.builder(TodoItem.class)
            .newItemSupplier(TodoItem::new)
            .addAttribute(String.class, a -> a.name(Attributes.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(Attributes.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name(Attributes.TITLE).getter(i -> i.title).setter((i, v) -> i.title = v))
            .addAttribute(String.class, a -> a.name(Attributes.DESCRIPTION).getter(i -> i.description)
                    .setter((i, v) -> i.description = v))
            .addAttribute(Boolean.class, a -> a.name(Attributes.COMPLETED).getter(i -> i.completed)
                    .setter((i, v) -> i.completed = v))
            .addAttribute(String.class, a -> a.name(Attributes.DUE_DATE).getter(i -> i.dueDate)
                    .setter((i, v) -> i.dueDate = v))
            .addAttribute(String.class, a -> a.name(Attributes.CREATED_AT).getter(i -> i.createdAt)
                    .setter((i, v) -> i.createdAt = v))
            .addAttribute(String.class, a -> a.name(Attributes.UPDATED_AT).getter(i -> i.updatedAt)
                    .setter((i, v) -> i.updatedAt = v))
            .addAttribute(Long.class, a -> a.name(Attributes.VERSION).getter(i -> i.version)
                    .setter((i, v) -> i.version = v))
            .addAttribute(String.class, a -> a.name(Attributes.LAST_WRITE).getter(i -> i.lastWrite)
                    .setter((i, v) -> i.lastWrite = v))
            .addAttribute(String.class, a -> a.name(Attributes.IDEMPOTENCY_KEY).getter(i -> i.idempotencyKey)
                    .setter((i, v) -> i.idempotencyKey = v))
            .build();

    private String pk;
    private String sk;
    private String title;
    private String description;
    private Boolean completed;
    private String dueDate;
    private String createdAt;
    private String updatedAt;
    private Long version;
    private String lastWrite;
    private String idempotencyKey;

    static String partitionKey(String owner) {
        return USER_PREFIX + owner;
    }

    static String sortKey(String id) {
        return TODO_PREFIX + id;
    }

    /** The item of a todo created with Idempotency-Key {@code key}. */
    static TodoItem of(String owner, Todo todo, String key) {
        TodoItem item = of(owner, todo);
        item.idempotencyKey = key;
        return item;
    }

    static TodoItem of(String owner, Todo todo) {
        TodoItem item = new TodoItem();
        item.pk = partitionKey(owner);
        item.sk = sortKey(todo.id());
        item.title = todo.title();
        item.description = todo.description();
        item.completed = todo.completed();
        item.dueDate = todo.dueDate() == null ? null : todo.dueDate().toString();
        item.createdAt = TodoJson.timestamp(todo.createdAt());
        item.updatedAt = TodoJson.timestamp(todo.updatedAt());
        item.version = todo.version();
        return item;
    }

    /** The Idempotency-Key the todo was created with, or null. */
    String idempotencyKey() {
        return idempotencyKey;
    }

    /** The token of the update that last changed this item (null until the first update). */
    String lastWrite() {
        return lastWrite;
    }

    Todo toTodo() {
        return new Todo(sk.substring(TODO_PREFIX.length()), title, description, Boolean.TRUE.equals(completed),
                dueDate == null ? null : LocalDate.parse(dueDate), Instant.parse(createdAt), Instant.parse(updatedAt),
                version);
    }
}
