package io.todoapi.todo.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.CompositionRoot;
import io.todoapi.todo.testing.LambdaEnvironment.InitializationType;
import io.todoapi.todo.testing.envreads.boot.EnvironmentReads;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * Variables the function JVM asks for that Lambda does not set for this stack, so that their defaults apply. A read
     * of any other variable that Lambda does not set in the mode fails the test: a dependency on it would pass here
     * and break on Lambda, or silently take a default the template never chose.
     */
    private static final Set<String> ABSENT_ON_LAMBDA_TOO = Set.of(
            // The runtime interface client's own settings, for features this stack does not use (JSON log format,
            // Lambda Managed Instances, the telemetry log descriptor) and the trace header of older runtimes.
            "AWS_LAMBDA_LOG_FORMAT",
            "AWS_LAMBDA_LOG_LEVEL",
            "AWS_LAMBDA_MAX_CONCURRENCY",
            "AWS_LAMBDA_JAVA_NETWORKADDRESS_CACHE_NEGATIVE_TTL",
            "_LAMBDA_TELEMETRY_LOG_FD",
            "_X_AMZN_TRACE_ID",
            // The AWS SDK's optional settings that its client builder looks up whatever the client states, and where
            // it would find profile files. (DynamoDbClients states the defaults mode, the account-ID endpoint mode and
            // request compression, and opens its own connections: no proxy variables.) FIPS and dual-stack endpoints
            // are read by DynamoDbClients itself.
            "AWS_ACCOUNT_ID",
            "AWS_AUTH_SCHEME_PREFERENCE",
            "AWS_CONFIG_FILE",
            "AWS_ENABLE_DEFAULT_SOCKET_TIMEOUT_2026",
            "AWS_ENDPOINT_DISCOVERY_ENABLED",
            "AWS_MAX_ATTEMPTS",
            "AWS_PARTITIONS_FILE",
            "AWS_PROFILE",
            "AWS_SDK_UA_APP_ID",
            "AWS_SHARED_CREDENTIALS_FILE",
            "AWS_SIGV4A_SIGNING_REGION_SET",
            "AWS_USE_DUALSTACK_ENDPOINT",
            "AWS_USE_FIPS_ENDPOINT",
            "HOME",
            // Powertools logging's optional settings, and the metrics' switch (RequestMetrics).
            "POWERTOOLS_LOGGER_LOG_ERROR",
            "POWERTOOLS_LOGGER_LOG_EVENT",
            "POWERTOOLS_LOGGER_LOG_RESPONSE",
            "POWERTOOLS_LOGGER_SAMPLE_RATE",
            "POWERTOOLS_METRICS_DISABLED");
    /**
     * Under SnapStart the credentials chain tries the access-key variables, which Lambda does not set then, before the
     * container credentials endpoint (whose provider looks for a relative URI first).
     */
    private static final Set<String> ABSENT_UNDER_SNAPSTART = Set.of(
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");

    private final TodoFunction function;

    /** The contract for {@code function}: its handler, and its fixture event ({@code events/<module>.json}). */
    protected ArtifactContract(TodoFunction function) {
        this.function = function;
    }

    private String handler() {
        return function.handler();
    }

    private String fixture() {
        return function.module();
    }

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
            try (FunctionArtifact function =
                    FunctionArtifact.start(handler(), FunctionArtifact.variables(table.name()), initialization)) {
                function.awaitInit();
                assertThat(TodoTables.items(table))
                        .as("the priming wrote nothing")
                        .isEqualTo(seeded);

                answersItsFixture(function, table);
                assertOneMetricsLinePerInvocation(function);

                APIGatewayProxyRequestEvent event = Events.load(fixture());
                // Configured through the environment (local-api's path, system properties, is PrimingContract's).
                assertThat(function.invoke(event).getHeaders())
                        .as("CORS from the ALLOWED_ORIGIN variable")
                        .containsEntry("Access-Control-Allow-Origin", FunctionArtifact.ALLOWED_ORIGIN)
                        .containsEntry("Vary", "Origin");
                function.assertLogsAreStructuredAndClean(event);
                if (initialization == InitializationType.SNAP_START) {
                    assertThat(function.runtime().credentialsServed())
                            .as("credentials from the container endpoint")
                            .isPositive();
                    // The priming answered its own requests through the whole pipeline before the first invocation.
                    assertThat(function.logLines().getFirst()).contains("\"correlation_id\":\"snapstart-priming\"");
                } else {
                    assertThat(function.runtime().credentialsServed())
                            .as("credentials from the variables")
                            .isZero();
                }
                assertThat(function.runtime().credentialsRefused()).isZero();
                assertReadsOnlyWhatLambdaSets(function.environmentReads(), initialization);
            }
        }
    }

    /**
     * Every EMF line the function wrote is valid and its operation's, one per invocation: none from the priming, and
     * the cold start in the first one only (after init on demand, after the restore under SnapStart).
     */
    private void assertOneMetricsLinePerInvocation(FunctionArtifact function) {
        String handlerClass =
                handler().substring(handler().lastIndexOf('.') + 1, handler().indexOf("Handler::"));
        String operation = Character.toLowerCase(handlerClass.charAt(0)) + handlerClass.substring(1);
        List<String> emf = function.emfLines();
        assertThat(emf)
                .as("EMF lines: one per invocation, none from the priming")
                .hasSize(function.invocations());
        List<Boolean> coldStarts = emf.stream()
                .map(line -> EmfLines.ofOperation(line, operation).has("ColdStart"))
                .toList();
        assertThat(coldStarts)
                .as("the cold start is the first invocation's")
                .first()
                .isEqualTo(true);
        assertThat(coldStarts.subList(1, coldStarts.size()))
                .as("the cold start is the first invocation's only")
                .doesNotContain(true);
    }

    private static void assertReadsOnlyWhatLambdaSets(Set<String> reads, InitializationType initialization) {
        Set<String> allowed = new TreeSet<>(LambdaEnvironment.names(initialization));
        allowed.addAll(FunctionArtifact.TEMPLATE_VARIABLES);
        allowed.addAll(ABSENT_ON_LAMBDA_TOO);
        if (initialization == InitializationType.SNAP_START) {
            allowed.addAll(ABSENT_UNDER_SNAPSTART);
        }
        assertThat(reads)
                .as("environment variables the function read")
                .containsAll(CompositionRoot.VARIABLES)
                .doesNotContain(EnvironmentReads.WHOLE_ENVIRONMENT);
        Set<String> unexpected = new TreeSet<>(reads);
        unexpected.removeAll(allowed);
        assertThat(unexpected)
                .as("variables read that Lambda does not set in %s mode", initialization)
                .isEmpty();
    }

    @Test
    void underSnapStartAFunctionWhoseCredentialsEndpointFailsFailsItsInit() throws Exception {
        try (LocalTodoTable table = LocalTodoTable.create(fixture() + "-no-credentials");
                FunctionArtifact function = FunctionArtifact.start(
                        handler(),
                        FunctionArtifact.variables(table.name()),
                        InitializationType.SNAP_START,
                        FunctionArtifact.Credentials.REFUSED)) {
            assertThatThrownBy(() -> function.invoke(Events.load(fixture())))
                    .hasMessageContaining("function init failed");
            assertThat(function.log())
                    .contains("\"level\":\"ERROR\"")
                    .contains("the function has no AWS credentials; failing init");
        }
    }

    @Test
    void onDemandAFunctionWithoutCredentialsAnswers500AndLogsTheCause() throws Exception {
        try (LocalTodoTable table = LocalTodoTable.create(fixture() + "-no-credentials");
                FunctionArtifact function = FunctionArtifact.start(
                        handler(),
                        FunctionArtifact.variables(table.name()),
                        InitializationType.ON_DEMAND,
                        FunctionArtifact.Credentials.NONE)) {
            APIGatewayProxyResponseEvent response = function.invoke(Events.load(fixture()));

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(500);
            assertThat(response.getHeaders()).doesNotContainKey("Retry-After");
            assertThat(function.log())
                    .contains("\"level\":\"ERROR\"")
                    .contains("No AWS credentials: answering 500")
                    .contains("The function has no AWS credentials");
        }
    }
}
