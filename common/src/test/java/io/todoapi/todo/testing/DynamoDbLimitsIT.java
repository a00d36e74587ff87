package io.todoapi.todo.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Every SDK client of a test JVM refuses what DynamoDB refuses, although dynalite would accept it: the limits are
 * applied by {@link DynamoDbLimits}, registered as a global interceptor, to a client that was not given it.
 */
class DynamoDbLimitsIT {

    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void createTable() {
        client = LocalEngine.client();
        table = TodoTables.create(client, "limits-it");
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        return item;
    }

    private static void assertRefused(Runnable call, String because) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.getMessage()).contains(because);
        });
    }

    @Test
    void inTakesAtMost100Operands() {
        Map<String, AttributeValue> values = new HashMap<>();
        IntStream.range(0, 101).forEach(i -> values.put(":v" + i, AttributeValue.fromN(Integer.toString(i))));
        String list = IntStream.range(0, 101).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));
        assertRefused(
                () -> client.putItem(b -> b.tableName(table)
                        .item(item("USER#a", "TODO#1"))
                        .conditionExpression("attribute_not_exists(version) OR version IN (" + list + ")")
                        .expressionAttributeValues(values)),
                "101 operands");

        values.remove(":v100");
        String hundred = IntStream.range(0, 100).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));
        client.putItem(b -> b.tableName(table)
                .item(item("USER#a", "TODO#1"))
                .conditionExpression("attribute_not_exists(version) OR version IN (" + hundred + ")")
                .expressionAttributeValues(values));
    }

    @Test
    void anItemIsAtMost400KbAndKeysAtMost2048And1024Bytes() {
        Map<String, AttributeValue> big = item("USER#a", "TODO#big");
        big.put("description", AttributeValue.fromS("x".repeat(400 * 1024)));
        assertRefused(() -> client.putItem(b -> b.tableName(table).item(big)), "Item size has exceeded");
        assertRefused(
                () -> client.getItem(b -> b.tableName(table).key(item("USER#" + "é".repeat(1024), "TODO#1"))),
                "pk is 2053 bytes");
        assertRefused(
                () -> client.getItem(b -> b.tableName(table).key(item("USER#a", "TODO#" + "x".repeat(1020)))),
                "sk is 1025 bytes");
    }

    @Test
    void anExpressionIsAtMost4Kb() {
        String condition = "attribute_not_exists(pk)" + " AND attribute_not_exists(pk)".repeat(150);
        assertRefused(
                () -> client.putItem(
                        b -> b.tableName(table).item(item("USER#a", "TODO#2")).conditionExpression(condition)),
                "longer than 4096 bytes");
    }
}
