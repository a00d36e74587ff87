package io.todoapi.todo.delete;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.PrimingContract;
import io.todoapi.todo.testing.PrimingHarness;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The delete function's priming: one conditional delete (a DeleteItem). */
class DeleteTodoPrimingIT extends PrimingContract {

    @Override
    protected RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> newHandler() {
        return new DeleteTodoHandler();
    }

    @Override
    protected String fixture() {
        return "delete-todo";
    }

    @Override
    protected List<Integer> primingStatusCodes() {
        return List.of(204);
    }

    @Override
    protected Map<String, Integer> operationsPerIteration() {
        return Map.of("DeleteItem", 1);
    }

    @Override
    protected void answeredTheFixture(APIGatewayProxyResponseEvent response, PrimingHarness harness,
                                      List<Map<String, AttributeValue>> before) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
        assertThat(harness.items()).as("only the seeded priming todo is left").isEqualTo(before);
    }
}
