package io.todoapi.todo.benchmarks;

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

/** Collects the measurements and renders them as the Markdown report and the CSV file. */
final class Results {

    static final List<String> JSON_LIBRARIES = List.of("none", "databind", "jackson-jr", "streaming");
    static final String LOGGING_PROBE = "powertools-logging";
    static final double TIME_TARGET = 0.5;
    static final double CLASSES_TARGET = 0.6;
    /** 10 MB in decimal megabytes, the stricter reading of the target. */
    static final long SIZE_TARGET_BYTES = 10_000_000L;

    private final int runs;
    private final int largeTableItems;
    private final Map<Function, List<ColdStart.Result>> ours = new EnumMap<>(Function.class);
    private final Map<Function, List<ColdStart.Result>> naive = new EnumMap<>(Function.class);
    private final Map<Function, List<ColdStart.Result>> snapStart = new EnumMap<>(Function.class);
    private final List<ColdStart.Result> floor = new ArrayList<>();
    private ColdStart.Result floorClasses;
    private final Map<Function, ColdStart.Result> oursClasses = new EnumMap<>(Function.class);
    private final Map<Function, ColdStart.Result> naiveClasses = new EnumMap<>(Function.class);
    private final Map<Function, Long> sizes = new EnumMap<>(Function.class);
    private final Map<String, String[]> warm = new LinkedHashMap<>();
    private final Map<String, List<Double>> jsonTimes = new LinkedHashMap<>();
    private final Map<String, JvmProcess.Startup> jsonClasses = new LinkedHashMap<>();
    private List<ListCapacity.Result> capacity = List.of();
    private long naiveSize;

    Results(int runs, int largeTableItems) {
        this.runs = runs;
        this.largeTableItems = largeTableItems;
    }

    void coldStart(Function function, boolean isOurs, ColdStart.Result result) {
        (isOurs ? ours : naive).computeIfAbsent(function, f -> new ArrayList<>()).add(result);
    }

    void snapStart(Function function, ColdStart.Result result) {
        snapStart.computeIfAbsent(function, f -> new ArrayList<>()).add(result);
    }

    void floor(ColdStart.Result result) {
        floor.add(result);
    }

    void floorClasses(ColdStart.Result result) {
        floorClasses = result;
    }

    void classes(Function function, boolean isOurs, ColdStart.Result result) {
        (isOurs ? oursClasses : naiveClasses).put(function, result);
    }

    void artifactSize(Function function, long bytes) {
        sizes.put(function, bytes);
    }

    void naiveArtifactSize(long bytes) {
        naiveSize = bytes;
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

    private Summary firstResponse(Map<Function, List<ColdStart.Result>> results, Function function) {
        return Summary.of(results.get(function).stream().map(ColdStart.Result::firstResponseMillis).toList());
    }

    private Summary init(Map<Function, List<ColdStart.Result>> results, Function function) {
        return Summary.of(results.get(function).stream().map(ColdStart.Result::initMillis).toList());
    }

    private double timeRatio(Function function) {
        return firstResponse(ours, function).median() / firstResponse(naive, function).median();
    }

    /** The ratio of the fastest runs: interference from other processes only ever adds time. */
    private double minTimeRatio(Function function) {
        return firstResponse(ours, function).min() / firstResponse(naive, function).min();
    }

    private double classesRatio(Function function) {
        return (double) oursClasses.get(function).classesLoaded() / naiveClasses.get(function).classesLoaded();
    }

    String markdown(Instant started, Instant finished) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Measured by `./mvnw -B -ntp -pl benchmarks -am -DskipTests -Pbenchmarks verify` (see README.md).\n\n");
        md.append("- Date: ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(" to ")
                .append(finished.truncatedTo(ChronoUnit.SECONDS)).append(" (UTC)\n");
        md.append("- Machine: ").append(machine()).append('\n');
        md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (functions compiled for release 25)\n");
        md.append("- Function JVM flags: `").append(String.join(" ", ColdStart.LAMBDA_JVM_FLAGS))
                .append("` (template.yaml's JAVA_TOOL_OPTIONS); runs per measurement: ").append(runs).append('\n');
        md.append("- Figures are `median (min–max)`; ratios are ours / naive of the medians.\n\n");

        md.append("## Cold start: fresh JVM to first response, under the Lambda runtime interface client\n\n");
        md.append("| Function | Ours: init ms | Ours: first response ms | Naive: init ms | Naive: first response ms "
                + "| Time ratio (target ≤ ").append(TIME_TARGET).append(") | Ratio of fastest runs | Ours: classes "
                + "| Naive: classes "
                + "| Classes ratio (target ≤ ").append(CLASSES_TARGET).append(") | Artifact MB, 10⁶ bytes (target ≤ 10) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Function function : Function.values()) {
            md.append("| ").append(function.module())
                    .append(" | ").append(init(ours, function).format())
                    .append(" | ").append(firstResponse(ours, function).format())
                    .append(" | ").append(init(naive, function).format())
                    .append(" | ").append(firstResponse(naive, function).format())
                    .append(" | ").append(verdict(timeRatio(function), TIME_TARGET))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", minTimeRatio(function)))
                    .append(" | ").append(oursClasses.get(function).classesLoaded())
                    .append(" | ").append(naiveClasses.get(function).classesLoaded())
                    .append(" | ").append(verdict(classesRatio(function), CLASSES_TARGET))
                    .append(" | ").append(megabytes(sizes.get(function)))
                    .append(sizes.get(function) <= SIZE_TARGET_BYTES ? " ✓" : " ✗").append(" |\n");
        }
        Summary floorTime = Summary.of(floor.stream().map(ColdStart.Result::firstResponseMillis).toList());
        md.append("\nNaive reference artifact (all five naive handlers in one jar): ").append(megabytes(naiveSize))
                .append(" MB.\n\n");
        md.append("Runtime floor (a handler answering a constant, under the same runtime client): first response ")
                .append(floorTime.format()).append(" ms, ").append(floorClasses.classesLoaded())
                .append(" classes. No function can go below it; above it, ours / naive is:\n\n");
        md.append("| Function | Time above floor, ratio | Classes above floor, ratio |\n|---|---:|---:|\n");
        for (Function function : Function.values()) {
            double time = (firstResponse(ours, function).median() - floorTime.median())
                    / (firstResponse(naive, function).median() - floorTime.median());
            double classes = (double) (oursClasses.get(function).classesLoaded() - floorClasses.classesLoaded())
                    / (naiveClasses.get(function).classesLoaded() - floorClasses.classesLoaded());
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", function.module(), time, classes));
        }
        md.append('\n');

        md.append("## SnapStart priming, emulated: the first invocation after restore\n\n");
        md.append("The runtime client in snap-start mode runs the priming (beforeCheckpoint) after init, then "
                + "restore/next and afterRestore, then polls for the event. On Lambda the snapshot is taken at "
                + "restore/next, so what a restored function still pays is the first invocation (poll to response). "
                + "Nothing is snapshotted here: the JVM simply goes on, which is what a restore resumes.\n\n");
        md.append("| Function | First invocation, on-demand ms | First invocation after priming ms "
                + "| Init incl. priming ms |\n|---|---:|---:|---:|\n");
        for (Function function : Function.values()) {
            md.append("| ").append(function.module())
                    .append(" | ").append(Summary.of(ours.get(function).stream()
                            .map(ColdStart.Result::firstInvokeMillis).toList()).format())
                    .append(" | ").append(Summary.of(snapStart.get(function).stream()
                            .map(ColdStart.Result::firstInvokeMillis).toList()).format())
                    .append(" | ").append(init(snapStart, function).format()).append(" |\n");
        }
        md.append('\n');

        md.append("### Classes loaded to first response, by origin\n\n| Function | Variant |");
        ClassOrigins.ORIGINS.keySet().forEach(origin -> md.append(' ').append(origin).append(" |"));
        md.append(" other | total |\n|---|---|");
        ClassOrigins.ORIGINS.keySet().forEach(origin -> md.append("---:|"));
        md.append("---:|---:|\n");
        for (Function function : Function.values()) {
            for (boolean isOurs : new boolean[] {true, false}) {
                ColdStart.Result result = (isOurs ? oursClasses : naiveClasses).get(function);
                md.append("| ").append(function.module()).append(" | ").append(isOurs ? "ours" : "naive").append(" |");
                result.classesByOrigin().values().forEach(count -> md.append(' ').append(count).append(" |"));
                md.append(' ').append(result.classesLoaded()).append(" |\n");
            }
        }

        md.append("\n## Warm invocation, in process, repository stubbed (our code's cost alone)\n\n");
        md.append("| Function | µs per invocation | bytes allocated per invocation |\n|---|---:|---:|\n");
        for (String[] fields : warm.values()) {
            md.append("| ").append(fields[0])
                    .append(" | ").append(new Summary(d(fields[1]) / 1e3, d(fields[2]) / 1e3, d(fields[3]) / 1e3,
                            WarmInvocations.BATCHES).formatDecimal())
                    .append(" | ").append(new Summary(d(fields[4]), d(fields[5]), d(fields[6]),
                            WarmInvocations.BATCHES).format())
                    .append(" |\n");
        }
        md.append("\n").append(WarmInvocations.BATCHES).append(" batches of ").append(WarmInvocations.BATCH)
                .append(" invocations after ").append(WarmInvocations.WARMUP_MILLIS / 1000)
                .append(" s of warm-up; includes the Powertools JSON log line of each request (Logback, the"
                        + " functions' JsonLogConfigurator at INFO, written to a discarded stdout).\n\n");

        md.append("## List page cost: consumed capacity of one page of 20\n\n");
        md.append("| Items in the table | Items of the caller | Items returned | Query Count | Query ScannedCount "
                + "| ConsumedCapacity (RCU) |\n|---:|---:|---:|---:|---:|---:|\n");
        for (ListCapacity.Result result : capacity) {
            md.append("| ").append(result.itemsInTable()).append(" | ").append(result.itemsOfCaller())
                    .append(" | ").append(result.itemsReturned()).append(" | ").append(result.count())
                    .append(" | ").append(result.scannedCount()).append(" | ")
                    .append(result.consumedCapacity() == null ? "not reported" : result.consumedCapacity())
                    .append(" |\n");
        }
        md.append("\nIndependent of table size: ").append(capacityIndependent() ? "yes ✓" : "NO ✗").append("\n\n");

        md.append("## JSON library start-up: fresh JVM, read the createTodo body into a todo and write it\n\n");
        md.append("| Library | ms to result | classes loaded |\n|---|---:|---:|\n");
        for (String library : JSON_LIBRARIES) {
            md.append("| ").append(jsonLabel(library)).append(" | ").append(Summary.of(jsonTimes.get(library)).format())
                    .append(" | ").append(jsonClasses.get(library).classesLoaded()).append(" |\n");
        }

        md.append("\nThese probes run on this module's class path (about 100 jars; the same for each library).\n");
        JvmProcess.Startup logging = jsonClasses.get(LOGGING_PROBE);
        md.append(String.format(Locale.ROOT, "%n## The functions' logging alone%n%nPowertools' logging context and "
                + "one request line (Logback, our JsonLineEncoder, the functions' JsonLogConfigurator, no "
                + "XML), in a fresh JVM on the get-todo jar: %s ms to the line, %d classes (an empty JVM: %s ms, %d classes).%n",
                Summary.of(jsonTimes.get(LOGGING_PROBE)).format(), logging.classesLoaded(),
                Summary.of(jsonTimes.get("none")).format(), jsonClasses.get("none").classesLoaded()));

        md.append("\n## Targets\n\n");
        for (String line : targets()) {
            md.append("- ").append(line).append('\n');
        }
        return md.toString();
    }

    private List<String> targets() {
        List<String> lines = new ArrayList<>();
        double worstTime = 0;
        double worstFastest = 0;
        double worstClasses = 0;
        for (Function function : Function.values()) {
            worstTime = Math.max(worstTime, timeRatio(function));
            worstFastest = Math.max(worstFastest, minTimeRatio(function));
            worstClasses = Math.max(worstClasses, classesRatio(function));
        }
        lines.add(String.format(Locale.ROOT, "Fresh-JVM time to first response ≤ %.1f× naive for every function: %s "
                + "(worst %.2f× of medians, %.2f× of fastest runs)", TIME_TARGET,
                worstTime <= TIME_TARGET ? "holds" : "MISSED", worstTime, worstFastest));
        lines.add(String.format(Locale.ROOT, "Classes loaded ≤ %.1f× naive: %s (worst %.2f×)", CLASSES_TARGET,
                worstClasses <= CLASSES_TARGET ? "holds" : "MISSED", worstClasses));
        long largest = sizes.values().stream().mapToLong(Long::longValue).max().orElse(0);
        lines.add("Every artifact ≤ 10 MB: " + (largest <= SIZE_TARGET_BYTES ? "holds" : "MISSED") + " (largest "
                + megabytes(largest) + " MB)");
        lines.add("List page capacity independent of table size (" + ListCapacity.PAGE + " vs " + largeTableItems
                + " items): " + (capacityIndependent() ? "holds" : "MISSED"));
        return lines;
    }

    private boolean capacityIndependent() {
        if (capacity.size() != 2) {
            return false;
        }
        ListCapacity.Result small = capacity.get(0);
        ListCapacity.Result large = capacity.get(1);
        return small.scannedCount() == large.scannedCount() && small.count() == large.count()
                && java.util.Objects.equals(small.consumedCapacity(), large.consumedCapacity());
    }

    String csv() {
        List<String> rows = new ArrayList<>();
        rows.add("section,subject,variant,metric,unit,min,median,max");
        for (Function function : Function.values()) {
            rows.add(row("cold-start", function.module(), "ours", "init", "ms", init(ours, function)));
            rows.add(row("cold-start", function.module(), "ours", "first-response", "ms", firstResponse(ours, function)));
            rows.add(row("cold-start", function.module(), "naive", "init", "ms", init(naive, function)));
            rows.add(row("cold-start", function.module(), "naive", "first-response", "ms",
                    firstResponse(naive, function)));
            rows.add(single("classes-loaded", function.module(), "ours", "classes", "count",
                    oursClasses.get(function).classesLoaded()));
            rows.add(single("classes-loaded", function.module(), "naive", "classes", "count",
                    naiveClasses.get(function).classesLoaded()));
            rows.add(single("artifact", function.module(), "ours", "size", "bytes", sizes.get(function)));
        }
        rows.add(single("artifact", "all", "naive", "size", "bytes", naiveSize));
        for (Function function : Function.values()) {
            rows.add(row("snapstart-emulated", function.module(), "ours", "first-invoke-after-priming", "ms",
                    Summary.of(snapStart.get(function).stream().map(ColdStart.Result::firstInvokeMillis).toList())));
            rows.add(row("snapstart-emulated", function.module(), "ours", "first-invoke-on-demand", "ms",
                    Summary.of(ours.get(function).stream().map(ColdStart.Result::firstInvokeMillis).toList())));
        }
        rows.add(row("cold-start", "runtime-floor", "-", "first-response", "ms",
                Summary.of(floor.stream().map(ColdStart.Result::firstResponseMillis).toList())));
        rows.add(single("classes-loaded", "runtime-floor", "-", "classes", "count", floorClasses.classesLoaded()));
        for (String[] fields : warm.values()) {
            rows.add(String.join(",", "warm", fields[0], "ours", "latency", "ns", fields[1], fields[2], fields[3]));
            rows.add(String.join(",", "warm", fields[0], "ours", "allocation", "bytes", fields[4], fields[5],
                    fields[6]));
        }
        for (ListCapacity.Result result : capacity) {
            String subject = "table-of-" + result.itemsInTable();
            rows.add(single("list-capacity", subject, "ours", "consumed-capacity", "RCU",
                    result.consumedCapacity() == null ? Double.NaN : result.consumedCapacity()));
            rows.add(single("list-capacity", subject, "ours", "scanned-count", "items", result.scannedCount()));
            rows.add(single("list-capacity", subject, "ours", "count", "items", result.count()));
        }
        for (String library : java.util.stream.Stream.concat(JSON_LIBRARIES.stream(), java.util.stream.Stream.of(
                LOGGING_PROBE)).toList()) {
            rows.add(row("startup-probe", library, "-", "time-to-result", "ms", Summary.of(jsonTimes.get(library))));
            rows.add(single("startup-probe", library, "-", "classes", "count",
                    jsonClasses.get(library).classesLoaded()));
        }
        return String.join("\n", rows) + "\n";
    }

    private static String row(String section, String subject, String variant, String metric, String unit,
                              Summary summary) {
        return String.join(",", section, subject, variant, metric, unit, number(summary.min()),
                number(summary.median()), number(summary.max()));
    }

    private static String single(String section, String subject, String variant, String metric, String unit,
                                 Number value) {
        String text = number(value.doubleValue());
        return String.join(",", section, subject, variant, metric, unit, text, text, text);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String verdict(double ratio, double target) {
        return String.format(Locale.ROOT, "%.2f %s", ratio, ratio <= target ? "✓" : "✗");
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
            cpu = Files.readAllLines(cpuinfo).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB RAM, %s %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), memory / 1024.0 / 1024 / 1024,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
    }
}
