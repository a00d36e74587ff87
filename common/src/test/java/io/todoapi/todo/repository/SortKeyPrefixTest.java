package io.todoapi.todo.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SortKeyPrefixTest {

    @Test
    void writesTheKeyConditionOfTheSdksSortBeginsWith() {
        Expression ours =
                new SortKeyPrefix("USER#alice", "TODO#").expression(TodoItem.SCHEMA, TableMetadata.primaryIndexName());
        Expression sdks = QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(AttributeValue.fromS("USER#alice"))
                        .sortValue(AttributeValue.fromS("TODO#"))
                        .build())
                .expression(TodoItem.SCHEMA, TableMetadata.primaryIndexName());

        assertThat(ours.expression())
                .isEqualTo("#AMZN_MAPPED_pk = :AMZN_MAPPED_pk AND begins_with(#AMZN_MAPPED_sk, :AMZN_MAPPED_sk)")
                .isEqualTo(sdks.expression());
        assertThat(ours.expressionNames())
                .isEqualTo(Map.of("#AMZN_MAPPED_pk", "pk", "#AMZN_MAPPED_sk", "sk"))
                .isEqualTo(sdks.expressionNames());
        assertThat(ours.expressionValues())
                .isEqualTo(Map.of(
                        ":AMZN_MAPPED_pk",
                        AttributeValue.fromS("USER#alice"),
                        ":AMZN_MAPPED_sk",
                        AttributeValue.fromS("TODO#")))
                .isEqualTo(sdks.expressionValues());
    }
}
