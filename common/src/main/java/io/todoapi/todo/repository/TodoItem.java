package io.todoapi.todo.repository;

import static io.todoapi.todo.repository.Attributes.putString;
import static io.todoapi.todo.repository.Attributes.string;

import io.todoapi.todo.model.Todo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A todo as a DynamoDB item: {@code pk = USER#<owner>}, {@code sk = TODO#<id>}, then the todo's fields (dates as
 * ISO strings, {@code completed} a boolean, {@code version} a number), the token of the update that last changed it
 * and the Idempotency-Key it was created with, if any. Mapped by hand ({@link ItemSchema} says why).
 */
record TodoItem(ItemKey key, Todo todo, String lastWrite, String idempotencyKey) {

    static final TableSchema<TodoItem> SCHEMA = new ItemSchema<>(
            TodoItem.class,
            List.of(
                    Attributes.PK,
                    Attributes.SK,
                    Attributes.TITLE,
                    Attributes.DESCRIPTION,
                    Attributes.COMPLETED,
                    Attributes.DUE_DATE,
                    Attributes.CREATED_AT,
                    Attributes.UPDATED_AT,
                    Attributes.VERSION,
                    Attributes.LAST_WRITE,
                    Attributes.IDEMPOTENCY_KEY),
            TodoItem::toAttributes,
            TodoItem::fromAttributes);

    /**
     * How {@code createdAt} and {@code updatedAt} are stored: RFC 3339 UTC with exactly three fraction digits. The
     * API's JSON writes times the same way today, but stored items outlive any change to the API's format, so the
     * storage states its own.
     */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static TodoItem of(String owner, Todo todo) {
        return new TodoItem(ItemKey.todo(owner, todo.id()), todo, null, null);
    }

    /** The item of a todo created with Idempotency-Key {@code key}. */
    static TodoItem of(String owner, Todo todo, String key) {
        return new TodoItem(ItemKey.todo(owner, todo.id()), todo, null, key);
    }

    /** A time as the item stores it, e.g. {@code 2026-11-24T19:02:53.120Z}. */
    static String timestamp(Instant time) {
        return TIMESTAMP.format(time);
    }

    Map<String, AttributeValue> toAttributes() {
        Map<String, AttributeValue> item = key.attributes();
        putString(item, Attributes.TITLE, todo.title());
        putString(item, Attributes.DESCRIPTION, todo.description());
        item.put(Attributes.COMPLETED, AttributeValue.fromBool(todo.completed()));
        putString(
                item,
                Attributes.DUE_DATE,
                todo.dueDate() == null ? null : todo.dueDate().toString());
        putString(item, Attributes.CREATED_AT, timestamp(todo.createdAt()));
        putString(item, Attributes.UPDATED_AT, timestamp(todo.updatedAt()));
        item.put(Attributes.VERSION, AttributeValue.fromN(Long.toString(todo.version())));
        putString(item, Attributes.LAST_WRITE, lastWrite);
        putString(item, Attributes.IDEMPOTENCY_KEY, idempotencyKey);
        return item;
    }

    static TodoItem fromAttributes(Map<String, AttributeValue> item) {
        ItemKey key = new ItemKey(string(item, Attributes.PK), string(item, Attributes.SK));
        AttributeValue completed = item.get(Attributes.COMPLETED);
        String dueDate = string(item, Attributes.DUE_DATE);
        Todo todo = new Todo(
                key.sort().substring(ItemKey.TODO_PREFIX.length()),
                string(item, Attributes.TITLE),
                string(item, Attributes.DESCRIPTION),
                completed != null && Boolean.TRUE.equals(completed.bool()),
                dueDate == null ? null : LocalDate.parse(dueDate),
                Instant.parse(string(item, Attributes.CREATED_AT)),
                Instant.parse(string(item, Attributes.UPDATED_AT)),
                Long.parseLong(item.get(Attributes.VERSION).n()));
        return new TodoItem(key, todo, string(item, Attributes.LAST_WRITE), string(item, Attributes.IDEMPOTENCY_KEY));
    }
}
