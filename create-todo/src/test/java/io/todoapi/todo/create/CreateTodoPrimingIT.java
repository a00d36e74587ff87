package io.todoapi.todo.create;

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
class CreateTodoPrimingIT {

    @Test
    void primingRunsTheFunctionsPathOfflineAndWritesNothing() {
        try (PrimingHarness harness = PrimingHarness.start("create-priming")) {
            List<Map<String, AttributeValue>> before = harness.items();
            CreateTodoHandler handler = new CreateTodoHandler();

            handler.priming().prime();
            handler.priming().restored();

            assertThat(handler.priming().lastStatusCodes()).containsExactly(201, 201);
            assertThat(handler.priming().iterations()).isEqualTo(SnapStartPriming.DEFAULT_ITERATIONS);
            assertThat(handler.priming().operationsAnsweredOffline())
                    .isEqualTo(Map.of("PutItem", 3 * SnapStartPriming.DEFAULT_ITERATIONS));
            assertThat(harness.items()).isEqualTo(before);

            APIGatewayProxyResponseEvent response = handler.handleRequest(Events.load("create-todo"),
                    TestContext.of("create-todo"));
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
            assertThat(harness.items()).as("the todo and its idempotency record").hasSize(before.size() + 2);
        }
    }
}
