package io.todoapi.todo.benchmarks;

import io.todoapi.todo.priming.SnapStartPriming;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.TodoFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Collects the measurements and renders them as the Markdown report and the CSV file. A section is rendered only when
 * the run measured it ({@code benchmark.sections}).
 */
final class Results {

    static final List<String> JSON_LIBRARIES = List.of("none", "databind", "jackson-jr", "streaming");
    static final String LOGGING_PROBE = "powertools-logging";
    static final double TIME_TARGET = 0.55;
    static final double CLASSES_TARGET = 0.55;
    /** Issue 11: the first invocation after restore at most this share of the naive handler's first invocation. */
    static final double RESTORE_TARGET = 0.03;
    /** Issue 11: the p99 of the first invocations after restore at most this multiple of the warm p50. */
    static final double P99_TARGET = 3;
    /** 10 MB in decimal megabytes, the stricter reading of the target. */
    static final long SIZE_TARGET_BYTES = 10_000_000L;

    /** The run's settings, as the report states them. */
    record Settings(
            int runs,
            int snapStartRuns,
            List<JitFlags> jitFlags,
            List<Integer> primingCounts,
            int afterRestore,
            int warmup,
            int warm,
            int largeTableItems,
            List<TodoFunction> functions,
            List<String> changedSettings) {}

    /** A SnapStart configuration: the JIT flags and the priming count. */
    record Variant(JitFlags flags, int primingIterations) {}

    private final Settings settings;
    private final Load loadAtStart;
    private final Map<TodoFunction, List<ColdStart.Result>> ours = new EnumMap<>(TodoFunction.class);
    private final Map<TodoFunction, List<ColdStart.Result>> naive = new EnumMap<>(TodoFunction.class);
    private final Map<TodoFunction, Map<Variant, List<SnapStartRun.Result>>> snapStart =
            new EnumMap<>(TodoFunction.class);
    private final List<ColdStart.Result> floor = new ArrayList<>();
    private ColdStart.Result floorClasses;
    private final Map<TodoFunction, ColdStart.Result> oursClasses = new EnumMap<>(TodoFunction.class);
    private final Map<TodoFunction, ColdStart.Result> naiveClasses = new EnumMap<>(TodoFunction.class);
    private final Map<TodoFunction, Long> sizes = new EnumMap<>(TodoFunction.class);
    private final Map<String, List<Double>> credentialTimes = new LinkedHashMap<>();
    private final Map<String, JvmProcess.Startup> credentialClasses = new LinkedHashMap<>();
    private final Map<String, String[]> warm = new LinkedHashMap<>();
    private final Map<String, List<Double>> jsonTimes = new LinkedHashMap<>();
    private final Map<String, JvmProcess.Startup> jsonClasses = new LinkedHashMap<>();
    private List<ListCapacity.Result> capacity = List.of();
    /** The metrics section: each function with its metrics on ({@code true}) and off, and the metrics probes. */
    private final Map<Boolean, Map<TodoFunction, List<ColdStart.Result>>> metricsColdStarts =
            Map.of(true, new EnumMap<>(TodoFunction.class), false, new EnumMap<>(TodoFunction.class));

    private final Map<Boolean, Map<TodoFunction, ColdStart.Result>> metricsClasses =
            Map.of(true, new EnumMap<>(TodoFunction.class), false, new EnumMap<>(TodoFunction.class));
    private final Map<String, List<Double>> metricsProbeTimes = new LinkedHashMap<>();
    private final Map<String, JvmProcess.Startup> metricsProbeClasses = new LinkedHashMap<>();
    private long naiveSize;

    Results(Settings settings, Load loadAtStart) {
        this.settings = settings;
        this.loadAtStart = loadAtStart;
    }

    void coldStart(TodoFunction function, boolean isOurs, ColdStart.Result result) {
        (isOurs ? ours : naive)
                .computeIfAbsent(function, f -> new ArrayList<>())
                .add(result);
    }

    void snapStart(TodoFunction function, JitFlags flags, int primingIterations, SnapStartRun.Result result) {
        snapStart
                .computeIfAbsent(function, f -> new LinkedHashMap<>())
                .computeIfAbsent(new Variant(flags, primingIterations), v -> new ArrayList<>())
                .add(result);
    }

    void floor(ColdStart.Result result) {
        floor.add(result);
    }

    void floorClasses(ColdStart.Result result) {
        floorClasses = result;
    }

    void classes(TodoFunction function, boolean isOurs, ColdStart.Result result) {
        (isOurs ? oursClasses : naiveClasses).put(function, result);
    }

    void artifactSize(TodoFunction function, long bytes) {
        sizes.put(function, bytes);
    }

    void naiveArtifactSize(long bytes) {
        naiveSize = bytes;
    }

    void credentials(CredentialsProbe.Mode mode, CredentialsProbe.Chain chain, JvmProcess.Startup startup) {
        credentialTimes
                .computeIfAbsent(mode + "/" + chain, k -> new ArrayList<>())
                .add(startup.millis());
    }

    void credentialsClasses(CredentialsProbe.Mode mode, CredentialsProbe.Chain chain, JvmProcess.Startup startup) {
        credentialClasses.put(mode + "/" + chain, startup);
    }

    /** A line of {@link WarmInvocations}' output. */
    void warm(String line) {
        String[] fields = line.split(",");
        warm.put(fields[0], fields);
    }

    void capacity(List<ListCapacity.Result> results) {
        capacity = results;
    }

    void startup(String probe, JvmProcess.Startup startup) {
        jsonTimes.computeIfAbsent(probe, l -> new ArrayList<>()).add(startup.millis());
    }

    void startupClasses(String probe, JvmProcess.Startup startup) {
        jsonClasses.put(probe, startup);
    }

    void metricsColdStart(TodoFunction function, boolean metricsOn, ColdStart.Result result) {
        metricsColdStarts
                .get(metricsOn)
                .computeIfAbsent(function, f -> new ArrayList<>())
                .add(result);
    }

    void metricsClasses(TodoFunction function, boolean metricsOn, ColdStart.Result result) {
        metricsClasses.get(metricsOn).put(function, result);
    }

    void metricsProbe(String mode, JvmProcess.Startup startup) {
        metricsProbeTimes.computeIfAbsent(mode, m -> new ArrayList<>()).add(startup.millis());
    }

    void metricsProbeClasses(String mode, JvmProcess.Startup startup) {
        metricsProbeClasses.put(mode, startup);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Derived figures
    // ---------------------------------------------------------------------------------------------------------------

    private static Summary firstResponse(Map<TodoFunction, List<ColdStart.Result>> results, TodoFunction function) {
        return Summary.of(results.get(function).stream()
                .map(ColdStart.Result::firstResponseMillis)
                .toList());
    }

    private static Summary init(Map<TodoFunction, List<ColdStart.Result>> results, TodoFunction function) {
        return Summary.of(
                results.get(function).stream().map(ColdStart.Result::initMillis).toList());
    }

    private static Summary firstInvoke(Map<TodoFunction, List<ColdStart.Result>> results, TodoFunction function) {
        return Summary.of(results.get(function).stream()
                .map(ColdStart.Result::firstInvokeMillis)
                .toList());
    }

    private double timeRatio(TodoFunction function) {
        return firstResponse(ours, function).median()
                / firstResponse(naive, function).median();
    }

    /** The ratio of the fastest runs: interference from other processes only ever adds time. */
    private double minTimeRatio(TodoFunction function) {
        return firstResponse(ours, function).min()
                / firstResponse(naive, function).min();
    }

    private double classesRatio(TodoFunction function) {
        return (double) oursClasses.get(function).classesLoaded()
                / naiveClasses.get(function).classesLoaded();
    }

    /** One figure of a SnapStart variant over its runs: each run gives one value (e.g. its p99). */
    private Summary snap(TodoFunction function, Variant variant, ToDoubleFunction<SnapStartRun.Result> figure) {
        return Summary.of(snapStart.get(function).get(variant).stream()
                .map(figure::applyAsDouble)
                .toList());
    }

    /** The variant the template and the code declare: template.yaml's flags, the priming's default count. */
    private static Variant declared() {
        return new Variant(JitFlags.template(), SnapStartPriming.DEFAULT_ITERATIONS);
    }

    private boolean hasSnapStart(TodoFunction function, Variant variant) {
        return snapStart.containsKey(function) && snapStart.get(function).containsKey(variant);
    }

    private List<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        for (JitFlags flags : settings.jitFlags()) {
            for (int count : settings.primingCounts()) {
                variants.add(new Variant(flags, count));
            }
        }
        return variants;
    }

    /** First invocation after restore / the naive handler's first invocation on demand, of the medians. */
    private double restoreRatio(TodoFunction function, Variant variant) {
        return snap(function, variant, SnapStartRun.Result::firstInvocationMillis)
                        .median()
                / firstInvoke(naive, function).median();
    }

    /** Per run, p99 of the first invocations after restore / the warm p50; the median of the runs. */
    private double p99Ratio(TodoFunction function, Variant variant) {
        return snap(function, variant, r -> r.afterRestoreP99() / r.warmP50()).median();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Markdown
    // ---------------------------------------------------------------------------------------------------------------

    String markdown(Instant started, Instant finished, Load loadAtEnd) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Measured by `./mvnw -B -ntp -pl benchmarks -am -DskipTests -Pbenchmarks verify");
        settings.changedSettings()
                .forEach(setting -> md.append(" '").append(setting).append('\''));
        md.append("` (see README.md).\n\n");
        md.append("- Date: ")
                .append(started.truncatedTo(ChronoUnit.SECONDS))
                .append(" to ")
                .append(finished.truncatedTo(ChronoUnit.SECONDS))
                .append(" (UTC)\n");
        md.append("- Machine: ").append(machine()).append('\n');
        md.append("- Load averages (1, 5, 15 min) at the start: ")
                .append(loadAtStart == null ? "unknown" : loadAtStart)
                .append("; at the end: ")
                .append(loadAtEnd == null ? "unknown" : loadAtEnd)
                .append(" (")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores)\n");
        md.append("- JDK: ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.runtime.version"))
                .append(" (functions compiled for release 25)\n");
        md.append("- Function JVMs: template.yaml's `JAVA_TOOL_OPTIONS=")
                .append(FunctionArtifact.JAVA_TOOL_OPTIONS)
                .append("` in their environment, and the runtime's own `")
                .append(String.join(" ", ColdStart.LAMBDA_RUNTIME_FLAGS))
                .append("`; SnapStart priming: ")
                .append(SnapStartPriming.DEFAULT_ITERATIONS)
                .append(" iterations by default\n");
        md.append("- Runs: ")
                .append(settings.runs())
                .append(" per cold-start measurement and probe, ")
                .append(settings.snapStartRuns())
                .append(" per SnapStart configuration (")
                .append(settings.afterRestore())
                .append(" invocations after restore, then ")
                .append(settings.warmup())
                .append(" more, then ")
                .append(settings.warm())
                .append(" warm ones)\n");
        md.append("- Figures are `median (min–max)` of the runs; ratios are of the medians.\n\n");

        if (!ours.isEmpty()) {
            coldStartSection(md);
        }
        if (!snapStart.isEmpty()) {
            snapStartSection(md);
            jitSection(md);
        }
        if (!oursClasses.isEmpty()) {
            classesSection(md);
        }
        if (!credentialTimes.isEmpty()) {
            credentialsSection(md);
        }
        if (!warm.isEmpty()) {
            warmSection(md);
        }
        if (!capacity.isEmpty()) {
            capacitySection(md);
        }
        if (!jsonTimes.isEmpty()) {
            probesSection(md);
        }
        if (!metricsProbeTimes.isEmpty()) {
            metricsSection(md);
        }
        List<String> targets = targets();
        if (!targets.isEmpty()) {
            md.append("\n## Targets\n\n");
            targets.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        return md.toString();
    }

    private void coldStartSection(StringBuilder md) {
        boolean classes = !oursClasses.isEmpty();
        md.append("## Cold start: fresh JVM to first response, under the Lambda runtime interface client\n\n");
        md.append("| Function | Ours: init ms | Ours: first response ms | Naive: init ms | Naive: first response ms "
                        + "| Time ratio (target ≤ ")
                .append(TIME_TARGET)
                .append(") | Ratio of fastest runs | Ours: classes " + "| Naive: classes | Classes ratio (target ≤ ")
                .append(CLASSES_TARGET)
                .append(") | Artifact MB, 10⁶ bytes (target ≤ 10) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TodoFunction function : settings.functions()) {
            md.append("| ")
                    .append(function.module())
                    .append(" | ")
                    .append(init(ours, function).format())
                    .append(" | ")
                    .append(firstResponse(ours, function).format())
                    .append(" | ")
                    .append(init(naive, function).format())
                    .append(" | ")
                    .append(firstResponse(naive, function).format())
                    .append(" | ")
                    .append(verdict(timeRatio(function), TIME_TARGET))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", minTimeRatio(function)))
                    .append(" | ")
                    .append(classes ? oursClasses.get(function).classesLoaded() : "–")
                    .append(" | ")
                    .append(classes ? naiveClasses.get(function).classesLoaded() : "–")
                    .append(" | ")
                    .append(classes ? verdict(classesRatio(function), CLASSES_TARGET) : "–")
                    .append(" | ")
                    .append(
                            classes
                                    ? megabytes(sizes.get(function))
                                            + (sizes.get(function) <= SIZE_TARGET_BYTES ? " ✓" : " ✗")
                                    : "–")
                    .append(" |\n");
        }
        Summary floorTime = Summary.of(
                floor.stream().map(ColdStart.Result::firstResponseMillis).toList());
        if (classes) {
            md.append("\nNaive reference artifact (all five naive handlers in one jar): ")
                    .append(megabytes(naiveSize))
                    .append(" MB.\n\n");
            md.append("Runtime floor (a handler answering a constant, under the same runtime client): first response ")
                    .append(floorTime.format())
                    .append(" ms, ")
                    .append(floorClasses.classesLoaded())
                    .append(" classes. No function can go below it; above it, ours / naive is:\n\n");
            md.append("| Function | Time above floor, ratio | Classes above floor, ratio |\n|---|---:|---:|\n");
            for (TodoFunction function : settings.functions()) {
                double time = (firstResponse(ours, function).median() - floorTime.median())
                        / (firstResponse(naive, function).median() - floorTime.median());
                double classesAbove =
                        (double) (oursClasses.get(function).classesLoaded() - floorClasses.classesLoaded())
                                / (naiveClasses.get(function).classesLoaded() - floorClasses.classesLoaded());
                md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", function.module(), time, classesAbove));
            }
        }
        md.append('\n');
    }

    private void snapStartSection(StringBuilder md) {
        Variant declared = declared();
        if (settings.functions().stream().noneMatch(function -> hasSnapStart(function, declared))) {
            return;
        }
        md.append("## SnapStart, emulated: after restore, as template.yaml and the code declare it\n\n");
        md.append("`JAVA_TOOL_OPTIONS=")
                .append(declared.flags().javaToolOptions())
                .append("`, priming ")
                .append(declared.primingIterations())
                .append(" iterations. Init runs until the runtime asks for "
                        + "`restore/next`, where Lambda takes the snapshot; the heap is read there after a full GC. "
                        + "Invocations are timed from the runtime's poll answered to its response, against dynalite. "
                        + "The naive handler's first invocation is its on-demand one (poll to response) from the "
                        + "cold-start runs above.\n\n");
        md.append("| Function | Init incl. priming ms | Heap at snapshot MB | First invocation after restore ms "
                        + "| Naive: first invocation ms | Ratio (target ≤ ")
                .append(RESTORE_TARGET)
                .append(") | First ")
                .append(settings.afterRestore())
                .append(": p50 ms | First ")
                .append(settings.afterRestore())
                .append(": p99 ms | Warm p50 ms | p99 / warm p50 (target ≤ ")
                .append(fmt(P99_TARGET))
                .append(") | The same ratio once warm (noise floor) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TodoFunction function : settings.functions()) {
            if (!hasSnapStart(function, declared)) {
                continue;
            }
            boolean naiveMeasured = naive.containsKey(function);
            md.append("| ")
                    .append(function.module())
                    .append(" | ")
                    .append(snap(function, declared, SnapStartRun.Result::initMillis)
                            .format())
                    .append(" | ")
                    .append(snap(function, declared, r -> r.snapshot().heapUsedMegabytes())
                            .formatDecimal())
                    .append(" | ")
                    .append(snap(function, declared, SnapStartRun.Result::firstInvocationMillis)
                            .formatDecimal())
                    .append(" | ")
                    .append(naiveMeasured ? firstInvoke(naive, function).format() : "–")
                    .append(" | ")
                    .append(naiveMeasured ? verdict(restoreRatio(function, declared), RESTORE_TARGET, "%.3f") : "–")
                    .append(" | ")
                    .append(snap(function, declared, SnapStartRun.Result::afterRestoreP50)
                            .formatDecimal())
                    .append(" | ")
                    .append(snap(function, declared, SnapStartRun.Result::afterRestoreP99)
                            .formatDecimal())
                    .append(" | ")
                    .append(snap(function, declared, SnapStartRun.Result::warmP50)
                            .formatDecimal())
                    .append(" | ")
                    .append(verdict(p99Ratio(function, declared), P99_TARGET))
                    .append(" | ")
                    .append(String.format(
                            Locale.ROOT,
                            "%.2f",
                            snap(function, declared, SnapStartRun.Result::warmTailRatio)
                                    .median()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private void jitSection(StringBuilder md) {
        md.append("## SnapStart: JIT flags and priming count\n\n");
        md.append("Each function under each `JAVA_TOOL_OPTIONS` and priming count (`-D")
                .append(SnapStartPriming.ITERATIONS_PROPERTY)
                .append("`; 0 answers no event). Medians of ")
                .append(settings.snapStartRuns())
                .append(" runs; \"compiled\" counts the methods in the code cache "
                        + "at the snapshot point by compiler, \"pending\" the compilations queued or running there, "
                        + "which a restored environment finishes on its own CPU time; \"once warm\" is the p99 / p50 ratio of "
                        + "the last warm invocations, the noise of the machine itself.\n\n");
        md.append("| Function | JAVA_TOOL_OPTIONS | Priming | Init incl. priming ms | Heap at snapshot MB "
                        + "| Compiled C1 / C2 | Pending | First invocation ms | First ")
                .append(settings.afterRestore())
                .append(": p50 ms | p99 ms | Warm p50 ms | p99 / warm p50 | Once warm |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TodoFunction function : settings.functions()) {
            for (Variant variant : variants()) {
                if (!hasSnapStart(function, variant)) {
                    continue;
                }
                md.append("| ")
                        .append(function.module())
                        .append(" | `")
                        .append(variant.flags().javaToolOptions())
                        .append('`')
                        .append(" | ")
                        .append(variant.primingIterations())
                        .append(" | ")
                        .append(fmt(snap(function, variant, SnapStartRun.Result::initMillis)
                                .median()))
                        .append(" | ")
                        .append(decimal(
                                snap(function, variant, r -> r.snapshot().heapUsedMegabytes())
                                        .median()))
                        .append(" | ")
                        .append(fmt(snap(function, variant, r -> r.snapshot().c1Methods())
                                .median()))
                        .append(" / ")
                        .append(fmt(snap(function, variant, r -> r.snapshot().c2Methods())
                                .median()))
                        .append(" | ")
                        .append(fmt(snap(function, variant, r -> r.snapshot().pendingCompilations())
                                .median()))
                        .append(" | ")
                        .append(decimal(snap(function, variant, SnapStartRun.Result::firstInvocationMillis)
                                .median()))
                        .append(" | ")
                        .append(decimal(snap(function, variant, SnapStartRun.Result::afterRestoreP50)
                                .median()))
                        .append(" | ")
                        .append(decimal(snap(function, variant, SnapStartRun.Result::afterRestoreP99)
                                .median()))
                        .append(" | ")
                        .append(decimal(snap(function, variant, SnapStartRun.Result::warmP50)
                                .median()))
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", p99Ratio(function, variant)))
                        .append(" | ")
                        .append(String.format(
                                Locale.ROOT,
                                "%.2f",
                                snap(function, variant, SnapStartRun.Result::warmTailRatio)
                                        .median()))
                        .append(" |\n");
            }
        }
        md.append("\nAcross the functions (the worst function for each figure; restore ratio against the naive "
                + "handler's first invocation when the cold starts were measured):\n\n");
        md.append("| JAVA_TOOL_OPTIONS | Priming | Longest init ms | Largest heap MB | Slowest first invocation ms "
                        + "| Worst restore ratio (target ≤ ")
                .append(RESTORE_TARGET)
                .append(") | Worst p99 / warm p50 (target ≤ ")
                .append(fmt(P99_TARGET))
                .append(") | Largest warm p50 ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Variant variant : variants()) {
            List<TodoFunction> measured = settings.functions().stream()
                    .filter(f -> hasSnapStart(f, variant))
                    .toList();
            if (measured.isEmpty()) {
                continue;
            }
            List<TodoFunction> withNaive =
                    measured.stream().filter(naive::containsKey).toList();
            md.append("| `")
                    .append(variant.flags().javaToolOptions())
                    .append("` | ")
                    .append(variant.primingIterations())
                    .append(" | ")
                    .append(fmt(worst(
                            measured,
                            f -> snap(f, variant, SnapStartRun.Result::initMillis)
                                    .median())))
                    .append(" | ")
                    .append(decimal(worst(
                            measured,
                            f -> snap(f, variant, r -> r.snapshot().heapUsedMegabytes())
                                    .median())))
                    .append(" | ")
                    .append(decimal(worst(
                            measured,
                            f -> snap(f, variant, SnapStartRun.Result::firstInvocationMillis)
                                    .median())))
                    .append(" | ")
                    .append(
                            withNaive.isEmpty()
                                    ? "–"
                                    : verdict(worst(withNaive, f -> restoreRatio(f, variant)), RESTORE_TARGET, "%.3f"))
                    .append(" | ")
                    .append(verdict(worst(measured, f -> p99Ratio(f, variant)), P99_TARGET))
                    .append(" | ")
                    .append(decimal(worst(
                            measured,
                            f -> snap(f, variant, SnapStartRun.Result::warmP50).median())))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private void classesSection(StringBuilder md) {
        md.append("## Classes loaded to first response, by origin\n\n| Function | Variant |");
        ClassOrigins.ORIGINS
                .keySet()
                .forEach(origin -> md.append(' ').append(origin).append(" |"));
        md.append(" other | total |\n|---|---|");
        ClassOrigins.ORIGINS.keySet().forEach(origin -> md.append("---:|"));
        md.append("---:|---:|\n");
        for (TodoFunction function : settings.functions()) {
            for (boolean isOurs : new boolean[] {true, false}) {
                ColdStart.Result result = (isOurs ? oursClasses : naiveClasses).get(function);
                md.append("| ")
                        .append(function.module())
                        .append(" | ")
                        .append(isOurs ? "ours" : "naive")
                        .append(" |");
                result.classesByOrigin()
                        .values()
                        .forEach(count -> md.append(' ').append(count).append(" |"));
                md.append(' ').append(result.classesLoaded()).append(" |\n");
            }
        }
        md.append('\n');
    }

    private void credentialsSection(StringBuilder md) {
        md.append("## Credentials chain: fresh JVM to the first signed DynamoDB call\n\n");
        md.append("`CredentialsProbe` in a fresh JVM with Lambda's environment for the mode and the functions' "
                + "variables: the functions' DynamoDB client with one chain, one GetItem on dynalite. Only the chain "
                + "differs.\n\n");
        md.append("| Lambda mode | Chain | ms to the first signed call | classes loaded |\n|---|---|---:|---:|\n");
        for (CredentialsProbe.Mode mode : CredentialsProbe.Mode.values()) {
            for (CredentialsProbe.Chain chain : CredentialsProbe.Chain.values()) {
                String key = mode + "/" + chain;
                md.append("| ")
                        .append(mode.label)
                        .append(" | ")
                        .append(chain.label)
                        .append(" | ")
                        .append(Summary.of(credentialTimes.get(key)).format())
                        .append(" | ")
                        .append(credentialClasses.get(key).classesLoaded())
                        .append(" |\n");
            }
        }
        md.append("\nThe default chain's cost over the explicit one (medians):\n\n");
        for (CredentialsProbe.Mode mode : CredentialsProbe.Mode.values()) {
            String explicit = mode + "/" + CredentialsProbe.Chain.LAMBDA;
            String fallback = mode + "/" + CredentialsProbe.Chain.DEFAULT;
            md.append(String.format(
                    Locale.ROOT,
                    "- %s: %+.0f ms, %+d classes%n",
                    mode.label,
                    Summary.of(credentialTimes.get(fallback)).median()
                            - Summary.of(credentialTimes.get(explicit)).median(),
                    credentialClasses.get(fallback).classesLoaded()
                            - credentialClasses.get(explicit).classesLoaded()));
        }
        md.append('\n');
    }

    private void warmSection(StringBuilder md) {
        md.append("## Warm invocation, in process, repository stubbed (our code's cost alone)\n\n");
        md.append("| Function | µs per invocation | bytes allocated per invocation |\n|---|---:|---:|\n");
        for (String[] fields : warm.values()) {
            md.append("| ")
                    .append(fields[0])
                    .append(" | ")
                    .append(new Summary(
                                    d(fields[1]) / 1e3, d(fields[2]) / 1e3, d(fields[3]) / 1e3, WarmInvocations.BATCHES)
                            .formatDecimal())
                    .append(" | ")
                    .append(new Summary(d(fields[4]), d(fields[5]), d(fields[6]), WarmInvocations.BATCHES).format())
                    .append(" |\n");
        }
        md.append("\n")
                .append(WarmInvocations.BATCHES)
                .append(" batches of ")
                .append(WarmInvocations.BATCH)
                .append(" invocations after ")
                .append(WarmInvocations.WARMUP_MILLIS / 1000)
                .append(" s of warm-up, with template.yaml's JAVA_TOOL_OPTIONS; includes the Powertools JSON log line"
                        + " of each request (Logback, the functions' JsonLogConfigurator at INFO, written to a"
                        + " discarded stdout).\n\n");
    }

    private void capacitySection(StringBuilder md) {
        md.append("## List page cost: consumed capacity of one page of 20\n\n");
        md.append("| Items in the table | Items of the caller | Items returned | Query Count | Query ScannedCount "
                + "| ConsumedCapacity (RCU) |\n|---:|---:|---:|---:|---:|---:|\n");
        for (ListCapacity.Result result : capacity) {
            md.append("| ")
                    .append(result.itemsInTable())
                    .append(" | ")
                    .append(result.itemsOfCaller())
                    .append(" | ")
                    .append(result.itemsReturned())
                    .append(" | ")
                    .append(result.count())
                    .append(" | ")
                    .append(result.scannedCount())
                    .append(" | ")
                    .append(result.consumedCapacity() == null ? "not reported" : result.consumedCapacity())
                    .append(" |\n");
        }
        md.append("\nIndependent of table size: ")
                .append(capacityIndependent() ? "yes ✓" : "NO ✗")
                .append("\n\n");
    }

    private void probesSection(StringBuilder md) {
        md.append("## JSON library start-up: fresh JVM, read the createTodo body into a todo and write it\n\n");
        md.append("| Library | ms to result | classes loaded |\n|---|---:|---:|\n");
        for (String library : JSON_LIBRARIES) {
            md.append("| ")
                    .append(jsonLabel(library))
                    .append(" | ")
                    .append(Summary.of(jsonTimes.get(library)).format())
                    .append(" | ")
                    .append(jsonClasses.get(library).classesLoaded())
                    .append(" |\n");
        }
        md.append("\nThese probes run on this module's class path (about 100 jars; the same for each library).\n");
        JvmProcess.Startup logging = jsonClasses.get(LOGGING_PROBE);
        md.append(String.format(
                Locale.ROOT,
                "%n## The functions' logging alone%n%nPowertools' logging context and "
                        + "one request line (Logback, our JsonLineEncoder, the functions' JsonLogConfigurator, no "
                        + "XML), in a fresh JVM on the get-todo jar: %s ms to the line, %d classes (an empty JVM: %s ms, %d classes).%n",
                Summary.of(jsonTimes.get(LOGGING_PROBE)).format(),
                logging.classesLoaded(),
                Summary.of(jsonTimes.get("none")).format(),
                jsonClasses.get("none").classesLoaded()));
    }

    /** Metrics on against off in the same jar, per function, and the metrics line alone by provider. */
    private void metricsSection(StringBuilder md) {
        md.append("## The cost of the metrics at a cold start\n\n");
        md.append(
                "| Function | Fresh JVM to first response: metrics on / off | Classes: on / off |\n|---|---:|---:|\n");
        for (TodoFunction function : settings.functions()) {
            Summary on = firstResponse(metricsColdStarts.get(true), function);
            Summary off = firstResponse(metricsColdStarts.get(false), function);
            int classesOn = metricsClasses.get(true).get(function).classesLoaded();
            int classesOff = metricsClasses.get(false).get(function).classesLoaded();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s / %s ms = %+.1f %% | %d / %d = %+.1f %% |%n",
                    function.module(),
                    on.format(),
                    off.format(),
                    100 * (on.median() / off.median() - 1),
                    classesOn,
                    classesOff,
                    100 * ((double) classesOn / classesOff - 1)));
        }
        md.append("\nOff: the same jar with POWERTOOLS_METRICS_DISABLED=true, runs alternating which goes first.\n\n");
        md.append("One invocation's metrics line alone, in a fresh JVM on the get-todo jar:\n\n");
        md.append("| Provider | ms to the line | classes loaded |\n|---|---:|---:|\n");
        for (String mode : MetricsProbe.MODES) {
            md.append("| ")
                    .append(mode)
                    .append(" | ")
                    .append(Summary.of(metricsProbeTimes.get(mode)).format())
                    .append(" | ")
                    .append(metricsProbeClasses.get(mode).classesLoaded())
                    .append(" |\n");
        }
        md.append("\n");
    }

    private List<String> targets() {
        List<String> lines = new ArrayList<>();
        List<TodoFunction> functions = settings.functions();
        if (!ours.isEmpty()) {
            double worstTime = worst(functions, this::timeRatio);
            double worstFastest = worst(functions, this::minTimeRatio);
            lines.add(String.format(
                    Locale.ROOT,
                    "Fresh-JVM time to first response ≤ %.2f× naive for every function: "
                            + "%s (worst %.2f× of medians, %.2f× of fastest runs)",
                    TIME_TARGET,
                    worstTime <= TIME_TARGET ? "holds" : "MISSED",
                    worstTime,
                    worstFastest));
        }
        if (!oursClasses.isEmpty()) {
            double worstClasses = worst(functions, this::classesRatio);
            lines.add(String.format(
                    Locale.ROOT,
                    "Classes loaded ≤ %.2f× naive: %s (worst %.2f×)",
                    CLASSES_TARGET,
                    worstClasses <= CLASSES_TARGET ? "holds" : "MISSED",
                    worstClasses));
            long largest =
                    sizes.values().stream().mapToLong(Long::longValue).max().orElse(0);
            lines.add("Every artifact ≤ 10 MB: " + (largest <= SIZE_TARGET_BYTES ? "holds" : "MISSED") + " (largest "
                    + megabytes(largest) + " MB)");
        }
        Variant declared = declared();
        List<TodoFunction> snapped =
                functions.stream().filter(f -> hasSnapStart(f, declared)).toList();
        if (!snapped.isEmpty()) {
            List<TodoFunction> withNaive =
                    snapped.stream().filter(naive::containsKey).toList();
            if (!withNaive.isEmpty()) {
                double worstRestore = worst(withNaive, f -> restoreRatio(f, declared));
                lines.add(String.format(
                        Locale.ROOT,
                        "First invocation after restore ≤ %.2f× the naive handler's "
                                + "first invocation: %s (worst %.3f×)",
                        RESTORE_TARGET,
                        worstRestore <= RESTORE_TARGET ? "holds" : "MISSED",
                        worstRestore));
            }
            double worstP99 = worst(snapped, f -> p99Ratio(f, declared));
            lines.add(String.format(
                    Locale.ROOT,
                    "p99 of the first %d invocations after restore ≤ %.0f× the warm p50: " + "%s (worst %.2f×)",
                    settings.afterRestore(),
                    P99_TARGET,
                    worstP99 <= P99_TARGET ? "holds" : "MISSED",
                    worstP99));
            lines.add(String.format(
                    Locale.ROOT,
                    "Heap in use at the snapshot point, after a GC: %.1f to %.1f MB; "
                            + "init incl. priming at most %.0f ms (limit 10 s)",
                    best(
                            snapped,
                            f -> snap(f, declared, r -> r.snapshot().heapUsedMegabytes())
                                    .median()),
                    worst(
                            snapped,
                            f -> snap(f, declared, r -> r.snapshot().heapUsedMegabytes())
                                    .median()),
                    worst(
                            snapped,
                            f -> snap(f, declared, SnapStartRun.Result::initMillis)
                                    .median())));
        }
        if (!capacity.isEmpty()) {
            lines.add("List page capacity independent of table size (" + ListCapacity.PAGE + " vs "
                    + settings.largeTableItems() + " items): " + (capacityIndependent() ? "holds" : "MISSED"));
        }
        return lines;
    }

    private static double worst(List<TodoFunction> functions, ToDoubleFunction<TodoFunction> figure) {
        return functions.stream().mapToDouble(figure).max().orElse(Double.NaN);
    }

    private static double best(List<TodoFunction> functions, ToDoubleFunction<TodoFunction> figure) {
        return functions.stream().mapToDouble(figure).min().orElse(Double.NaN);
    }

    private boolean capacityIndependent() {
        if (capacity.size() != 2) {
            return false;
        }
        ListCapacity.Result small = capacity.get(0);
        ListCapacity.Result large = capacity.get(1);
        return small.scannedCount() == large.scannedCount()
                && small.count() == large.count()
                && java.util.Objects.equals(small.consumedCapacity(), large.consumedCapacity());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // CSV
    // ---------------------------------------------------------------------------------------------------------------

    String csv() {
        List<String> rows = new ArrayList<>();
        rows.add("section,subject,variant,metric,unit,min,median,max");
        for (TodoFunction function : settings.functions()) {
            if (ours.containsKey(function)) {
                rows.add(row("cold-start", function.module(), "ours", "init", "ms", init(ours, function)));
                rows.add(row(
                        "cold-start",
                        function.module(),
                        "ours",
                        "first-response",
                        "ms",
                        firstResponse(ours, function)));
                rows.add(row(
                        "cold-start", function.module(), "ours", "first-invoke", "ms", firstInvoke(ours, function)));
                rows.add(row("cold-start", function.module(), "naive", "init", "ms", init(naive, function)));
                rows.add(row(
                        "cold-start",
                        function.module(),
                        "naive",
                        "first-response",
                        "ms",
                        firstResponse(naive, function)));
                rows.add(row(
                        "cold-start", function.module(), "naive", "first-invoke", "ms", firstInvoke(naive, function)));
            }
            if (oursClasses.containsKey(function)) {
                rows.add(single(
                        "classes-loaded",
                        function.module(),
                        "ours",
                        "classes",
                        "count",
                        oursClasses.get(function).classesLoaded()));
                rows.add(single(
                        "classes-loaded",
                        function.module(),
                        "naive",
                        "classes",
                        "count",
                        naiveClasses.get(function).classesLoaded()));
                rows.add(single("artifact", function.module(), "ours", "size", "bytes", sizes.get(function)));
            }
        }
        if (!oursClasses.isEmpty()) {
            rows.add(single("artifact", "all", "naive", "size", "bytes", naiveSize));
            rows.add(single("classes-loaded", "runtime-floor", "-", "classes", "count", floorClasses.classesLoaded()));
        }
        if (!floor.isEmpty()) {
            rows.add(row(
                    "cold-start",
                    "runtime-floor",
                    "-",
                    "first-response",
                    "ms",
                    Summary.of(floor.stream()
                            .map(ColdStart.Result::firstResponseMillis)
                            .toList())));
        }
        for (TodoFunction function : settings.functions()) {
            for (Variant variant : variants()) {
                if (!hasSnapStart(function, variant)) {
                    continue;
                }
                String name = variant.flags().slug() + "/priming-" + variant.primingIterations();
                rows.add(row(
                        "snapstart",
                        function.module(),
                        name,
                        "init-incl-priming",
                        "ms",
                        snap(function, variant, SnapStartRun.Result::initMillis)));
                rows.add(row(
                        "snapstart",
                        function.module(),
                        name,
                        "heap-used-at-snapshot",
                        "bytes",
                        snap(function, variant, r -> r.snapshot().heapUsedBytes())));
                rows.add(row(
                        "snapstart",
                        function.module(),
                        name,
                        "heap-committed-at-snapshot",
                        "bytes",
                        snap(function, variant, r -> r.snapshot().heapCommittedBytes())));
                rows.add(row(
                        "snapstart",
                        function.module(),
                        name,
                        "compiled-c1-at-snapshot",
                        "methods",
                        snap(function, variant, r -> r.snapshot().c1Methods())));
                rows.add(row(
                        "snapstart",
                        function.module(),
                        name,
                        "compiled-c2-at-snapshot",
                        "methods",
                        snap(function, variant, r -> r.snapshot().c2Methods())));
                rows.add(row(
                        "snapstart",
                        function.module(),
                        name,
                        "pending-compilations-at-snapshot",
                        "count",
                        snap(function, variant, r -> r.snapshot().pendingCompilations())));
                rows.add(row(
                        "snapstart",
                        function.module(),
                        name,
                        "first-invocation-after-restore",
                        "ms",
                        snap(function, variant, SnapStartRun.Result::firstInvocationMillis)));
                rows.add(row(
                        "snapstart",
                        function.module(),
                        name,
                        "after-restore-p50",
                        "ms",
                        snap(function, variant, SnapStartRun.Result::afterRestoreP50)));
                rows.add(row(
                        "snapstart",
                        function.module(),
                        name,
                        "after-restore-p99",
                        "ms",
                        snap(function, variant, SnapStartRun.Result::afterRestoreP99)));
                rows.add(row(
                        "snapstart",
                        function.module(),
                        name,
                        "warm-p50",
                        "ms",
                        snap(function, variant, SnapStartRun.Result::warmP50)));
                rows.add(row(
                        "snapstart",
                        function.module(),
                        name,
                        "warm-p99-over-p50",
                        "ratio",
                        snap(function, variant, SnapStartRun.Result::warmTailRatio)));
            }
        }
        for (CredentialsProbe.Mode mode : CredentialsProbe.Mode.values()) {
            for (CredentialsProbe.Chain chain : CredentialsProbe.Chain.values()) {
                String key = mode + "/" + chain;
                if (credentialTimes.containsKey(key)) {
                    String subject = mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
                    String variant = chain.name().toLowerCase(Locale.ROOT);
                    rows.add(row(
                            "credentials",
                            subject,
                            variant,
                            "time-to-first-signed-call",
                            "ms",
                            Summary.of(credentialTimes.get(key))));
                    rows.add(single(
                            "credentials",
                            subject,
                            variant,
                            "classes",
                            "count",
                            credentialClasses.get(key).classesLoaded()));
                }
            }
        }
        for (String[] fields : warm.values()) {
            rows.add(String.join(",", "warm", fields[0], "ours", "latency", "ns", fields[1], fields[2], fields[3]));
            rows.add(String.join(
                    ",", "warm", fields[0], "ours", "allocation", "bytes", fields[4], fields[5], fields[6]));
        }
        for (ListCapacity.Result result : capacity) {
            String subject = "table-of-" + result.itemsInTable();
            rows.add(single(
                    "list-capacity",
                    subject,
                    "ours",
                    "consumed-capacity",
                    "RCU",
                    result.consumedCapacity() == null ? Double.NaN : result.consumedCapacity()));
            rows.add(single("list-capacity", subject, "ours", "scanned-count", "items", result.scannedCount()));
            rows.add(single("list-capacity", subject, "ours", "count", "items", result.count()));
        }
        for (String library : java.util.stream.Stream.concat(
                        JSON_LIBRARIES.stream(), java.util.stream.Stream.of(LOGGING_PROBE))
                .toList()) {
            if (jsonTimes.containsKey(library)) {
                rows.add(
                        row("startup-probe", library, "-", "time-to-result", "ms", Summary.of(jsonTimes.get(library))));
                rows.add(single(
                        "startup-probe",
                        library,
                        "-",
                        "classes",
                        "count",
                        jsonClasses.get(library).classesLoaded()));
            }
        }
        for (boolean on : new boolean[] {true, false}) {
            String variant = on ? "metrics-on" : "metrics-off";
            for (TodoFunction function : metricsColdStarts.get(on).keySet()) {
                rows.add(row(
                        "metrics",
                        function.module(),
                        variant,
                        "first-response",
                        "ms",
                        firstResponse(metricsColdStarts.get(on), function)));
                rows.add(single(
                        "metrics",
                        function.module(),
                        variant,
                        "classes",
                        "count",
                        metricsClasses.get(on).get(function).classesLoaded()));
            }
        }
        for (String mode : metricsProbeTimes.keySet()) {
            rows.add(row("metrics-probe", mode, "-", "time-to-line", "ms", Summary.of(metricsProbeTimes.get(mode))));
            rows.add(single(
                    "metrics-probe",
                    mode,
                    "-",
                    "classes",
                    "count",
                    metricsProbeClasses.get(mode).classesLoaded()));
        }
        return String.join("\n", rows) + "\n";
    }

    private static String row(
            String section, String subject, String variant, String metric, String unit, Summary summary) {
        return String.join(
                ",",
                section,
                subject,
                variant,
                metric,
                unit,
                number(summary.min()),
                number(summary.median()),
                number(summary.max()));
    }

    private static String single(
            String section, String subject, String variant, String metric, String unit, Number value) {
        String text = number(value.doubleValue());
        return String.join(",", section, subject, variant, metric, unit, text, text, text);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String verdict(double ratio, double target) {
        return verdict(ratio, target, "%.2f");
    }

    private static String verdict(double ratio, double target, String format) {
        return String.format(Locale.ROOT, format + " %s", ratio, ratio <= target ? "✓" : "✗");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / 1e6);
    }

    private static double d(String text) {
        return Double.parseDouble(text);
    }

    private static String jsonLabel(String library) {
        return switch (library) {
            case "none" -> "none (empty JVM, for reference)";
            case "databind" -> "Jackson databind (ObjectMapper, bean)";
            case "jackson-jr" -> "jackson-jr (JSON.std, bean)";
            case "streaming" -> "SDK's Jackson core, streaming (ours: parser, validator, writer)";
            default -> library;
        };
    }

    private static String machine() throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(cpu);
        }
        long memory = ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(
                Locale.ROOT,
                "%s, %d cores, %.1f GiB RAM, %s %s (%s)",
                cpu,
                Runtime.getRuntime().availableProcessors(),
                memory / 1024.0 / 1024 / 1024,
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }
}
