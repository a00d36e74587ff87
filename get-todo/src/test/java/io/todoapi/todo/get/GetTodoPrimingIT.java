package io.todoapi.todo.get;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.priming.SnapStartPriming;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.PrimingHarness;
import io.todoapi.todo.testing.TestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming of the function as its production constructor registers it, against the local engine: every
 * priming event runs the function's path through the SDK, nothing reaches the table, and afterwards the function
 * serves real requests from the engine.
 */
class GetTodoPrimingIT {

    @Test
    void primingRunsTheFunctionsPathOfflineAndWritesNothing() {
        try (PrimingHarness harness = PrimingHarness.start("get-priming")) {
            List<Map<String, AttributeValue>> before = harness.items();
            GetTodoHandler handler = new GetTodoHandler();

            handler.priming().prime();
            handler.priming().restored();

            assertThat(handler.priming().lastStatusCodes()).containsExactly(200, 304);
            assertThat(handler.priming().iterations()).isEqualTo(SnapStartPriming.DEFAULT_ITERATIONS);
            assertThat(handler.priming().operationsAnsweredOffline())
                    .isEqualTo(Map.of("GetItem", 2 * SnapStartPriming.DEFAULT_ITERATIONS));
            assertThat(harness.items()).isEqualTo(before);

            harness.table().repository().create(Events.FIXTURE_OWNER, Events.fixtureTodo());
            APIGatewayProxyResponseEvent response = handler.handleRequest(Events.load("get-todo"),
                    TestContext.of("get-todo"));
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getBody()).contains("\"id\":\"" + Events.FIXTURE_TODO_ID + "\"");
        }
    }
}
