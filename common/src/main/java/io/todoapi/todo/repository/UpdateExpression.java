package io.todoapi.todo.repository;

import io.todoapi.todo.model.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds an UpdateItem's {@code SET ... REMOVE ...} expression clause by clause. Every attribute name goes through a
 * {@code #name} placeholder (some, such as {@code title}, are not reserved words today, but one added later might be),
 * and every value through {@code :name}.
 */
final class UpdateExpression {

    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    /** {@code #attribute = :attribute}. */
    UpdateExpression set(String attribute, AttributeValue value) {
        values.put(":" + attribute, value);
        sets.add(name(attribute) + " = :" + attribute);
        return this;
    }

    /** {@code #attribute = #attribute + :one}. */
    UpdateExpression increment(String attribute) {
        values.put(":one", AttributeValue.fromN("1"));
        sets.add(name(attribute) + " = " + name(attribute) + " + :one");
        return this;
    }

    UpdateExpression remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    /** What a merge patch's change of one field does to its attribute: set it, remove it, or nothing. */
    UpdateExpression apply(String attribute, Change<AttributeValue> change) {
        return switch (change) {
            case Change.Set<AttributeValue> set -> set(attribute, set.value());
            case Change.Remove<AttributeValue> remove -> remove(attribute);
            case Change.Keep<AttributeValue> keep -> this;
        };
    }

    /** The expression as it stands: its SET clause, then its REMOVE clause, each when not empty. */
    ItemExpression build() {
        List<String> clauses = new ArrayList<>(2);
        if (!sets.isEmpty()) {
            clauses.add("SET " + String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            clauses.add("REMOVE " + String.join(", ", removes));
        }
        if (clauses.isEmpty()) {
            throw new IllegalStateException("An update expression changes at least one attribute");
        }
        return new ItemExpression(String.join(" ", clauses), names, values);
    }

    private String name(String attribute) {
        names.put("#" + attribute, attribute);
        return "#" + attribute;
    }
}
