package io.todoapi.todo.list;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.PrimingContract;
import io.todoapi.todo.testing.PrimingHarness;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The list function's priming: a first page and a next page (a Query each). */
class ListTodosPrimingIT extends PrimingContract {

    @Override
    protected RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> newHandler() {
        return new ListTodosHandler();
    }

    @Override
    protected String fixture() {
        return "list-todos";
    }

    @Override
    protected List<Integer> primingStatusCodes() {
        return List.of(200, 200);
    }

    @Override
    protected Map<String, Integer> operationsPerIteration() {
        return Map.of("Query", 2);
    }

    @Override
    protected void answeredTheFixture(APIGatewayProxyResponseEvent response, PrimingHarness harness,
                                      List<Map<String, AttributeValue>> before) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).startsWith("{\"items\":[{\"id\":\"" + Events.FIXTURE_TODO_ID + "\"");
    }
}
