package io.todoapi.todo.delete;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalTodoTable;
import org.junit.jupiter.api.Test;

/**
 * The deployable artifact (target/delete-todo-lambda.jar) in a fresh JVM under the Lambda runtime interface client, configured
 * from the environment like the deployed function, answering events/delete-todo.json against the local engine.
 */
class DeleteTodoArtifactIT {

    @Test
    void theDeployableJarAnswersTheFixtureEventUnderTheLambdaRuntime() throws Exception {
        try (LocalTodoTable table = LocalTodoTable.create("delete-artifact");
             FunctionArtifact function = FunctionArtifact.start("io.todoapi.todo.delete.DeleteTodoHandler::handleRequest",
                     table.name())) {
            table.repository().create(Events.FIXTURE_OWNER, Events.fixtureTodo());
            APIGatewayProxyRequestEvent event = Events.load("delete-todo");
            APIGatewayProxyResponseEvent response = function.invoke(event);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
            assertThat(response.getBody()).isNull();
            assertThat(function.invoke(Events.load("delete-todo")).getStatusCode()).isEqualTo(404);
            function.assertLogsAreStructuredAndClean(event);
        }
    }
}
