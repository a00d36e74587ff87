package io.todoapi.todo.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemKeyTest {

    @Test
    void aTodoLivesInItsOwnersPartitionUnderItsId() {
        ItemKey key = ItemKey.todo("alice", "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60");

        assertThat(key).isEqualTo(new ItemKey("USER#alice", "TODO#019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60"));
        assertThat(key.attributes())
                .isEqualTo(Map.of(
                        "pk", AttributeValue.fromS("USER#alice"),
                        "sk", AttributeValue.fromS("TODO#019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60")));
    }

    @Test
    void anIdempotencyKeysRecordLivesInTheSamePartitionUnderTheKey() {
        ItemKey key = ItemKey.idempotencyRecord("alice", "order-42");

        assertThat(key).isEqualTo(new ItemKey("USER#alice", "IDEMPOTENCY#order-42"));
        assertThat(key.partition()).isEqualTo(ItemKey.partition("alice"));
    }

    @Test
    void theEnhancedClientsKeyHoldsTheSameStrings() {
        ItemKey key = ItemKey.todo("alice", "id-1");

        assertThat(key.key().partitionKeyValue()).isEqualTo(AttributeValue.fromS("USER#alice"));
        assertThat(key.key().sortKeyValue()).isEqualTo(Optional.of(AttributeValue.fromS("TODO#id-1")));
        assertThat(key.key().primaryKeyMap(TodoItem.SCHEMA)).isEqualTo(key.attributes());
    }

    @Test
    void eachCallGivesItsOwnMutableMap() {
        ItemKey key = ItemKey.todo("alice", "id-1");
        Map<String, AttributeValue> first = key.attributes();
        first.put("title", AttributeValue.fromS("changed"));

        assertThat(key.attributes()).containsOnlyKeys("pk", "sk");
    }
}
