package io.todoapi.todo.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The hand-written schema, on a minimal item: what the enhanced client asks of a {@code TableSchema}. */
class ItemSchemaTest {

    /** An item with the key and one optional attribute. */
    private record Note(String pk, String sk, String text) {
        Map<String, AttributeValue> toAttributes() {
            Map<String, AttributeValue> item = new ItemKey(pk, sk).attributes();
            Attributes.putString(item, "text", text);
            return item;
        }

        static Note fromAttributes(Map<String, AttributeValue> item) {
            return new Note(
                    Attributes.string(item, "pk"), Attributes.string(item, "sk"), Attributes.string(item, "text"));
        }
    }

    private final ItemSchema<Note> schema =
            new ItemSchema<>(Note.class, List.of("pk", "sk", "text"), Note::toAttributes, Note::fromAttributes);

    @Test
    void itemsAreWrittenAndReadByTheirOwnMapping() {
        Note note = new Note("USER#alice", "NOTE#1", "hello");
        Map<String, AttributeValue> attributes = Map.of(
                "pk",
                AttributeValue.fromS("USER#alice"),
                "sk",
                AttributeValue.fromS("NOTE#1"),
                "text",
                AttributeValue.fromS("hello"));

        assertThat(schema.itemToMap(note, true)).isEqualTo(attributes);
        assertThat(schema.mapToItem(attributes)).isEqualTo(note);
        assertThat(schema.mapToItem(attributes, false)).isEqualTo(note);
    }

    @Test
    void withoutIgnoringNullsAMissingAttributeIsWrittenAsANull() {
        Note note = new Note("USER#alice", "NOTE#1", null);

        assertThat(schema.itemToMap(note, true)).containsOnlyKeys("pk", "sk");
        assertThat(schema.itemToMap(note, false))
                .isEqualTo(Map.of(
                        "pk",
                        AttributeValue.fromS("USER#alice"),
                        "sk",
                        AttributeValue.fromS("NOTE#1"),
                        "text",
                        AttributeValue.fromNul(true)));
    }

    @Test
    void selectedAttributesAndSingleValues() {
        Note note = new Note("USER#alice", "NOTE#1", null);

        assertThat(schema.itemToMap(note, List.of("sk", "text")))
                .isEqualTo(Map.of("sk", AttributeValue.fromS("NOTE#1")));
        assertThat(schema.attributeValue(note, "pk")).isEqualTo(AttributeValue.fromS("USER#alice"));
        assertThat(schema.attributeValue(note, "text")).isNull();
    }

    @Test
    void describesTheTablesKeySchemaAndItsItems() {
        TableMetadata metadata = schema.tableMetadata();

        assertThat(metadata.primaryPartitionKey()).isEqualTo("pk");
        assertThat(metadata.primarySortKey()).isEqualTo(Optional.of("sk"));
        assertThat(metadata.primaryKeys()).containsExactly("pk", "sk");
        assertThat(schema.itemType().rawClass()).isEqualTo(Note.class);
        assertThat(schema.attributeNames()).containsExactly("pk", "sk", "text");
        assertThat(schema.isAbstract()).isFalse();
    }
}
