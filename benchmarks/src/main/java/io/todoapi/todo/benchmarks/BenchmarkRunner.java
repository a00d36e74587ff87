package io.todoapi.todo.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.repository.DynamoDbTodoRepository;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalEngine;
import io.todoapi.todo.testing.TodoTables;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs every measurement of the benchmark in one go and writes {@code results.md} and {@code results.csv}
 * (see benchmarks/README.md). Started by {@code -Pbenchmarks}, which passes the locations below as system properties.
 */
public final class BenchmarkRunner {

    private static final String FLOOR_HANDLER = "io.todoapi.todo.benchmarks.floor.ConstantResponseHandler::handleRequest";

    private final int runs = Integer.getInteger("benchmark.runs", 5);
    private final int largeTableItems = Integer.getInteger("benchmark.largeTableItems", 20_000);
    private final Path functionsDir = Path.of(required("benchmark.functionsDir"));
    private final Path naiveJar = Path.of(required("benchmark.naiveJar"));
    private final Path resultsDir = Path.of(required("benchmark.resultsDir"));
    private final Path workDir = Path.of(required("benchmark.workDir"));
    private final List<Path> runtimeClasspath = Arrays.stream(required("lambda.runtime.classpath")
            .split(File.pathSeparator)).map(Path::of).toList();

    private BenchmarkRunner() {
    }

    public static void main(String[] args) throws Exception {
        new BenchmarkRunner().run();
        System.exit(0); // the shared engine's shutdown hook stops dynalite
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        Results results = new Results(runs, largeTableItems);
        DynamoDbClient client = LocalEngine.client();
        String table = TodoTables.create(client, "benchmark");
        DynamoDbTodoRepository todos = new DynamoDbTodoRepository(client, table);
        seed(todos);

        // template.yaml's variables (its JAVA_TOOL_OPTIONS included) on the local engine; Lambda's own come per mode.
        Map<String, String> environment = FunctionArtifact.variables(table);
        ColdStart coldStart = new ColdStart(runtimeClasspath, environment, workDir);

        Map<Function, String> events = new EnumMap<>(Function.class);
        for (Function function : Function.values()) {
            APIGatewayProxyRequestEvent event = Events.load(function.module());
            // Both variants do the same single write: the naive handler knows no Idempotency-Key.
            events.put(function, Events.toJson(Events.withHeader(event, "Idempotency-Key", null)));
        }

        log("cold starts: " + runs + " runs x " + Function.values().length
                + " functions x (ours, naive, ours under SnapStart emulation), and the runtime floor");
        for (int run = 0; run < runs; run++) {
            for (Function function : Function.values()) {
                // Alternate which variant goes first, so that neither always follows the other.
                boolean oursFirst = run % 2 == 0;
                for (int i = 0; i < 2; i++) {
                    boolean ours = (i == 0) == oursFirst;
                    reset(client, todos, table, function);
                    ColdStart.Result result = coldStart.run(ours ? artifact(function) : naiveJar,
                            ours ? function.handler() : function.naiveHandler(), events.get(function), false);
                    requireStatus(function, ours, result.statusCode());
                    results.coldStart(function, ours, result);
                }
                reset(client, todos, table, function);
                ColdStart.Result primed = coldStart.run(artifact(function), function.handler(), events.get(function),
                        false, true);
                requireStatus(function, true, primed.statusCode());
                results.snapStart(function, primed);
            }
            results.floor(coldStart.run(naiveJar, FLOOR_HANDLER, events.get(Function.GET_TODO), false));
            log("  run " + (run + 1) + " done");
        }
        log("classes loaded to first response");
        for (Function function : Function.values()) {
            for (boolean ours : new boolean[] {true, false}) {
                reset(client, todos, table, function);
                ColdStart.Result result = coldStart.run(ours ? artifact(function) : naiveJar,
                        ours ? function.handler() : function.naiveHandler(), events.get(function), true);
                requireStatus(function, ours, result.statusCode());
                results.classes(function, ours, result);
            }
            results.artifactSize(function, Files.size(artifact(function)));
        }
        results.naiveArtifactSize(Files.size(naiveJar));
        results.floorClasses(coldStart.run(naiveJar, FLOOR_HANDLER, events.get(Function.GET_TODO), true));

        log("warm invocations (in process, repository stubbed)");
        Path warm = workDir.resolve("warm.csv");
        Process warmJvm = JvmProcess.builder(List.of(), WarmInvocations.class.getName(),
                        new String[] {warm.toString()})
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (warmJvm.waitFor() != 0) {
            throw new IllegalStateException("WarmInvocations failed");
        }
        Files.readAllLines(warm).forEach(results::warm);

        log("list capacity: " + ListCapacity.PAGE + " items vs " + largeTableItems + " items in the table");
        results.capacity(ListCapacity.measure(largeTableItems));

        log("start-up probes (JSON libraries, logging): " + runs + " runs each");
        for (int run = 0; run < runs; run++) {
            for (String library : Results.JSON_LIBRARIES) {
                results.startup(library, JvmProcess.startupProbe(library, workDir, false));
            }
            results.startup(Results.LOGGING_PROBE, JvmProcess.loggingProbe(artifact(Function.GET_TODO), workDir, false));
        }
        for (String library : Results.JSON_LIBRARIES) {
            results.startupClasses(library, JvmProcess.startupProbe(library, workDir, true));
        }
        results.startupClasses(Results.LOGGING_PROBE,
                JvmProcess.loggingProbe(artifact(Function.GET_TODO), workDir, true));

        Files.createDirectories(resultsDir);
        String markdown = results.markdown(started, Instant.now());
        Files.writeString(resultsDir.resolve("results.md"), markdown);
        Files.writeString(resultsDir.resolve("results.csv"), results.csv());
        System.out.println();
        System.out.println(markdown);
    }

    /** The caller of the fixtures has the fixture todo and 19 more: the list fixture gets a full page. */
    private static void seed(DynamoDbTodoRepository todos) {
        Todo fixture = Events.fixtureTodo();
        todos.create(Events.FIXTURE_OWNER, fixture);
        for (int i = 0; i < 19; i++) {
            String id = "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f" + String.format("%02d", 70 + i);
            todos.create(Events.FIXTURE_OWNER, new Todo(id, "Todo " + i, null, false, null, fixture.createdAt(),
                    fixture.createdAt(), 1));
        }
    }

    /** Puts the fixture todo back as it was (version 1) before a run that reads, changes or deletes it. */
    private static void reset(DynamoDbClient client, DynamoDbTodoRepository todos, String table, Function function) {
        if (function == Function.GET_TODO || function == Function.UPDATE_TODO || function == Function.DELETE_TODO) {
            client.deleteItem(b -> b.tableName(table).key(Map.of(
                    "pk", AttributeValue.fromS("USER#" + Events.FIXTURE_OWNER),
                    "sk", AttributeValue.fromS("TODO#" + Events.FIXTURE_TODO_ID))));
            todos.create(Events.FIXTURE_OWNER, Events.fixtureTodo());
        }
    }

    private Path artifact(Function function) {
        return functionsDir.resolve(function.module()).resolve("target").resolve(function.module() + "-lambda.jar");
    }

    private static void requireStatus(Function function, boolean ours, int status) {
        if (status != function.expectedStatus()) {
            throw new IllegalStateException((ours ? "" : "naive ") + function.module() + " answered " + status
                    + " instead of " + function.expectedStatus() + ": not a valid measurement");
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + property + " is required: run the benchmark through Maven ("
                    + "./mvnw -B -ntp -pl benchmarks -am -DskipTests -Pbenchmarks verify)");
        }
        return value;
    }

    private static void log(String message) {
        System.out.println("[benchmark] " + message);
    }
}
