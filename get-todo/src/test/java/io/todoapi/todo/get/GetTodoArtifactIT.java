package io.todoapi.todo.get;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalTodoTable;
import org.junit.jupiter.api.Test;

/**
 * The deployable artifact (target/get-todo-lambda.jar) in a fresh JVM under the Lambda runtime interface client, configured
 * from the environment like the deployed function, answering events/get-todo.json against the local engine.
 */
class GetTodoArtifactIT {

    @Test
    void theDeployableJarAnswersTheFixtureEventUnderTheLambdaRuntime() throws Exception {
        try (LocalTodoTable table = LocalTodoTable.create("get-artifact");
             FunctionArtifact function = FunctionArtifact.start("io.todoapi.todo.get.GetTodoHandler::handleRequest",
                     table.name())) {
            table.repository().create(Events.FIXTURE_OWNER, Events.fixtureTodo());
            APIGatewayProxyRequestEvent event = Events.load("get-todo");
            APIGatewayProxyResponseEvent response = function.invoke(event);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
            assertThat(response.getBody()).contains("\"title\":\"Buy oat milk\"");
            APIGatewayProxyResponseEvent notModified = function.invoke(
                    Events.withHeader(Events.load("get-todo"), "If-None-Match", "\"1\""));
            assertThat(notModified.getStatusCode()).isEqualTo(304);
            function.assertLogsAreStructuredAndClean(event);
        }
    }
}
