package io.todoapi.todo.delete;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.PrimingContract;
import io.todoapi.todo.testing.PrimingHarness;
import io.todoapi.todo.testing.TodoFunction;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The delete function's priming: one conditional delete (a DeleteItem). */
class DeleteTodoPrimingIT extends PrimingContract {

    DeleteTodoPrimingIT() {
        super(TodoFunction.DELETE, DeleteTodoHandler::new, List.of(204), Map.of("DeleteItem", 1));
    }

    @Override
    protected void answeredTheFixture(
            APIGatewayProxyResponseEvent response, PrimingHarness harness, List<Map<String, AttributeValue>> before) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
        assertThat(harness.items()).as("only the seeded priming todo is left").isEqualTo(before);
    }
}
