package io.todoapi.todo.repository;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A condition or update expression together with the {@code #name} and {@code :value} placeholders it uses: a value,
 * so that the parts of a request's expressions are built apart and combined without filling each other's maps.
 */
record ItemExpression(String text, Map<String, String> names, Map<String, AttributeValue> values) {

    ItemExpression {
        names = Map.copyOf(names);
        values = Map.copyOf(values);
    }

    /** Both conditions; a placeholder both use must stand for the same thing in each. */
    ItemExpression and(ItemExpression other) {
        return new ItemExpression(
                text + " AND " + other.text, placeholders(names, other.names), placeholders(values, other.values));
    }

    /** The placeholders of all the expressions of one request, which DynamoDB takes together. */
    static <V> Map<String, V> placeholders(Map<String, V> first, Map<String, V> second) {
        Map<String, V> all = new HashMap<>(first);
        second.forEach((placeholder, value) -> {
            V previous = all.putIfAbsent(placeholder, value);
            if (previous != null && !previous.equals(value)) {
                throw new IllegalArgumentException(
                        "The placeholder " + placeholder + " stands for two things: " + previous + " and " + value);
            }
        });
        return all;
    }

    /** As the enhanced client's condition of a PutItem or DeleteItem. */
    Expression toCondition() {
        return Expression.builder()
                .expression(text)
                .expressionNames(names.isEmpty() ? null : names)
                // An empty map would be sent as an empty ExpressionAttributeValues, which DynamoDB rejects.
                .expressionValues(values.isEmpty() ? null : values)
                .build();
    }
}
