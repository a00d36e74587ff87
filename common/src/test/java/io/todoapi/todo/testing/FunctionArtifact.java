package io.todoapi.todo.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.localdb.LocalDynamoDb;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A handler module's deployable jar ({@code target/<module>-lambda.jar}) running in its own JVM under the Lambda runtime
 * client, the way Lambda runs it ({@link LambdaRuntimeEmulator}: Lambda's environment for the initialization type, the
 * task root, credentials from variables on demand or from the container endpoint under SnapStart), configured with
 * template.yaml's variables ({@link #TEMPLATE_VARIABLES}) pointed at the local engine. The build passes the jar
 * ({@code lambda.artifact}) and the runtime's class path ({@code lambda.runtime.classpath}) to Failsafe as system
 * properties.
 */
public final class FunctionArtifact implements AutoCloseable {

    /**
     * The functions' variables as template.yaml declares them (Globals), with local values where the template's
     * refer to the stack; deployment-tests checks that the names and the literal values match the template.
     */
    public static final List<String> TEMPLATE_VARIABLES = List.of(
            "TABLE_NAME",
            "ALLOWED_ORIGIN",
            "USER_POOL_CLIENT_ID",
            "POWERTOOLS_SERVICE_NAME",
            "POWERTOOLS_LOG_LEVEL",
            "JAVA_TOOL_OPTIONS",
            "AWS_ENDPOINT_URL_DYNAMODB",
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    /** The {@code ALLOWED_ORIGIN} of the local runs: the web app's site, as the template sets by default. */
    public static final String ALLOWED_ORIGIN = "https://d111111abcdef8.cloudfront.net";
    /** template.yaml's JAVA_TOOL_OPTIONS. */
    public static final String JAVA_TOOL_OPTIONS =
            "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:MarkSweepDeadRatio=0";

    private final LambdaRuntimeEmulator runtime;
    private final Path log;
    private final Path environmentReads;
    private final LambdaEnvironment.InitializationType initialization;
    private int invocations;

    private FunctionArtifact(
            LambdaRuntimeEmulator runtime,
            Path log,
            Path environmentReads,
            LambdaEnvironment.InitializationType initialization) {
        this.runtime = runtime;
        this.log = log;
        this.environmentReads = environmentReads;
        this.initialization = initialization;
    }

    /**
     * The function's variables for a run against the local engine's {@code tableName}: what template.yaml sets, with
     * the local engine as the DynamoDB endpoint (as {@code sam local invoke --env-vars} would), the fixtures'
     * app client id and a web app's origin.
     */
    public static Map<String, String> variables(String tableName) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("TABLE_NAME", tableName);
        variables.put("ALLOWED_ORIGIN", ALLOWED_ORIGIN);
        variables.put("USER_POOL_CLIENT_ID", Events.FIXTURE_AUDIENCE);
        variables.put("POWERTOOLS_SERVICE_NAME", "todo-api");
        variables.put("POWERTOOLS_LOG_LEVEL", "INFO");
        variables.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        variables.put(
                "AWS_ENDPOINT_URL_DYNAMODB", LocalDynamoDb.shared().endpoint().toString());
        variables.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        return variables;
    }

    /** Starts the module's jar on demand with {@code handler} (e.g. {@code io.todoapi.todo.get.GetTodoHandler::handleRequest}). */
    public static FunctionArtifact start(String handler, String tableName) throws IOException {
        return start(handler, variables(tableName), LambdaEnvironment.InitializationType.ON_DEMAND);
    }

    /**
     * Starts the module's jar the way Lambda initializes a SnapStart version (shared/notes/snapstart-local.md): the
     * runtime client constructs the handler, runs the {@code beforeCheckpoint} hooks registered through
     * {@code org.crac} (which reach the client's CRaC context through {@code -Dorg.crac.Core.Compat}), asks the
     * Runtime API for {@code restore/next} (where Lambda takes the snapshot), runs the {@code afterRestore} hooks,
     * and only then polls for invocations. No access-key variables: credentials come from the container endpoint.
     */
    public static FunctionArtifact startSnapStart(String handler, String tableName) throws IOException {
        return start(handler, variables(tableName), LambdaEnvironment.InitializationType.SNAP_START);
    }

    /** What the execution environment offers as credentials: Lambda's (the default), none, or a failing source. */
    public enum Credentials {
        PROVIDED,
        NONE,
        REFUSED
    }

    /** Starts the module's jar with these function variables, initialized as {@code initialization}. */
    public static FunctionArtifact start(
            String handler, Map<String, String> variables, LambdaEnvironment.InitializationType initialization)
            throws IOException {
        return start(handler, variables, initialization, Credentials.PROVIDED);
    }

    /** As {@link #start(String, Map, LambdaEnvironment.InitializationType)}, with the credentials {@code credentials}. */
    public static FunctionArtifact start(
            String handler,
            Map<String, String> variables,
            LambdaEnvironment.InitializationType initialization,
            Credentials credentials)
            throws IOException {
        Path artifact = Path.of(requiredProperty("lambda.artifact"));
        List<Path> runtimeClasspath = Arrays.stream(
                        requiredProperty("lambda.runtime.classpath").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        Path log = Files.createTempFile("function-", ".log");
        LambdaRuntimeEmulator runtime = LambdaRuntimeEmulator.start();
        if (credentials == Credentials.REFUSED) {
            runtime.refuseCredentials();
        }
        String name = handler.substring(handler.lastIndexOf('.') + 1).replace("Handler::handleRequest", "Function");
        Path environmentReads = Files.createTempFile("environment-reads-", ".txt");
        runtime.launch(
                runtimeClasspath,
                new LambdaRuntimeEmulator.Function(
                        artifact,
                        handler,
                        name,
                        variables,
                        initialization,
                        LambdaRuntimeEmulator.recordEnvironmentReads(environmentReads),
                        credentials != Credentials.NONE),
                log);
        return new FunctionArtifact(runtime, log, environmentReads, initialization);
    }

    /** Waits (up to 60 s) until the function has finished its init, priming included, or failed it. */
    public void awaitInit() throws InterruptedException {
        if (!runtime.awaitInit(Duration.ofSeconds(60))) {
            throw new AssertionError("no init within 60 s; function log:\n" + log());
        }
    }

    /** Every environment variable the function JVM has read so far (after it started), by name. */
    public java.util.Set<String> environmentReads() {
        try {
            return new java.util.TreeSet<>(Files.readAllLines(environmentReads));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many events this test has sent the function (the priming's own are not among them). */
    public int invocations() {
        return invocations;
    }

    /** The CloudWatch embedded metric format lines the function wrote to stdout so far. */
    public List<String> emfLines() {
        return EmfLines.in(logLines());
    }

    /** The Runtime API and credentials endpoint the function talks to. */
    public LambdaRuntimeEmulator runtime() {
        return runtime;
    }

    public APIGatewayProxyResponseEvent invoke(APIGatewayProxyRequestEvent event) {
        invocations++;
        try {
            return Events.responseFromJson(runtime.invoke(Events.toJson(event), Duration.ofSeconds(60)));
        } catch (TimeoutException e) {
            throw new AssertionError("no response within 60 s; function log:\n" + log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What the function JVM wrote to stdout and stderr so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lines the function logged, without blank lines and without the JVM's own notice of JAVA_TOOL_OPTIONS
     * ({@code Picked up JAVA_TOOL_OPTIONS: ...} on stderr, which reaches CloudWatch on Lambda too).
     */
    public List<String> logLines() {
        return log().lines()
                .filter(line -> !line.isBlank())
                .filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS:"))
                .toList();
    }

    /**
     * Asserts what CloudWatch would get: every line JSON from the functions' encoder, the API Gateway request id as
     * correlation id, on demand the first invocation flagged as a cold start, and nothing of the request's token or
     * body. (Under SnapStart the first lines are the priming's, before the snapshot.)
     */
    public void assertLogsAreStructuredAndClean(APIGatewayProxyRequestEvent event) {
        List<String> lines = logLines();
        org.assertj.core.api.Assertions.assertThat(lines)
                .as(log())
                .isNotEmpty()
                .allSatisfy(
                        line -> org.assertj.core.api.Assertions.assertThat(line).startsWith("{"));
        String correlation = "\"correlation_id\":\"" + event.getRequestContext().getRequestId() + "\"";
        String first = lines.stream()
                .filter(line -> line.contains(correlation))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line with " + correlation + ":\n" + log()));
        org.assertj.core.api.Assertions.assertThat(first).contains("\"service\":\"todo-api\"");
        if (initialization == LambdaEnvironment.InitializationType.ON_DEMAND) {
            org.assertj.core.api.Assertions.assertThat(lines.getFirst())
                    .isEqualTo(first)
                    .contains("\"cold_start\":true");
        }
        String token = event.getHeaders().get("Authorization");
        org.assertj.core.api.Assertions.assertThat(log()).doesNotContain(token);
        if (event.getBody() != null) {
            org.assertj.core.api.Assertions.assertThat(log()).doesNotContain(event.getBody());
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + name + " is not set: run this test with Failsafe"
                    + " (./mvnw verify), which passes the function jar and the Lambda runtime class path.");
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        runtime.close();
        Files.deleteIfExists(log);
        Files.deleteIfExists(environmentReads);
    }
}
