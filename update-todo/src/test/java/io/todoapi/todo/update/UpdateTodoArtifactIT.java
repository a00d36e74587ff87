package io.todoapi.todo.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalTodoTable;
import org.junit.jupiter.api.Test;

/**
 * The deployable artifact (target/update-todo-lambda.jar) in a fresh JVM under the Lambda runtime interface client, configured
 * from the environment like the deployed function, answering events/update-todo.json against the local engine.
 */
class UpdateTodoArtifactIT {

    @Test
    void theDeployableJarAnswersTheFixtureEventUnderTheLambdaRuntime() throws Exception {
        try (LocalTodoTable table = LocalTodoTable.create("update-artifact");
             FunctionArtifact function = FunctionArtifact.start("io.todoapi.todo.update.UpdateTodoHandler::handleRequest",
                     table.name())) {
            table.repository().create(Events.FIXTURE_OWNER, Events.fixtureTodo());
            APIGatewayProxyRequestEvent event = Events.load("update-todo");
            APIGatewayProxyResponseEvent response = function.invoke(event);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
            assertThat(response.getBody()).contains("\"completed\":true").doesNotContain("description");
            // the fixture says If-Match: "1", which is now stale
            assertThat(function.invoke(Events.load("update-todo")).getStatusCode()).isEqualTo(412);
            function.assertLogsAreStructuredAndClean(event);
        }
    }
}
