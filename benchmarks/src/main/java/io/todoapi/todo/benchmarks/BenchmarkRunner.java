package io.todoapi.todo.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.todoapi.todo.metrics.RequestMetrics;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.priming.SnapStartPriming;
import io.todoapi.todo.repository.DynamoDbTodoRepository;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalEngine;
import io.todoapi.todo.testing.TodoFunction;
import io.todoapi.todo.testing.TodoTables;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs the measurements of the benchmark in one go and writes {@code <name>.md} and {@code <name>.csv} into the
 * results directory (see benchmarks/README.md). Started by {@code -Pbenchmarks}, which passes the locations and the
 * settings below as system properties.
 */
public final class BenchmarkRunner {

    private static final String FLOOR_HANDLER =
            "io.todoapi.todo.benchmarks.floor.ConstantResponseHandler::handleRequest";
    /** The sections {@code benchmark.sections} can name, in the order they run. */
    static final List<String> SECTIONS =
            List.of("coldstart", "snapstart", "classes", "credentials", "warm", "capacity", "probes", "metrics");

    /** The settings this run changed from their defaults, as {@code -Dname=value}, for the report's command line. */
    private final List<String> changedSettings = new java.util.ArrayList<>();

    private final int runs = Integer.parseInt(setting("benchmark.runs", "5"));
    private final int snapStartRuns = Integer.parseInt(setting("benchmark.snapStartRuns", "3"));
    private final List<Integer> primingCounts =
            integers(setting("benchmark.primingCounts", Integer.toString(SnapStartPriming.DEFAULT_ITERATIONS)));
    private final List<JitFlags> jitFlags = JitFlags.parse(setting("benchmark.jitFlags", ""));
    private final int afterRestore = Integer.parseInt(setting("benchmark.afterRestore", "100"));
    private final int warmup = Integer.parseInt(setting("benchmark.warmup", "500"));
    private final int warm = Integer.parseInt(setting("benchmark.warm", "200"));
    private final int largeTableItems = Integer.parseInt(setting("benchmark.largeTableItems", "20000"));
    private final Set<String> sections = names(setting("benchmark.sections", String.join(",", SECTIONS)), SECTIONS);
    private final List<TodoFunction> functions = functions(setting("benchmark.functions", "all"));
    private final List<String> functionJvmOptions = Arrays.stream(
                    setting("benchmark.functionJvmOptions", "").split("\\s+"))
            .filter(option -> !option.isEmpty())
            .toList();
    private final boolean histograms = Boolean.parseBoolean(setting("benchmark.heapHistograms", "false"));
    private final String resultsName = setting("benchmark.resultsName", "results");
    private final Path functionsDir = Path.of(required("benchmark.functionsDir"));
    private final Path naiveJar = Path.of(required("benchmark.naiveJar"));
    private final Path resultsDir = Path.of(required("benchmark.resultsDir"));
    private final Path workDir = Path.of(required("benchmark.workDir"));
    private final List<Path> runtimeClasspath = Arrays.stream(
                    required("lambda.runtime.classpath").split(File.pathSeparator))
            .map(Path::of)
            .toList();

    private BenchmarkRunner() {}

    public static void main(String[] args) throws Exception {
        new BenchmarkRunner().run();
        System.exit(0); // the shared engine's shutdown hook stops dynalite
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        Results results = new Results(
                new Results.Settings(
                        runs,
                        snapStartRuns,
                        jitFlags,
                        primingCounts,
                        afterRestore,
                        warmup,
                        warm,
                        largeTableItems,
                        functions,
                        List.copyOf(changedSettings)),
                Load.now());
        DynamoDbClient client = LocalEngine.client();
        String table = TodoTables.create(client, "benchmark");
        DynamoDbTodoRepository todos = new DynamoDbTodoRepository(client, table);
        seed(todos);

        // template.yaml's variables (its JAVA_TOOL_OPTIONS included) on the local engine; Lambda's own come per mode.
        Map<String, String> environment = FunctionArtifact.variables(table);
        // The naive handler's SDK client takes the endpoint from AWS_ENDPOINT_URL_DYNAMODB itself (what
        // AWS_IGNORE_CONFIGURED_ENDPOINT_URLS turns off for ours, which apply it explicitly).
        Map<String, String> naiveEnvironment = new java.util.LinkedHashMap<>(environment);
        naiveEnvironment.remove("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
        ColdStart coldStart = new ColdStart(runtimeClasspath, workDir);

        Map<TodoFunction, String> events = new EnumMap<>(TodoFunction.class);
        for (TodoFunction function : functions) {
            APIGatewayProxyRequestEvent event = Events.load(function.module());
            // Both variants do the same single write: the naive handler knows no Idempotency-Key.
            events.put(function, Events.toJson(Events.withHeader(event, "Idempotency-Key", null)));
        }
        String floorEvent = Events.toJson(Events.load(TodoFunction.GET.module()));

        if (sections.contains("coldstart")) {
            log("cold starts: " + runs + " runs x " + functions.size() + " functions x (ours, naive), and the runtime"
                    + " floor");
            for (int run = 0; run < runs; run++) {
                for (TodoFunction function : functions) {
                    // Alternate which variant goes first, so that neither always follows the other.
                    boolean oursFirst = run % 2 == 0;
                    for (int i = 0; i < 2; i++) {
                        boolean ours = (i == 0) == oursFirst;
                        reset(client, todos, table, function);
                        ColdStart.Result result = coldStart.run(
                                ours ? artifact(function) : naiveJar,
                                ours ? function.handler() : NaiveHandlers.of(function),
                                ours ? environment : naiveEnvironment,
                                events.get(function),
                                false);
                        requireStatus(function, ours, result.statusCode());
                        results.coldStart(function, ours, result);
                    }
                }
                results.floor(coldStart.run(naiveJar, FLOOR_HANDLER, naiveEnvironment, floorEvent, false));
                log("  run " + (run + 1) + " done");
            }
        }

        if (sections.contains("snapstart")) {
            SnapStartRun snapStart = new SnapStartRun(
                    runtimeClasspath, environment, workDir, afterRestore, warmup, warm, functionJvmOptions);
            List<JitFlags> flags = jitFlags;
            log("SnapStart, emulated: " + snapStartRuns + " runs x " + functions.size() + " functions x "
                    + flags.size() + " flag sets x priming counts " + primingCounts + "; " + snapStart.invocations()
                    + " invocations after restore each");
            for (int run = 0; run < snapStartRuns; run++) {
                for (TodoFunction function : functions) {
                    // Rotate the order of the variants from run to run, so that none always runs first.
                    for (int v = 0; v < flags.size() * primingCounts.size(); v++) {
                        int variant = (v + run) % (flags.size() * primingCounts.size());
                        JitFlags flag = flags.get(variant / primingCounts.size());
                        int count = primingCounts.get(variant % primingCounts.size());
                        reset(client, todos, table, function);
                        IntFunction<String> series =
                                RequestSeries.prepare(function, client, table, snapStart.invocations());
                        Path histogram = histograms && run == 0
                                ? workDir.resolve(
                                        "histogram-" + function.module() + "-" + flag.slug() + "-" + count + ".txt")
                                : null;
                        SnapStartRun.Result result = snapStart.run(
                                artifact(function),
                                function.handler(),
                                flag,
                                count,
                                series,
                                function.fixtureStatus(),
                                histogram);
                        results.snapStart(function, flag, count, result);
                        // Every invocation's time, in order, for a closer look than the report's percentiles.
                        Files.write(
                                workDir.resolve("series-" + function.module() + "-" + flag.slug() + "-" + count + "-run"
                                        + (run + 1) + ".txt"),
                                java.util.stream.Stream.concat(result.afterRestore().stream(), result.warm().stream())
                                        .map(millis -> String.format(java.util.Locale.ROOT, "%.3f", millis))
                                        .toList());
                    }
                }
                log("  run " + (run + 1) + " done");
            }
        }

        if (sections.contains("classes")) {
            log("classes loaded to first response");
            for (TodoFunction function : functions) {
                for (boolean ours : new boolean[] {true, false}) {
                    reset(client, todos, table, function);
                    ColdStart.Result result = coldStart.run(
                            ours ? artifact(function) : naiveJar,
                            ours ? function.handler() : NaiveHandlers.of(function),
                            ours ? environment : naiveEnvironment,
                            events.get(function),
                            true);
                    requireStatus(function, ours, result.statusCode());
                    results.classes(function, ours, result);
                }
                results.artifactSize(function, Files.size(artifact(function)));
            }
            results.naiveArtifactSize(Files.size(naiveJar));
            results.floorClasses(coldStart.run(naiveJar, FLOOR_HANDLER, naiveEnvironment, floorEvent, true));
        }

        if (sections.contains("credentials")) {
            log("credentials chains: " + runs + " runs x 2 modes x 2 chains");
            CredentialsProbe.Runner probe = new CredentialsProbe.Runner(environment, workDir);
            for (int run = 0; run < runs; run++) {
                for (CredentialsProbe.Mode mode : CredentialsProbe.Mode.values()) {
                    // Alternate which chain goes first, so that neither always follows the other.
                    List<CredentialsProbe.Chain> chains = List.of(CredentialsProbe.Chain.values());
                    for (CredentialsProbe.Chain chain : run % 2 == 0 ? chains : chains.reversed()) {
                        results.credentials(mode, chain, probe.run(mode, chain, false));
                    }
                }
            }
            for (CredentialsProbe.Mode mode : CredentialsProbe.Mode.values()) {
                for (CredentialsProbe.Chain chain : CredentialsProbe.Chain.values()) {
                    results.credentialsClasses(mode, chain, probe.run(mode, chain, true));
                }
            }
        }

        if (sections.contains("warm")) {
            log("warm invocations (in process, repository stubbed)");
            Path warmFile = workDir.resolve("warm.csv");
            Process warmJvm = JvmProcess.builder(
                            List.of(), WarmInvocations.class.getName(), new String[] {warmFile.toString()})
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (warmJvm.waitFor() != 0) {
                throw new IllegalStateException("WarmInvocations failed");
            }
            Files.readAllLines(warmFile).forEach(results::warm);
        }

        if (sections.contains("capacity")) {
            log("list capacity: " + ListCapacity.PAGE + " items vs " + largeTableItems + " items in the table");
            results.capacity(ListCapacity.measure(largeTableItems));
        }

        if (sections.contains("probes")) {
            log("start-up probes (JSON libraries, logging): " + runs + " runs each");
            for (int run = 0; run < runs; run++) {
                for (String library : Results.JSON_LIBRARIES) {
                    results.startup(library, JvmProcess.startupProbe(library, workDir, false));
                }
                results.startup(
                        Results.LOGGING_PROBE, JvmProcess.loggingProbe(artifact(TodoFunction.GET), workDir, false));
            }
            for (String library : Results.JSON_LIBRARIES) {
                results.startupClasses(library, JvmProcess.startupProbe(library, workDir, true));
            }
            results.startupClasses(
                    Results.LOGGING_PROBE, JvmProcess.loggingProbe(artifact(TodoFunction.GET), workDir, true));
        }

        if (sections.contains("metrics")) {
            log("metrics' cold-start cost: " + runs + " runs x " + functions.size() + " functions x (metrics on, off),"
                    + " and the metrics probes (none, ours, Powertools' default provider)");
            // The same jar, its metrics switched off by Powertools' own variable: what the functions cost without them.
            Map<String, String> withoutMetrics = new java.util.LinkedHashMap<>(environment);
            withoutMetrics.put(RequestMetrics.DISABLED_ENV, "true");
            interface MetricsRun {
                ColdStart.Result of(TodoFunction function, boolean metricsOn, boolean countClasses) throws Exception;
            }
            MetricsRun metricsRun = (function, metricsOn, countClasses) -> ours(
                    coldStart,
                    client,
                    todos,
                    table,
                    function,
                    metricsOn ? environment : withoutMetrics,
                    events.get(function),
                    countClasses);
            for (int run = 0; run < runs; run++) {
                for (TodoFunction function : functions) {
                    boolean onFirst = run % 2 == 0;
                    for (int i = 0; i < 2; i++) {
                        boolean on = (i == 0) == onFirst;
                        results.metricsColdStart(function, on, metricsRun.of(function, on, false));
                    }
                }
                for (String mode : MetricsProbe.MODES) {
                    results.metricsProbe(
                            mode, JvmProcess.metricsProbe(mode, artifact(TodoFunction.GET), workDir, false));
                }
            }
            for (TodoFunction function : functions) {
                for (boolean on : new boolean[] {true, false}) {
                    results.metricsClasses(function, on, metricsRun.of(function, on, true));
                }
            }
            for (String mode : MetricsProbe.MODES) {
                results.metricsProbeClasses(
                        mode, JvmProcess.metricsProbe(mode, artifact(TodoFunction.GET), workDir, true));
            }
        }

        Files.createDirectories(resultsDir);
        String markdown = results.markdown(started, Instant.now(), Load.now());
        Files.writeString(resultsDir.resolve(resultsName + ".md"), markdown);
        Files.writeString(resultsDir.resolve(resultsName + ".csv"), results.csv());
        System.out.println();
        System.out.println(markdown);
    }

    /** One cold start of our {@code function}'s jar with {@code environment}, its fixture reset first. */
    private ColdStart.Result ours(
            ColdStart coldStart,
            DynamoDbClient client,
            DynamoDbTodoRepository todos,
            String table,
            TodoFunction function,
            Map<String, String> environment,
            String event,
            boolean countClasses)
            throws Exception {
        reset(client, todos, table, function);
        ColdStart.Result result =
                coldStart.run(artifact(function), function.handler(), environment, event, countClasses);
        requireStatus(function, true, result.statusCode());
        return result;
    }

    /** The caller of the fixtures has the fixture todo and 19 more: the list fixture gets a full page. */
    private static void seed(DynamoDbTodoRepository todos) {
        Todo fixture = Events.fixtureTodo();
        todos.create(Events.FIXTURE_OWNER, fixture);
        for (int i = 0; i < 19; i++) {
            String id = "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f" + String.format("%02d", 70 + i);
            todos.create(
                    Events.FIXTURE_OWNER,
                    new Todo(id, "Todo " + i, null, false, null, fixture.createdAt(), fixture.createdAt(), 1));
        }
    }

    /** Puts the fixture todo back as it was (version 1) before a run that reads, changes or deletes it. */
    private static void reset(
            DynamoDbClient client, DynamoDbTodoRepository todos, String table, TodoFunction function) {
        if (function == TodoFunction.GET || function == TodoFunction.UPDATE || function == TodoFunction.DELETE) {
            client.deleteItem(b -> b.tableName(table)
                    .key(Map.of(
                            "pk", AttributeValue.fromS("USER#" + Events.FIXTURE_OWNER),
                            "sk", AttributeValue.fromS("TODO#" + Events.FIXTURE_TODO_ID))));
            todos.create(Events.FIXTURE_OWNER, Events.fixtureTodo());
        }
    }

    private Path artifact(TodoFunction function) {
        return functionsDir.resolve(function.module()).resolve("target").resolve(function.module() + "-lambda.jar");
    }

    private static void requireStatus(TodoFunction function, boolean ours, int status) {
        if (status != function.fixtureStatus()) {
            throw new IllegalStateException((ours ? "" : "naive ") + function.module() + " answered " + status
                    + " instead of " + function.fixtureStatus() + ": not a valid measurement");
        }
    }

    /** {@code "1,10,50"} as numbers, in the order given. */
    static List<Integer> integers(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .map(Integer::valueOf)
                .toList();
    }

    /** The names in {@code list} ({@code "a,b"}), each one of {@code known}. */
    static Set<String> names(String list, List<String> known) {
        Set<String> names = new TreeSet<>();
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty()) {
                if (!known.contains(trimmed)) {
                    throw new IllegalArgumentException("unknown name " + trimmed + "; known: " + known);
                }
                names.add(trimmed);
            }
        }
        return names;
    }

    /** {@code all}, or modules such as {@code create-todo,get-todo}. */
    static List<TodoFunction> functions(String list) {
        if (list.trim().equals("all")) {
            return List.of(TodoFunction.values());
        }
        Set<String> modules = names(
                list,
                Arrays.stream(TodoFunction.values()).map(TodoFunction::module).toList());
        return Arrays.stream(TodoFunction.values())
                .filter(function -> modules.contains(function.module()))
                .toList();
    }

    /**
     * The system property, or {@code defaultValue} when it is unset or blank (as Maven passes an empty setting); a
     * value other than the default is noted for the report.
     */
    private String setting(String property, String defaultValue) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.trim().equals(defaultValue)) {
            return defaultValue;
        }
        changedSettings.add("-D" + property + "=" + value.trim());
        return value.trim();
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
