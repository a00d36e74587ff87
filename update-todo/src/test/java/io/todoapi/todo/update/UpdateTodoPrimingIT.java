package io.todoapi.todo.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.PrimingContract;
import io.todoapi.todo.testing.PrimingHarness;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The update function's priming: one conditional patch (an UpdateItem). */
class UpdateTodoPrimingIT extends PrimingContract {

    @Override
    protected RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> newHandler() {
        return new UpdateTodoHandler();
    }

    @Override
    protected String fixture() {
        return "update-todo";
    }

    @Override
    protected List<Integer> primingStatusCodes() {
        return List.of(200);
    }

    @Override
    protected Map<String, Integer> operationsPerIteration() {
        return Map.of("UpdateItem", 1);
    }

    @Override
    protected void answeredTheFixture(APIGatewayProxyResponseEvent response, PrimingHarness harness,
                                      List<Map<String, AttributeValue>> before) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"version\":2");
    }
}
