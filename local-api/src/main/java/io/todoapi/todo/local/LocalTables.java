package io.todoapi.todo.local;

import static io.todoapi.todo.local.CloudFormationYaml.list;
import static io.todoapi.todo.local.CloudFormationYaml.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * Creates the template's DynamoDB table on the local engine from its definition in template.yaml (keys,
 * attributes, billing, indexes, TTL), so there is no second copy of the schema to drift. Settings that only exist
 * in AWS (point-in-time recovery, deletion protection, encryption) do not apply locally. TTL is applied when the
 * engine supports it (dynalite does not: expired items simply stay, which the functions tolerate).
 */
final class LocalTables {

    private LocalTables() {}

    static void create(
            DynamoDbClient client,
            String tableName,
            Map<String, Object> properties,
            SamTemplate template,
            Consumer<String> info) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(list(properties.get("AttributeDefinitions")).stream()
                        .map(definition -> AttributeDefinition.builder()
                                .attributeName(text(template, definition, "AttributeName"))
                                .attributeType(text(template, definition, "AttributeType"))
                                .build())
                        .toList())
                .keySchema(keySchema(template, properties.get("KeySchema")));
        String billing = map(properties).containsKey("BillingMode")
                ? template.resolve("BillingMode", properties.get("BillingMode")).orElse("PAY_PER_REQUEST")
                : "PROVISIONED";
        request.billingMode(BillingMode.fromValue(billing));
        if (!billing.equals("PAY_PER_REQUEST")) {
            request.provisionedThroughput(throughput(template, properties.get("ProvisionedThroughput")));
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object index : list(properties.get("GlobalSecondaryIndexes"))) {
            GlobalSecondaryIndex.Builder builder = GlobalSecondaryIndex.builder()
                    .indexName(text(template, index, "IndexName"))
                    .keySchema(keySchema(template, map(index).get("KeySchema")))
                    .projection(Projection.builder()
                            .projectionType(text(template, map(index).get("Projection"), "ProjectionType"))
                            .nonKeyAttributes(
                                    list(map(map(index).get("Projection")).get("NonKeyAttributes")).stream()
                                            .map(String::valueOf)
                                            .toList())
                            .build());
            if (!billing.equals("PAY_PER_REQUEST")) {
                builder.provisionedThroughput(throughput(template, map(index).get("ProvisionedThroughput")));
            }
            indexes.add(builder.build());
        }
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        try {
            client.createTable(request.build());
            client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
            info.accept("created table " + tableName + " from template.yaml");
        } catch (ResourceInUseException exists) {
            info.accept("using the existing table " + tableName);
        }

        Map<String, Object> ttl = map(properties.get("TimeToLiveSpecification"));
        if (Boolean.TRUE.equals(ttl.get("Enabled")) || "true".equals(String.valueOf(ttl.get("Enabled")))) {
            String attribute = text(template, ttl, "AttributeName");
            try {
                client.updateTimeToLive(b -> b.tableName(tableName)
                        .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
                info.accept("TTL enabled on " + attribute);
            } catch (DynamoDbException unsupported) {
                info.accept("TTL on " + attribute + " is not supported by this engine: expired items stay"
                        + " (the functions ignore expired Idempotency-Keys)");
            }
        }
    }

    private static List<KeySchemaElement> keySchema(SamTemplate template, Object schema) {
        return list(schema).stream()
                .map(element -> KeySchemaElement.builder()
                        .attributeName(text(template, element, "AttributeName"))
                        .keyType(text(template, element, "KeyType"))
                        .build())
                .toList();
    }

    private static ProvisionedThroughput throughput(SamTemplate template, Object throughput) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(text(template, throughput, "ReadCapacityUnits")))
                .writeCapacityUnits(Long.parseLong(text(template, throughput, "WriteCapacityUnits")))
                .build();
    }

    private static String text(SamTemplate template, Object object, String key) {
        return template.resolve("table " + key, map(object).get(key))
                .orElseThrow(() -> new IllegalArgumentException(
                        "The table's " + key + " in template.yaml cannot be resolved locally"));
    }
}
