package io.todoapi.todo.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemExpressionTest {

    private static final ItemExpression EXISTS =
            new ItemExpression("attribute_exists(#pk)", Map.of("#pk", "pk"), Map.of());
    private static final ItemExpression AT_VERSION_2 = new ItemExpression(
            "#version IN (:v0)", Map.of("#version", "version"), Map.of(":v0", AttributeValue.fromN("2")));

    @Test
    void andJoinsTheTextsAndTheirPlaceholders() {
        ItemExpression both = EXISTS.and(AT_VERSION_2);

        assertThat(both.text()).isEqualTo("attribute_exists(#pk) AND #version IN (:v0)");
        assertThat(both.names()).isEqualTo(Map.of("#pk", "pk", "#version", "version"));
        assertThat(both.values()).isEqualTo(Map.of(":v0", AttributeValue.fromN("2")));
        assertThat(EXISTS.text()).as("unchanged").isEqualTo("attribute_exists(#pk)");
    }

    @Test
    void aPlaceholderMayBeSharedButNotStandForTwoThings() {
        assertThat(ItemExpression.placeholders(Map.of("#version", "version"), Map.of("#version", "version")))
                .isEqualTo(Map.of("#version", "version"));
        assertThatThrownBy(() -> AT_VERSION_2.and(new ItemExpression(
                        "#version <> :v0", Map.of("#version", "version"), Map.of(":v0", AttributeValue.fromN("3")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":v0");
    }

    @Test
    void asAnEnhancedConditionWithoutValuesItSendsNone() {
        Expression condition = EXISTS.toCondition();

        assertThat(condition.expression()).isEqualTo("attribute_exists(#pk)");
        assertThat(condition.expressionNames()).isEqualTo(Map.of("#pk", "pk"));
        assertThat(condition.expressionValues()).isNull();
        assertThat(AT_VERSION_2.toCondition().expressionValues()).isEqualTo(Map.of(":v0", AttributeValue.fromN("2")));
    }
}
