package io.todoapi.todo.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class LocalDynamoDbIT {

    @Test
    void startsOnAFreeLoopbackPortServesItemsAndStopsItsProcessOnClose() throws Exception {
        LocalDynamoDb engine = LocalDynamoDb.start(0);
        ProcessHandle child = ProcessHandle.of(engine.pid()).orElseThrow();
        try (engine;
                DynamoDbClient client = engine.newClient()) {
            assertThat(engine.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(engine.port()).isPositive();
            client.createTable(b -> b.tableName("probe")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("pk")
                            .attributeType(ScalarAttributeType.S)
                            .build())
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("pk")
                            .keyType(KeyType.HASH)
                            .build()));
            client.putItem(b -> b.tableName("probe")
                    .item(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("42"))));
            assertThat(client.getItem(b -> b.tableName("probe").key(Map.of("pk", AttributeValue.fromS("a"))))
                            .item()
                            .get("n")
                            .n())
                    .isEqualTo("42");
        }
        child.onExit().get();
        assertThat(child.isAlive()).isFalse();
        assertThat(engine.isRunning()).isFalse();
    }

    @Test
    void sharedEngineIsStartedOnceAndReused() {
        LocalDynamoDb first = LocalDynamoDb.shared();
        assertThat(LocalDynamoDb.shared()).isSameAs(first);
        assertThat(first.isRunning()).isTrue();
    }
}
