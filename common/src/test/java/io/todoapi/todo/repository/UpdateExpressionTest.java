package io.todoapi.todo.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todoapi.todo.model.Change;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class UpdateExpressionTest {

    @Test
    void setsThenRemovesInTheOrderGivenEveryNameAndValueAPlaceholder() {
        ItemExpression update = new UpdateExpression()
                .apply("title", Change.set(AttributeValue.fromS("Buy oat milk")))
                .apply("description", Change.remove())
                .apply("dueDate", Change.keep())
                .increment("version")
                .build();

        assertThat(update.text()).isEqualTo("SET #title = :title, #version = #version + :one REMOVE #description");
        assertThat(update.names())
                .isEqualTo(Map.of("#title", "title", "#version", "version", "#description", "description"));
        assertThat(update.values())
                .isEqualTo(Map.of(":title", AttributeValue.fromS("Buy oat milk"), ":one", AttributeValue.fromN("1")));
    }

    @Test
    void aClauseWithNothingInItIsLeftOut() {
        assertThat(new UpdateExpression().remove("dueDate").build().text()).isEqualTo("REMOVE #dueDate");
        assertThat(new UpdateExpression()
                        .set("completed", AttributeValue.fromBool(true))
                        .build()
                        .text())
                .isEqualTo("SET #completed = :completed");
    }

    @Test
    void anExpressionThatChangesNothingIsABug() {
        assertThatThrownBy(() ->
                        new UpdateExpression().apply("title", Change.keep()).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
