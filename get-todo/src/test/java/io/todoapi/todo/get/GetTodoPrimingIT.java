package io.todoapi.todo.get;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.PrimingContract;
import io.todoapi.todo.testing.PrimingHarness;
import io.todoapi.todo.testing.TodoFunction;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The get function's priming: a read and a conditional read that is not modified (a GetItem each). */
class GetTodoPrimingIT extends PrimingContract {

    GetTodoPrimingIT() {
        super(TodoFunction.GET, GetTodoHandler::new, List.of(200, 304), Map.of("GetItem", 2));
    }

    @Override
    protected void answeredTheFixture(
            APIGatewayProxyResponseEvent response, PrimingHarness harness, List<Map<String, AttributeValue>> before) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"id\":\"" + Events.FIXTURE_TODO_ID + "\"");
    }
}
