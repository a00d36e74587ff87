package io.todoapi.todo.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.PrimingContract;
import io.todoapi.todo.testing.PrimingHarness;
import io.todoapi.todo.testing.TodoFunction;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The update function's priming: one conditional patch (an UpdateItem). */
class UpdateTodoPrimingIT extends PrimingContract {

    UpdateTodoPrimingIT() {
        super(TodoFunction.UPDATE, UpdateTodoHandler::new, List.of(200), Map.of("UpdateItem", 1));
    }

    @Override
    protected void answeredTheFixture(
            APIGatewayProxyResponseEvent response, PrimingHarness harness, List<Map<String, AttributeValue>> before) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"version\":2");
    }
}
