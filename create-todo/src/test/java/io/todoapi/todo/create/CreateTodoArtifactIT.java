package io.todoapi.todo.create;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalTodoTable;
import org.junit.jupiter.api.Test;

/**
 * The deployable artifact (target/create-todo-lambda.jar) in a fresh JVM under the Lambda runtime interface client, configured
 * from the environment like the deployed function, answering events/create-todo.json against the local engine.
 */
class CreateTodoArtifactIT {

    @Test
    void theDeployableJarAnswersTheFixtureEventUnderTheLambdaRuntime() throws Exception {
        try (LocalTodoTable table = LocalTodoTable.create("create-artifact");
             FunctionArtifact function = FunctionArtifact.start("io.todoapi.todo.create.CreateTodoHandler::handleRequest",
                     table.name())) {

            APIGatewayProxyRequestEvent event = Events.load("create-todo");
            APIGatewayProxyResponseEvent response = function.invoke(event);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
            assertThat(response.getBody()).contains("\"title\":\"Buy oat milk\"");
            assertThat(response.getHeaders().get("Location")).startsWith("/todos/");
            // the same Idempotency-Key again: the same todo, and still one item
            assertThat(function.invoke(Events.load("create-todo")).getBody()).isEqualTo(response.getBody());
            assertThat(table.repository().list(Events.FIXTURE_OWNER, 10, java.util.Optional.empty()).items())
                    .hasSize(1);
            function.assertLogsAreStructuredAndClean(event);
        }
    }
}
