package io.todoapi.todo.list;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalTodoTable;
import org.junit.jupiter.api.Test;

/**
 * The deployable artifact (target/list-todos-lambda.jar) in a fresh JVM under the Lambda runtime interface client, configured
 * from the environment like the deployed function, answering events/list-todos.json against the local engine.
 */
class ListTodosArtifactIT {

    @Test
    void theDeployableJarAnswersTheFixtureEventUnderTheLambdaRuntime() throws Exception {
        try (LocalTodoTable table = LocalTodoTable.create("list-artifact");
             FunctionArtifact function = FunctionArtifact.start("io.todoapi.todo.list.ListTodosHandler::handleRequest",
                     table.name())) {
            table.repository().create(Events.FIXTURE_OWNER, Events.fixtureTodo());
            APIGatewayProxyRequestEvent event = Events.load("list-todos");
            APIGatewayProxyResponseEvent response = function.invoke(event);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getBody()).startsWith("{\"items\":[{\"id\":\"" + Events.FIXTURE_TODO_ID + "\"");
            function.assertLogsAreStructuredAndClean(event);
        }
    }
}
