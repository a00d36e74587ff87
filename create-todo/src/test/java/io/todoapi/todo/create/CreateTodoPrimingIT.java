package io.todoapi.todo.create;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.PrimingContract;
import io.todoapi.todo.testing.PrimingHarness;
import io.todoapi.todo.testing.TodoFunction;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The create function's priming: two creates, with and without an Idempotency-Key (three PutItems). */
class CreateTodoPrimingIT extends PrimingContract {

    CreateTodoPrimingIT() {
        super(TodoFunction.CREATE, CreateTodoHandler::new, List.of(201, 201), Map.of("PutItem", 3));
    }

    @Override
    protected void seed(PrimingHarness harness) {
        // A create needs nothing in the table.
    }

    @Override
    protected void answeredTheFixture(
            APIGatewayProxyResponseEvent response, PrimingHarness harness, List<Map<String, AttributeValue>> before) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(harness.items()).as("the todo and its idempotency record").hasSize(before.size() + 2);
    }
}
