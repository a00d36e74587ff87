package io.todoapi.todo.repository;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key condition of a Query for the items of one partition whose sort key starts with a prefix, e.g. an owner's
 * todos. {@code QueryConditional.sortBeginsWith(Key)} says the same, but a {@code Key} cannot be built without
 * loading {@code DefaultAttributeConverterProvider} ({@code Key.Builder}'s static initialiser), which list-todos
 * needs nowhere else. The expression and its placeholders are the ones {@code sortBeginsWith} writes
 * ({@code DynamoDbRequestsTest} compares the requests).
 */
record SortKeyPrefix(String partition, String prefix) implements QueryConditional {

    private static final String PLACEHOLDER = "AMZN_MAPPED_";

    @Override
    public Expression expression(TableSchema<?> tableSchema, String indexName) {
        TableMetadata metadata = tableSchema.tableMetadata();
        String partitionKey = metadata.indexPartitionKey(indexName);
        String sortKey = metadata.indexSortKey(indexName)
                .orElseThrow(() ->
                        new IllegalArgumentException("A sort key prefix needs an index with a sort key: " + indexName));
        String pk = PLACEHOLDER + partitionKey;
        String sk = PLACEHOLDER + sortKey;
        return Expression.builder()
                .expression("#" + pk + " = :" + pk + " AND begins_with(#" + sk + ", :" + sk + ")")
                .expressionNames(Map.of("#" + pk, partitionKey, "#" + sk, sortKey))
                .expressionValues(
                        Map.of(":" + pk, AttributeValue.fromS(partition), ":" + sk, AttributeValue.fromS(prefix)))
                .build();
    }
}
