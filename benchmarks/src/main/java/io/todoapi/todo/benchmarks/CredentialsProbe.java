package io.todoapi.todo.benchmarks;

import io.todoapi.todo.config.DynamoDbClients;
import io.todoapi.todo.config.FunctionEnvironment;
import io.todoapi.todo.config.LambdaCredentials;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.LambdaEnvironment;
import io.todoapi.todo.testing.LambdaRuntimeEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start cost of the functions' credentials chain (issue 14): in a fresh JVM with Lambda's environment for
 * one mode, build the functions' DynamoDB client ({@link DynamoDbClients#fromEnvironment}) with one chain and make
 * one signed call (GetItem of the fixture todo on the local engine), then print {@code DONE}. The caller times it
 * from process start and counts the classes loaded. Everything but the chain is the same for both, so the difference
 * is the choice.
 */
public final class CredentialsProbe {

    /** How Lambda hands the function its credentials. */
    enum Mode {
        /** On demand: {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}. */
        ON_DEMAND(LambdaEnvironment.InitializationType.ON_DEMAND, "on demand (access-key variables)"),
        /** SnapStart: the container credentials endpoint, served by {@link LambdaRuntimeEmulator}. */
        SNAP_START(LambdaEnvironment.InitializationType.SNAP_START, "SnapStart (container credentials endpoint)");

        final LambdaEnvironment.InitializationType initialization;
        final String label;

        Mode(LambdaEnvironment.InitializationType initialization, String label) {
            this.initialization = initialization;
            this.label = label;
        }
    }

    /** The chain under test. */
    enum Chain {
        /** What the functions use: system properties, environment variables, container endpoint. */
        LAMBDA("explicit chain (LambdaCredentials)"),
        /** The SDK's default chain, which also tries web identity, profile files and instance metadata. */
        DEFAULT("SDK default chain (DefaultCredentialsProvider)");

        final String label;

        Chain(String label) {
            this.label = label;
        }
    }

    private CredentialsProbe() {}

    public static void main(String[] args) {
        AwsCredentialsProvider credentials = switch (Chain.valueOf(args[0])) {
            case LAMBDA -> new LambdaCredentials();
            case DEFAULT -> DefaultCredentialsProvider.builder().build();
        };
        try (DynamoDbClient client = DynamoDbClients.fromEnvironment(DynamoDbClients.httpClient(), credentials)) {
            boolean found = client.getItem(b -> b.tableName(FunctionEnvironment.require("TABLE_NAME"))
                            .key(Map.of(
                                    "pk", AttributeValue.fromS("USER#" + Events.FIXTURE_OWNER),
                                    "sk", AttributeValue.fromS("TODO#" + Events.FIXTURE_TODO_ID))))
                    .hasItem();
            System.out.println("DONE " + found);
        }
    }

    /** Starts the probe in a fresh JVM per run, with Lambda's environment for the mode and the functions' variables. */
    static final class Runner {

        private final Map<String, String> variables;
        private final Path workDir;

        Runner(Map<String, String> variables, Path workDir) {
            this.variables = variables;
            this.workDir = workDir;
        }

        JvmProcess.Startup run(Mode mode, Chain chain, boolean countClasses) throws IOException, InterruptedException {
            Files.createDirectories(workDir);
            // Lambda's home holds no AWS configuration: the default chain's profile provider must find none here
            // either, whatever the user running the benchmark has in ~/.aws.
            Path home = Files.createTempDirectory(workDir, "home-");
            Path taskRoot = Files.createTempDirectory(workDir, "task-");
            try (LambdaRuntimeEmulator credentialsEndpoint = LambdaRuntimeEmulator.start()) {
                ProcessBuilder builder = JvmProcess.builder(
                        concat(List.of("-Duser.home=" + home), JvmProcess.flags(workDir, countClasses)),
                        CredentialsProbe.class.getName(),
                        chain.name());
                Map<String, String> environment = new LinkedHashMap<>(LambdaEnvironment.of(
                        mode.initialization,
                        "probe",
                        "CredentialsProbe",
                        credentialsEndpoint.address(),
                        taskRoot,
                        credentialsEndpoint));
                environment.putAll(variables);
                builder.environment().clear();
                builder.environment().putAll(environment);
                builder.directory(taskRoot.toFile());
                JvmProcess.Startup startup =
                        JvmProcess.probe(builder, "credentials " + mode + " " + chain, workDir, countClasses);
                if (mode == Mode.SNAP_START && credentialsEndpoint.credentialsServed() == 0) {
                    throw new IllegalStateException("the " + chain + " chain signed without the container endpoint");
                }
                return startup;
            } finally {
                Files.deleteIfExists(home);
                Files.deleteIfExists(taskRoot);
            }
        }

        private static List<String> concat(List<String> first, List<String> second) {
            return java.util.stream.Stream.concat(first.stream(), second.stream())
                    .toList();
        }
    }
}
