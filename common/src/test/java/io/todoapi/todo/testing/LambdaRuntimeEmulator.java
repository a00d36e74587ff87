package io.todoapi.todo.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.todoapi.todo.localdb.LocalDynamoDb;
import io.todoapi.todo.testing.envreads.EnvironmentReadsJar;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a function artifact the way the Lambda Java runtime does, without Docker: a fresh JVM with the official
 * Runtime Interface Client ({@code aws-lambda-java-runtime-interface-client}) on its class path, talking to this
 * emulation of the Lambda Runtime API on 127.0.0.1. As on Lambda, the artifact is not on the class path: the runtime
 * client loads it from the task root ({@code /var/task}, here a fresh directory holding {@code lib/<artifact>}),
 * which is the working directory; the environment is exactly Lambda's for the initialization type
 * ({@link LambdaEnvironment}) plus the function's own variables; a SnapStart function gets its credentials from a
 * container credentials endpoint served here, which checks the authorization token; and nothing may be written to
 * the task root (Lambda's is read-only; {@code /tmp} is the writable place). The client deserializes the event and
 * serializes the response with Lambda's own serializers, so a passing invocation proves the artifact holds
 * everything the handler needs. For the benchmarks, the emulator times each invocation ({@link #invokeTimed}) and notes
 * when init ended (the first poll) and when the runtime reached the snapshot point ({@code restore/next}), where a
 * {@link SnapshotHook} can inspect the function JVM while it waits, as Lambda snapshots it there.
 */
public final class LambdaRuntimeEmulator implements AutoCloseable, LambdaEnvironment.CredentialsSource {

    private static final String API = "/2018-06-01/runtime";
    private static final String CREDENTIALS = "/2021-04-23/credentials";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final HttpServer server;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    // Written by the test thread, read by the server's threads (the snapshot hook).
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final List<TaskRoot> taskRoots = new ArrayList<>();
    private final String authorizationToken = UUID.randomUUID().toString();
    private final AtomicInteger credentialsServed = new AtomicInteger();
    private final AtomicInteger credentialsRefused = new AtomicInteger();
    private volatile boolean refuseCredentials;
    private volatile long firstPollNanos;
    private volatile long snapshotNanos;
    private volatile SnapshotHook snapshotHook;

    /** One event on its way through the function; {@code deliveredNanos} is set when the runtime receives it. */
    private record Invocation(
            String requestId, String event, CompletableFuture<TimedResponse> response, AtomicLong deliveredNanos) {}

    /**
     * A function's response and how long the function took for it: from the moment its poll for the event was
     * answered to the moment its response arrived (the invocation as Lambda times it, plus two HTTP exchanges on
     * the loopback interface).
     */
    public record TimedResponse(String body, long nanos) {

        public double millis() {
            return nanos / 1e6;
        }
    }

    /**
     * What to do at the snapshot point: called when a SnapStart function's runtime asks for {@code restore/next}
     * (after the {@code beforeCheckpoint} hooks and the runtime's own GC), with the function JVM waiting for the
     * answer, which comes only once the hook has returned. A hook that throws fails the function's init.
     */
    @FunctionalInterface
    public interface SnapshotHook {
        void atSnapshot(ProcessHandle function);
    }

    /**
     * A function to start: its deployable jar, handler string, Lambda function name, its own environment variables
     * (template.yaml's, with local values), how Lambda initializes it, and JVM options of the test's own (such as
     * class-load logging; Lambda's come from {@code JAVA_TOOL_OPTIONS} among the variables).
     */
    public record Function(
            Path artifact,
            String handler,
            String name,
            Map<String, String> variables,
            LambdaEnvironment.InitializationType initialization,
            List<String> jvmOptions,
            boolean withCredentials) {

        public Function(
                Path artifact,
                String handler,
                String name,
                Map<String, String> variables,
                LambdaEnvironment.InitializationType initialization,
                List<String> jvmOptions) {
            this(artifact, handler, name, variables, initialization, jvmOptions, true);
        }
    }

    /**
     * JVM options that make the function JVM record every environment variable it reads into {@code file}, one name
     * per line ({@link io.todoapi.todo.testing.envreads.EnvironmentReadsAgent}). For tests only: the agent loads the
     * JDK's class-file API into the function JVM, which a measurement must not count.
     */
    public static List<String> recordEnvironmentReads(Path file) throws IOException {
        // Without class data sharing: with the boot class path appended, the JVM warns about it on every start.
        return List.of("-Xshare:off", EnvironmentReadsJar.javaAgentOption(file));
    }

    private LambdaRuntimeEmulator(HttpServer server) {
        this.server = server;
        server.createContext(API + "/invocation/next", this::next);
        server.createContext(API + "/invocation/", this::result);
        server.createContext(API + "/init/error", exchange -> {
            initError.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 202, "{}");
        });
        // SnapStart: the runtime asks for the restore signal after running the beforeCheckpoint hooks.
        server.createContext(API + "/restore/next", this::restoreNext);
        server.createContext(CREDENTIALS, this::credentials);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "lambda-runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static LambdaRuntimeEmulator start() throws IOException {
        return new LambdaRuntimeEmulator(
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public String accessKeyId() {
        return LocalDynamoDb.ACCESS_KEY_ID;
    }

    @Override
    public String secretAccessKey() {
        return LocalDynamoDb.SECRET_ACCESS_KEY;
    }

    @Override
    public String sessionToken() {
        return "local-session-token";
    }

    @Override
    public String endpoint() {
        return "http://" + address() + CREDENTIALS;
    }

    @Override
    public String authorizationToken() {
        return authorizationToken;
    }

    /** From now on the credentials endpoint answers 401 to every request, as if the role could not be assumed. */
    public void refuseCredentials() {
        refuseCredentials = true;
    }

    /** Runs {@code hook} at the snapshot point of the function started next (see {@link SnapshotHook}). */
    public void atSnapshot(SnapshotHook hook) {
        snapshotHook = hook;
    }

    /** How often the credentials endpoint answered with credentials, and how often it refused a request. */
    public int credentialsServed() {
        return credentialsServed.get();
    }

    public int credentialsRefused() {
        return credentialsRefused.get();
    }

    /**
     * Starts a function JVM: {@code java [jvmOptions] -cp <runtime> AWSLambda <handler>} in a fresh task root holding
     * the artifact, with Lambda's environment for the initialization type plus the function's variables and nothing
     * else (checked on Linux against the process's real environment). Output goes to {@code log}. The process is
     * destroyed, and the task root checked and removed, on {@link #close()}.
     */
    public Process launch(List<Path> runtimeClasspath, Function function, Path log) throws IOException {
        TaskRoot taskRoot = TaskRoot.create(function.artifact());
        taskRoots.add(taskRoot);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED"); // the runtime client loads its JNI HTTP client
        if (function.initialization() == LambdaEnvironment.InitializationType.SNAP_START) {
            // The runtime client's own CRaC context runs the org.crac hooks (shared/notes/snapstart-local.md).
            command.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        }
        command.addAll(function.jvmOptions());
        command.add("-cp");
        command.add(runtimeClasspath.stream()
                .map(Path::toString)
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        command.add(RIC_MAIN);
        command.add(function.handler());
        Map<String, String> environment = new LinkedHashMap<>(LambdaEnvironment.of(
                function.initialization(),
                function.handler(),
                function.name(),
                address(),
                taskRoot.directory(),
                function.withCredentials() ? this : null));
        function.variables().forEach((name, value) -> {
            if (environment.containsKey(name)) {
                throw new IllegalArgumentException(name + " is reserved by Lambda: a function cannot set it");
            }
            environment.put(name, value);
        });
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(taskRoot.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.add(process);
        // A JVM that dies (a bad option, a crash) fails the waiting invocation at once instead of at its timeout.
        process.onExit().thenRun(() -> initError.complete("the function JVM exited with code " + process.exitValue()));
        assertEnvironmentIs(process, environment.keySet());
        return process;
    }

    /** On Linux, what the process really got: exactly the variables given, none inherited. */
    private static void assertEnvironmentIs(Process process, Set<String> expected) throws IOException {
        Path environ = Path.of("/proc", Long.toString(process.pid()), "environ");
        if (!Files.isReadable(environ)) {
            return;
        }
        Set<String> actual = new TreeSet<>();
        for (String entry : new String(Files.readAllBytes(environ), StandardCharsets.UTF_8).split("\0")) {
            if (!entry.isEmpty()) {
                actual.add(entry.substring(0, Math.max(0, entry.indexOf('='))));
            }
        }
        if (!actual.equals(new TreeSet<>(expected))) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "The function's environment is not Lambda's: expected " + expected + ", got " + actual);
        }
    }

    /**
     * Queues {@code event} for the function and waits for its response (the handler's return value, serialized
     * by the runtime). A function error or init error fails with its payload.
     */
    public String invoke(String event, Duration timeout) throws TimeoutException, InterruptedException {
        return invokeTimed(event, timeout).body();
    }

    /** As {@link #invoke}, with the time the function took (see {@link TimedResponse}). */
    public TimedResponse invokeTimed(String event, Duration timeout) throws TimeoutException, InterruptedException {
        Invocation invocation =
                new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>(), new AtomicLong());
        pending.add(invocation);
        try {
            return CompletableFuture.anyOf(invocation.response(), initError.thenApply(error -> {
                        throw new IllegalStateException("function init failed: " + error);
                    }))
                    .thenApply(TimedResponse.class::cast)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Waits until the function's init has finished (it polls for an invocation) or failed; false on timeout. */
    public boolean awaitInit(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (firstPollNanos == 0 && !initError.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return firstPollNanos != 0 || initError.isDone();
    }

    /** When the runtime first asked for an invocation (System.nanoTime), i.e. when init finished; 0 before. */
    public long firstPollNanos() {
        return firstPollNanos;
    }

    /**
     * When a SnapStart function's runtime asked for {@code restore/next} (System.nanoTime), i.e. when its init,
     * priming included, ended and Lambda would take the snapshot; 0 before, and for an on-demand function.
     */
    public long snapshotNanos() {
        return snapshotNanos;
    }

    private void restoreNext(HttpExchange exchange) throws IOException {
        snapshotNanos = System.nanoTime();
        SnapshotHook hook = snapshotHook;
        if (hook != null && !processes.isEmpty()) {
            try {
                hook.atSnapshot(processes.getLast().toHandle());
            } catch (RuntimeException e) {
                initError.complete("the snapshot hook failed: " + e);
                respond(exchange, 500, "{}");
                return;
            }
        }
        respond(exchange, 200, "");
    }

    private void next(HttpExchange exchange) throws IOException {
        if (firstPollNanos == 0) {
            firstPollNanos = System.nanoTime();
        }
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        inFlight.put(invocation.requestId(), invocation);
        invocation.deliveredNanos().set(System.nanoTime());
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders()
                .add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
        exchange.getResponseHeaders()
                .add(
                        "Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:123456789012:function:local:live");
        exchange.getResponseHeaders()
                .add(
                        "Lambda-Runtime-Trace-Id",
                        "Root=1-6743a1b5-1a2b3c4d5e6f7a8b9c0d1e2f;Parent=53995c3f42cd8ad8;Sampled=0");
        respond(exchange, 200, invocation.event());
    }

    private void result(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring((API + "/invocation/").length());
        String[] parts = path.split("/");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Invocation invocation = inFlight.remove(parts[0]);
        if (invocation != null && parts.length == 2) {
            if (parts[1].equals("response")) {
                invocation
                        .response()
                        .complete(new TimedResponse(
                                body,
                                System.nanoTime() - invocation.deliveredNanos().get()));
            } else {
                invocation.response().completeExceptionally(new IllegalStateException("function error: " + body));
            }
        }
        respond(exchange, 202, "{}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // The runtime client's native HTTP code reads Content-Type unconditionally (it crashes without one).
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        List<String> written = new ArrayList<>();
        for (TaskRoot taskRoot : taskRoots) {
            written.addAll(taskRoot.changes());
            taskRoot.delete();
        }
        if (!written.isEmpty()) {
            throw new IllegalStateException("The function wrote to its task root, which is read-only on Lambda (only"
                    + " /tmp is writable): " + written);
        }
    }

    /** The container credentials endpoint: the role's credentials for a request with the authorization token. */
    private void credentials(HttpExchange exchange) throws IOException {
        if (refuseCredentials
                || !authorizationToken.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            credentialsRefused.incrementAndGet();
            respond(exchange, 401, "{\"message\":\"invalid authorization token\"}");
            return;
        }
        credentialsServed.incrementAndGet();
        respond(
                exchange,
                200,
                "{\"AccessKeyId\":\"" + accessKeyId() + "\",\"SecretAccessKey\":\""
                        + secretAccessKey() + "\",\"Token\":\"" + sessionToken() + "\",\"Expiration\":\""
                        + java.time.Instant.now()
                                .plus(java.time.Duration.ofHours(1))
                                .truncatedTo(ChronoUnit.SECONDS) + "\"}");
    }

    /** A stand-in for /var/task: lib/ with the artifact, as `sam build` packages it, and what was there at start. */
    private record TaskRoot(Path directory, Map<String, String> contents) {

        static TaskRoot create(Path artifact) throws IOException {
            Path directory = Files.createTempDirectory("lambda-task-");
            Path lib = Files.createDirectories(directory.resolve("lib"));
            Files.copy(artifact, lib.resolve(artifact.getFileName()));
            return new TaskRoot(directory, snapshot(directory));
        }

        List<String> changes() {
            try {
                Map<String, String> now = snapshot(directory);
                List<String> changed = new ArrayList<>();
                now.forEach((path, state) -> {
                    if (!state.equals(contents.get(path))) {
                        changed.add(path);
                    }
                });
                contents.keySet().stream()
                        .filter(path -> !now.containsKey(path))
                        .forEach(changed::add);
                return changed;
            } catch (IOException e) {
                return List.of("(cannot list " + directory + ": " + e + ")");
            }
        }

        void delete() {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind; nothing to fail for
            }
        }

        private static Map<String, String> snapshot(Path directory) throws IOException {
            Map<String, String> state = new TreeMap<>();
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.toList()) {
                    state.put(
                            directory.relativize(path).toString(),
                            Files.isDirectory(path)
                                    ? "dir"
                                    : Files.size(path) + "@"
                                            + Files.getLastModifiedTime(path).toMillis());
                }
            }
            return state;
        }
    }
}
