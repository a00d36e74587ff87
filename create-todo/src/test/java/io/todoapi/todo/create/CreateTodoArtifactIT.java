package io.todoapi.todo.create;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalTodoTable;
import java.util.List;
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

    @Test
    void underSnapStartTheRuntimeRunsThePrimingWhichWritesNothing() throws Exception {
        try (LocalTodoTable table = LocalTodoTable.create("create-snapstart");
             FunctionArtifact function = FunctionArtifact.startSnapStart(
                     "io.todoapi.todo.create.CreateTodoHandler::handleRequest", table.name())) {

            APIGatewayProxyResponseEvent response = function.invoke(Events.load("create-todo"));

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
            // The priming requests went through the function's pipeline inside the runtime, before the first invoke:
            // Powertools logged them with the priming events' request id as correlation id.
            List<String> lines = function.log().lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines).as(function.log()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(lines.subList(0, 2)).allSatisfy(line -> assertThat(line)
                    .contains("\"correlation_id\":\"snapstart-priming\"").contains("POST /todos -> 201"));
            assertThat(lines.get(2)).contains("\"correlation_id\":\"" + Events.load("create-todo")
                    .getRequestContext().getRequestId() + "\"");
            // ...and wrote nothing: the table holds the fixture's todo and its idempotency record only.
            assertThat(table.client().scan(b -> b.tableName(table.name())).items()).hasSize(2);
        }
    }
}
