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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A handler module's deployable jar ({@code target/<module>-lambda.jar}) running in its own JVM under the Lambda runtime
 * client, configured the way template.yaml configures the function but pointed at the local engine. The build
 * passes the jar ({@code lambda.artifact}) and the runtime's class path ({@code lambda.runtime.classpath}) to
 * Failsafe as system properties.
 */
public final class FunctionArtifact implements AutoCloseable {

    private final LambdaRuntimeEmulator runtime;
    private final Path log;

    private FunctionArtifact(LambdaRuntimeEmulator runtime, Path log) {
        this.runtime = runtime;
        this.log = log;
    }

    /** Starts the module's jar with {@code handler} (e.g. {@code io.todoapi.todo.get.GetTodoHandler::handleRequest}). */
    public static FunctionArtifact start(String handler, String tableName) throws IOException {
        return start(handler, tableName, false);
    }

    /**
     * Starts the module's jar the way Lambda initializes a SnapStart version (shared/notes/snapstart-local.md): the
     * runtime client constructs the handler, runs the {@code beforeCheckpoint} hooks registered through
     * {@code org.crac} (which reach the client's CRaC context through {@code -Dorg.crac.Core.Compat}), asks the
     * Runtime API for {@code restore/next} (where Lambda takes the snapshot), runs the {@code afterRestore} hooks,
     * and only then polls for invocations.
     */
    public static FunctionArtifact startSnapStart(String handler, String tableName) throws IOException {
        return start(handler, tableName, true);
    }

    private static FunctionArtifact start(String handler, String tableName, boolean snapStart) throws IOException {
        Path artifact = Path.of(requiredProperty("lambda.artifact"));
        List<Path> runtimeClasspath = Arrays.stream(requiredProperty("lambda.runtime.classpath").split(File.pathSeparator))
                .map(Path::of).toList();
        Path log = Files.createTempFile("function-", ".log");
        LambdaRuntimeEmulator runtime = LambdaRuntimeEmulator.start();
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "TABLE_NAME", tableName,
                "AWS_REGION", LocalDynamoDb.REGION.id(),
                "AWS_ACCESS_KEY_ID", LocalDynamoDb.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", LocalDynamoDb.SECRET_ACCESS_KEY,
                "AWS_ENDPOINT_URL_DYNAMODB", LocalDynamoDb.shared().endpoint().toString(),
                "ALLOWED_ORIGIN", "*",
                "POWERTOOLS_SERVICE_NAME", "todo-api",
                "POWERTOOLS_LOG_LEVEL", "INFO"));
        List<String> jvmOptions = new java.util.ArrayList<>(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        if (snapStart) {
            environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
            jvmOptions.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        }
        runtime.launch(runtimeClasspath, artifact, handler, environment, jvmOptions, log);
        return new FunctionArtifact(runtime, log);
    }

    public APIGatewayProxyResponseEvent invoke(APIGatewayProxyRequestEvent event) {
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
     * Asserts what CloudWatch would get: every line JSON from the functions' encoder, the first invocation flagged as
     * a cold start, the API Gateway request id as correlation id, and nothing of the request's token or body.
     */
    public void assertLogsAreStructuredAndClean(APIGatewayProxyRequestEvent event) {
        List<String> lines = log().lines().filter(line -> !line.isBlank()).toList();
        org.assertj.core.api.Assertions.assertThat(lines).as(log()).isNotEmpty()
                .allSatisfy(line -> org.assertj.core.api.Assertions.assertThat(line).startsWith("{"));
        org.assertj.core.api.Assertions.assertThat(lines.getFirst()).contains("\"cold_start\":true")
                .contains("\"correlation_id\":\"" + event.getRequestContext().getRequestId() + "\"")
                .contains("\"service\":\"todo-api\"");
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
    }
}
