package io.todoapi.todo.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.LambdaEnvironment.InitializationType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What every function's deployable jar must do when Lambda runs it, in each way Lambda initializes it: on demand
 * (credentials in variables) and as a SnapStart version (priming before the snapshot, credentials only from the
 * container endpoint). A module's {@code *ArtifactIT} says which handler, what its fixture needs in the table and how
 * its fixture is answered.
 */
public abstract class ArtifactContract {

    /** The Lambda handler string, e.g. {@code io.todoapi.todo.get.GetTodoHandler::handleRequest}. */
    protected abstract String handler();

    /** The fixture event ({@code events/<name>.json}) the function answers. */
    protected abstract String fixture();

    /** Puts what the fixture needs into the table before the function starts (the fixture todo, by default). */
    protected void seed(LocalTodoTable table) {
        table.repository().create(Events.FIXTURE_OWNER, Events.fixtureTodo());
    }

    /** Sends the fixture (and whatever follows it) and checks the answers. */
    protected abstract void answersItsFixture(FunctionArtifact function, LocalTodoTable table);

    @ParameterizedTest
    @EnumSource(InitializationType.class)
    void theDeployableJarAnswersItsFixtureAsLambdaRunsIt(InitializationType initialization) throws Exception {
        try (LocalTodoTable table = LocalTodoTable.create(fixture() + "-artifact")) {
            seed(table);
            List<Map<String, AttributeValue>> seeded = TodoTables.items(table);
            try (FunctionArtifact function = FunctionArtifact.start(handler(), FunctionArtifact.variables(table.name()),
                    initialization)) {
                function.awaitInit();
                assertThat(TodoTables.items(table)).as("the priming wrote nothing").isEqualTo(seeded);

                answersItsFixture(function, table);

                APIGatewayProxyRequestEvent event = Events.load(fixture());
                function.assertLogsAreStructuredAndClean(event);
                if (initialization == InitializationType.SNAP_START) {
                    assertThat(function.runtime().credentialsServed()).as("credentials from the container endpoint")
                            .isPositive();
                    // The priming answered its own requests through the whole pipeline before the first invocation.
                    assertThat(function.logLines().getFirst()).contains("\"correlation_id\":\"snapstart-priming\"");
                } else {
                    assertThat(function.runtime().credentialsServed()).as("credentials from the variables").isZero();
                }
                assertThat(function.runtime().credentialsRefused()).isZero();
            }
        }
    }

    @Test
    void underSnapStartAFunctionWhoseCredentialsEndpointFailsFailsItsInit() throws Exception {
        try (LocalTodoTable table = LocalTodoTable.create(fixture() + "-no-credentials");
             FunctionArtifact function = FunctionArtifact.start(handler(), FunctionArtifact.variables(table.name()),
                     InitializationType.SNAP_START, FunctionArtifact.Credentials.REFUSED)) {
            assertThatThrownBy(() -> function.invoke(Events.load(fixture())))
                    .hasMessageContaining("function init failed");
            assertThat(function.log()).contains("\"level\":\"ERROR\"")
                    .contains("the function has no AWS credentials; failing init");
        }
    }

    @Test
    void onDemandAFunctionWithoutCredentialsAnswers500AndLogsTheCause() throws Exception {
        try (LocalTodoTable table = LocalTodoTable.create(fixture() + "-no-credentials");
             FunctionArtifact function = FunctionArtifact.start(handler(), FunctionArtifact.variables(table.name()),
                     InitializationType.ON_DEMAND, FunctionArtifact.Credentials.NONE)) {
            APIGatewayProxyResponseEvent response = function.invoke(Events.load(fixture()));

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(500);
            assertThat(response.getHeaders()).doesNotContainKey("Retry-After");
            assertThat(function.log()).contains("\"level\":\"ERROR\"").contains("No AWS credentials: answering 500")
                    .contains("The function has no AWS credentials");
        }
    }
}
