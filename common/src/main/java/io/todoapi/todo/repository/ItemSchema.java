package io.todoapi.todo.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableMetadata;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The enhanced client's table schema of one kind of item, written by hand: the item class maps itself to and from
 * DynamoDB's attribute maps, and this class tells the enhanced client the table's primary key. The SDK's
 * {@code StaticTableSchema} would do the same through getters, setters and attribute converters, but its builder loads
 * {@code DefaultAttributeConverterProvider}, a converter for every Java type the enhanced client supports, as soon as it
 * is created, whatever providers it is then given (a field initialiser of {@code StaticImmutableTableSchema.Builder});
 * these items hold only strings, booleans and numbers.
 */
final class ItemSchema<T> implements TableSchema<T> {

    /** The table's key schema (template.yaml): partition key {@code pk} and sort key {@code sk}, both strings. */
    private static final TableMetadata PRIMARY_KEY = StaticTableMetadata.builder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), Attributes.PK, AttributeValueType.S)
            .addIndexSortKey(TableMetadata.primaryIndexName(), Attributes.SK, AttributeValueType.S)
            .build();

    private final EnhancedType<T> type;
    private final List<String> attributeNames;
    private final Function<T, Map<String, AttributeValue>> toAttributes;
    private final Function<Map<String, AttributeValue>, T> fromAttributes;

    /**
     * A schema whose items have {@code attributeNames} (the key's first) and are written by {@code toAttributes}, which
     * leaves out what an item does not have, and read by {@code fromAttributes}.
     */
    ItemSchema(
            Class<T> type,
            List<String> attributeNames,
            Function<T, Map<String, AttributeValue>> toAttributes,
            Function<Map<String, AttributeValue>, T> fromAttributes) {
        this.type = EnhancedType.of(type);
        this.attributeNames = List.copyOf(attributeNames);
        this.toAttributes = toAttributes;
        this.fromAttributes = fromAttributes;
    }

    @Override
    public T mapToItem(Map<String, AttributeValue> attributeMap) {
        return fromAttributes.apply(attributeMap);
    }

    /** With {@code ignoreNulls} false, an attribute the item does not have is written as a DynamoDB null. */
    @Override
    public Map<String, AttributeValue> itemToMap(T item, boolean ignoreNulls) {
        Map<String, AttributeValue> attributes = toAttributes.apply(item);
        if (ignoreNulls) {
            return attributes;
        }
        Map<String, AttributeValue> withNulls = new HashMap<>(attributes);
        for (String name : attributeNames) {
            withNulls.putIfAbsent(name, AttributeValue.fromNul(true));
        }
        return withNulls;
    }

    @Override
    public Map<String, AttributeValue> itemToMap(T item, Collection<String> attributes) {
        Map<String, AttributeValue> all = toAttributes.apply(item);
        Map<String, AttributeValue> selected = new HashMap<>();
        for (String name : attributes) {
            AttributeValue value = all.get(name);
            if (value != null) {
                selected.put(name, value);
            }
        }
        return selected;
    }

    @Override
    public AttributeValue attributeValue(T item, String attributeName) {
        return toAttributes.apply(item).get(attributeName);
    }

    @Override
    public TableMetadata tableMetadata() {
        return PRIMARY_KEY;
    }

    @Override
    public EnhancedType<T> itemType() {
        return type;
    }

    @Override
    public List<String> attributeNames() {
        return attributeNames;
    }

    @Override
    public boolean isAbstract() {
        return false;
    }
}
