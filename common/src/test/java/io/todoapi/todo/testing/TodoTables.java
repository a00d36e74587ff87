package io.todoapi.todo.testing;

import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates todo tables (the key schema of template.yaml) with unique names, one per test class. */
public final class TodoTables {

    private TodoTables() {}

    public static String create(DynamoDbClient client, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        client.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("sk")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("sk")
                                .keyType(KeyType.RANGE)
                                .build()));
        client.waiter().waitUntilTableExists(b -> b.tableName(name));
        return name;
    }

    /** Every item of the table, whoever owns it (a consistent Scan: tests only). */
    public static java.util.List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>>
            items(LocalTodoTable table) {
        return table.client()
                .scan(b -> b.tableName(table.name()).consistentRead(true))
                .items();
    }
}
