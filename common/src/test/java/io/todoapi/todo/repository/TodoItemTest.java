package io.todoapi.todo.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.model.Todo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stored form of todos and of Idempotency-Key records, attribute by attribute. */
class TodoItemTest {

    private static final Instant CREATED = Instant.parse("2026-11-24T19:02:53.120Z");
    private static final Todo FULL = new Todo(
            "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60",
            "Buy milk",
            "2 litres",
            true,
            LocalDate.of(2026, 12, 24),
            CREATED,
            CREATED.plusSeconds(60),
            3);
    private static final Todo MINIMAL = new Todo(
            "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f61",
            "Call Bob",
            null,
            false,
            null,
            Instant.parse("2026-11-24T19:02:53Z"),
            Instant.parse("2026-11-24T19:02:53Z"),
            1);

    @Test
    void timesAreStoredWithExactlyThreeFractionDigits() {
        assertThat(TodoItem.timestamp(Instant.parse("2026-11-24T19:02:53.120Z")))
                .isEqualTo("2026-11-24T19:02:53.120Z");
        assertThat(TodoItem.timestamp(Instant.parse("2026-11-24T19:02:53Z"))).isEqualTo("2026-11-24T19:02:53.000Z");
        assertThat(TodoItem.timestamp(Instant.parse("2026-01-02T03:04:05.006Z")))
                .isEqualTo("2026-01-02T03:04:05.006Z");
    }

    @Test
    void aTodoIsStoredAttributeByAttribute() {
        TodoItem item = TodoItem.of("alice", FULL, "order-42");

        assertThat(item.toAttributes())
                .isEqualTo(Map.of(
                        "pk", AttributeValue.fromS("USER#alice"),
                        "sk", AttributeValue.fromS("TODO#019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60"),
                        "title", AttributeValue.fromS("Buy milk"),
                        "description", AttributeValue.fromS("2 litres"),
                        "completed", AttributeValue.fromBool(true),
                        "dueDate", AttributeValue.fromS("2026-12-24"),
                        "createdAt", AttributeValue.fromS("2026-11-24T19:02:53.120Z"),
                        "updatedAt", AttributeValue.fromS("2026-11-24T19:03:53.120Z"),
                        "version", AttributeValue.fromN("3"),
                        "idempotencyKey", AttributeValue.fromS("order-42")));
        assertThat(TodoItem.fromAttributes(item.toAttributes())).isEqualTo(item);
    }

    @Test
    void whatATodoDoesNotHaveIsLeftOut() {
        TodoItem item = TodoItem.of("alice", MINIMAL);

        assertThat(item.toAttributes())
                .isEqualTo(Map.of(
                        "pk", AttributeValue.fromS("USER#alice"),
                        "sk", AttributeValue.fromS("TODO#019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f61"),
                        "title", AttributeValue.fromS("Call Bob"),
                        "completed", AttributeValue.fromBool(false),
                        "createdAt", AttributeValue.fromS("2026-11-24T19:02:53.000Z"),
                        "updatedAt", AttributeValue.fromS("2026-11-24T19:02:53.000Z"),
                        "version", AttributeValue.fromN("1")));
        assertThat(TodoItem.fromAttributes(item.toAttributes()).todo()).isEqualTo(MINIMAL);
    }

    @Test
    void anUpdatedItemCarriesTheTokenOfItsLastWrite() {
        Map<String, AttributeValue> stored =
                new java.util.HashMap<>(TodoItem.of("alice", MINIMAL).toAttributes());
        stored.put("lastWrite", AttributeValue.fromS("5b6c1f0e-token"));

        TodoItem item = TodoItem.fromAttributes(stored);

        assertThat(item.lastWrite()).isEqualTo("5b6c1f0e-token");
        assertThat(item.idempotencyKey()).isNull();
        assertThat(item.key()).isEqualTo(ItemKey.todo("alice", MINIMAL.id()));
    }

    @Test
    void anIdempotencyKeysRecordHoldsTheTodoAsItsOwnItem() {
        IdempotencyItem record = IdempotencyItem.of(
                "alice", new TodoRepository.IdempotencyKey("order-42", "3f8a0c9e"), MINIMAL, 1_795_546_973L);

        assertThat(record.toAttributes())
                .isEqualTo(Map.of(
                        "pk", AttributeValue.fromS("USER#alice"),
                        "sk", AttributeValue.fromS("IDEMPOTENCY#order-42"),
                        "fingerprint", AttributeValue.fromS("3f8a0c9e"),
                        "todo",
                                AttributeValue.fromM(
                                        TodoItem.of("alice", MINIMAL).toAttributes()),
                        "expiresAt", AttributeValue.fromN("1795546973")));
        assertThat(IdempotencyItem.fromAttributes(record.toAttributes())).isEqualTo(record);
        assertThat(record.expiredAt(Instant.ofEpochSecond(1_795_546_972L))).isFalse();
        assertThat(record.expiredAt(Instant.ofEpochSecond(1_795_546_973L))).isTrue();
    }
}
