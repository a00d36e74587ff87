package io.todoapi.todo.list;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.PrimingContract;
import io.todoapi.todo.testing.PrimingHarness;
import io.todoapi.todo.testing.TodoFunction;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The list function's priming: a first page and a next page (a Query each). */
class ListTodosPrimingIT extends PrimingContract {

    ListTodosPrimingIT() {
        super(TodoFunction.LIST, ListTodosHandler::new, List.of(200, 200), Map.of("Query", 2));
    }

    @Override
    protected void answeredTheFixture(
            APIGatewayProxyResponseEvent response, PrimingHarness harness, List<Map<String, AttributeValue>> before) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).startsWith("{\"items\":[{\"id\":\"" + Events.FIXTURE_TODO_ID + "\"");
    }
}
