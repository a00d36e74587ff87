package io.todoapi.todo.benchmarks;

import io.todoapi.todo.priming.SnapStartPriming;
import io.todoapi.todo.testing.LambdaEnvironment;
import io.todoapi.todo.testing.LambdaRuntimeEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SnapStart execution environment of a function, emulated from its snapshot to its warm state, in one fresh JVM
 * under the Lambda runtime interface client (shared/notes/snapstart-local.md): the runtime constructs the handler, runs
 * the priming ({@code beforeCheckpoint}) and its own GC, and asks for {@code restore/next}, where Lambda takes the
 * snapshot; there {@link SnapshotState} reads the heap and the JIT's state. Then the runtime runs
 * {@code afterRestore} and polls, as a restored environment does (nothing is snapshotted locally: the JVM goes on,
 * which is what a restore resumes). It answers {@code afterRestore} invocations (the first of them is the first
 * invocation after restore), then {@code warmup} more, then {@code warm} measured ones: the warm state. Each
 * invocation is timed by the Runtime API from handing out the event to receiving the response, against the local
 * engine.
 */
final class SnapStartRun {

    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

    /**
     * What one environment measured: init until the snapshot point (JVM start, handler, priming; Lambda bills this as
     * the snapshot's init), the state at the snapshot, and the durations of the invocations after restore and of the
     * warm ones, in milliseconds.
     */
    record Result(double initMillis, SnapshotState snapshot, List<Double> afterRestore, List<Double> warm) {

        double firstInvocationMillis() {
            return afterRestore.getFirst();
        }

        double afterRestoreP50() {
            return Summary.percentile(afterRestore, 50);
        }

        double afterRestoreP99() {
            return Summary.percentile(afterRestore, 99);
        }

        double warmP50() {
            return Summary.percentile(warm, 50);
        }

        /**
         * The p99 of the last {@code afterRestore} warm invocations over the warm p50: the same ratio as the target's
         * once nothing is left to warm up, i.e. what the machine's own noise gives.
         */
        double warmTailRatio() {
            List<Double> last = warm.subList(Math.max(0, warm.size() - afterRestore.size()), warm.size());
            return Summary.percentile(last, 99) / warmP50();
        }
    }

    private final List<Path> runtimeClasspath;
    private final Map<String, String> variables;
    private final Path workDir;
    private final int afterRestore;
    private final int warmup;
    private final int warm;
    private final List<String> extraJvmOptions;

    /**
     * {@code variables} are the function's (template.yaml's, on the local engine); each run replaces their
     * JAVA_TOOL_OPTIONS with the flags it measures. {@code extraJvmOptions} go to every function JVM, for a closer
     * look (such as {@code -Xlog:class+load}); none in a measurement.
     */
    SnapStartRun(
            List<Path> runtimeClasspath,
            Map<String, String> variables,
            Path workDir,
            int afterRestore,
            int warmup,
            int warm,
            List<String> extraJvmOptions) {
        this.runtimeClasspath = runtimeClasspath;
        this.variables = variables;
        this.workDir = workDir;
        this.afterRestore = afterRestore;
        this.warmup = warmup;
        this.warm = warm;
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
    }

    /** How many events one run needs: {@code events} is asked for indexes 0 to this, exclusive. */
    int invocations() {
        return afterRestore + warmup + warm;
    }

    /**
     * Runs {@code jar}'s {@code handler} with {@code flags} as JAVA_TOOL_OPTIONS and a priming that answers its events
     * {@code primingIterations} times; {@code events.apply(i)} is the i-th event after restore, each answered with
     * {@code expectedStatus}. With {@code histogram}, the class histogram of the heap at the snapshot point is
     * written there.
     */
    Result run(
            Path jar,
            String handler,
            JitFlags flags,
            int primingIterations,
            IntFunction<String> events,
            int expectedStatus,
            Path histogram)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path log = Files.createTempFile(workDir, "snapstart-", ".log");
        Map<String, String> environment = new LinkedHashMap<>(variables);
        environment.put("JAVA_TOOL_OPTIONS", flags.javaToolOptions());
        List<String> jvmOptions = new ArrayList<>(ColdStart.LAMBDA_RUNTIME_FLAGS);
        jvmOptions.add("-D" + SnapStartPriming.ITERATIONS_PROPERTY + "=" + primingIterations);
        jvmOptions.addAll(extraJvmOptions);
        String name = handler.substring(handler.lastIndexOf('.') + 1, handler.indexOf("::"));
        AtomicReference<SnapshotState> snapshot = new AtomicReference<>();
        List<Double> restored = new ArrayList<>();
        List<Double> warmed = new ArrayList<>();
        long started;
        long snapshotAt;
        try (LambdaRuntimeEmulator runtime = LambdaRuntimeEmulator.start()) {
            runtime.atSnapshot(function -> {
                snapshot.set(SnapshotState.measure(function.pid()));
                if (histogram != null) {
                    SnapshotState.writeHistogram(function.pid(), histogram);
                }
            });
            started = System.nanoTime();
            runtime.launch(
                    runtimeClasspath,
                    new LambdaRuntimeEmulator.Function(
                            jar,
                            handler,
                            name,
                            environment,
                            LambdaEnvironment.InitializationType.SNAP_START,
                            jvmOptions),
                    log);
            for (int i = 0; i < invocations(); i++) {
                // Two minutes for the first (init, priming and the snapshot hook come before it), then 30 s each.
                LambdaRuntimeEmulator.TimedResponse response =
                        runtime.invokeTimed(events.apply(i), Duration.ofSeconds(i == 0 ? 120 : 30));
                requireStatus(handler, i, response.body(), expectedStatus);
                if (i < afterRestore) {
                    restored.add(response.millis());
                } else if (i >= afterRestore + warmup) {
                    warmed.add(response.millis());
                }
            }
            snapshotAt = runtime.snapshotNanos();
        } catch (IllegalStateException | TimeoutException e) {
            throw new IllegalStateException(
                    handler + " failed under SnapStart emulation; its log:\n" + Files.readString(log), e);
        }
        Files.deleteIfExists(log);
        if (snapshotAt == 0 || snapshot.get() == null) {
            throw new IllegalStateException(handler + ": the runtime never reached the snapshot point");
        }
        return new Result((snapshotAt - started) / 1e6, snapshot.get(), List.copyOf(restored), List.copyOf(warmed));
    }

    private static void requireStatus(String handler, int index, String response, int expected) {
        Matcher status = STATUS.matcher(response);
        if (!status.find() || Integer.parseInt(status.group(1)) != expected) {
            throw new IllegalStateException(handler + " invocation " + index + " after restore did not answer "
                    + expected + ": not a valid measurement. Response: "
                    + response.substring(0, Math.min(300, response.length())));
        }
    }
}
