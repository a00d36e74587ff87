package io.todoapi.todo.benchmarks;

import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.LambdaEnvironment;
import io.todoapi.todo.testing.LambdaRuntimeEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * One fresh JVM running a function jar on demand under the Lambda runtime interface client, as on Lambda
 * ({@link LambdaRuntimeEmulator}: the jar in a task root, Lambda's environment variables, the template's variables
 * with its JAVA_TOOL_OPTIONS, which the JVM reads from the environment), answering one event against the local
 * engine. Measured from just before the process is started to the moment the Runtime API receives the handler's
 * response.
 */
public final class ColdStart {

    /**
     * The JVM flags of Lambda's Java runtime itself, whatever the function sets: the Serial collector (Lambda's Java
     * runtimes launch with {@code -XX:+UseSerialGC}; JVM ergonomics would also pick it in 1,024 MB), and the
     * function's memory (template.yaml's {@code MemorySize}) as the memory the JVM sizes its heap by.
     */
    public static final List<String> LAMBDA_RUNTIME_FLAGS = List.of("-XX:+UseSerialGC", "-XX:MaxRAM=1024m");

    /** What one cold start took: to the end of init (first poll for an invocation) and to the response. */
    public record Result(
            double initMillis,
            double firstResponseMillis,
            int statusCode,
            int classesLoaded,
            Map<String, Integer> classesByOrigin) {

        /** From the runtime's first poll for an invocation to the response: the first invocation itself. */
        public double firstInvokeMillis() {
            return firstResponseMillis - initMillis;
        }
    }

    private final List<Path> runtimeClasspath;
    private final Path workDir;

    public ColdStart(List<Path> runtimeClasspath, Path workDir) {
        this.runtimeClasspath = runtimeClasspath;
        this.workDir = workDir;
    }

    /**
     * Runs {@code jar}'s {@code handler}, with the function variables {@code environment}, once on {@code eventJson}. With {@code countClasses} the JVM also logs every
     * class it loads ({@code -Xlog:class+load}) and the count up to the response is returned (that run's times are
     * slightly inflated by the logging, so timed runs do not count).
     */
    public Result run(Path jar, String handler, Map<String, String> environment, String eventJson, boolean countClasses)
            throws IOException, InterruptedException, TimeoutException {
        Files.createDirectories(workDir);
        Path log = Files.createTempFile(workDir, "function-", ".log");
        Path classLog = workDir.resolve("classes-" + System.nanoTime() + ".log");
        List<String> flags = new ArrayList<>(LAMBDA_RUNTIME_FLAGS);
        if (countClasses) {
            flags.add("-Xlog:class+load=info:file=" + classLog);
        }
        String name = handler.substring(handler.lastIndexOf('.') + 1, handler.indexOf("::"));
        String response;
        long started;
        long responded;
        long firstPoll;
        int classes = -1;
        Map<String, Integer> byOrigin = Map.of();
        try (LambdaRuntimeEmulator runtime = LambdaRuntimeEmulator.start()) {
            started = System.nanoTime();
            runtime.launch(
                    runtimeClasspath,
                    new LambdaRuntimeEmulator.Function(
                            jar, handler, name, environment, LambdaEnvironment.InitializationType.ON_DEMAND, flags),
                    log);
            response = runtime.invoke(eventJson, Duration.ofSeconds(120));
            responded = System.nanoTime();
            firstPoll = runtime.firstPollNanos();
            if (countClasses) {
                // Lines written up to now: the classes loaded until the response was sent.
                List<String> lines = Files.readAllLines(classLog);
                byOrigin = ClassOrigins.count(lines);
                classes = byOrigin.values().stream().mapToInt(Integer::intValue).sum();
            }
        } catch (IllegalStateException | TimeoutException e) {
            throw new IllegalStateException(handler + " failed; its log:\n" + Files.readString(log), e);
        }
        int status = Events.responseFromJson(response).getStatusCode();
        Files.deleteIfExists(log);
        Files.deleteIfExists(classLog);
        return new Result((firstPoll - started) / 1e6, (responded - started) / 1e6, status, classes, byOrigin);
    }
}
