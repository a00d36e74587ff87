package io.todoapi.todo.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a function artifact the way the Lambda Java runtime does, without Docker: a fresh JVM with the official
 * Runtime Interface Client ({@code aws-lambda-java-runtime-interface-client}) on the class path before the
 * function's jar, talking to this emulation of the Lambda Runtime API on 127.0.0.1. The client deserializes the
 * event and serializes the response with Lambda's own serializers, so a passing invocation proves the artifact
 * holds everything the handler needs. Each HTTP exchange is timed, for the benchmarks.
 */
public final class LambdaRuntimeEmulator implements AutoCloseable {

    private static final String API = "/2018-06-01/runtime";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final HttpServer server;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final List<Process> processes = new ArrayList<>();
    private volatile long firstPollNanos;

    /** One event on its way through the function. */
    private record Invocation(String requestId, String event, CompletableFuture<String> response) {
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
        server.createContext(API + "/restore/next", exchange -> respond(exchange, 200, ""));
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "lambda-runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static LambdaRuntimeEmulator start() throws IOException {
        return new LambdaRuntimeEmulator(HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Starts a function JVM: {@code java [jvmOptions] -cp <runtime>:<artifact> AWSLambda <handler>} with the
     * variables Lambda sets plus {@code environment}. Output goes to {@code log}. The process is destroyed on
     * {@link #close()}.
     */
    public Process launch(List<Path> runtimeClasspath, Path artifact, String handler, Map<String, String> environment,
                          List<String> jvmOptions, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED"); // the runtime client loads its JNI HTTP client
        command.addAll(jvmOptions);
        List<String> classpath = new ArrayList<>();
        runtimeClasspath.forEach(path -> classpath.add(path.toString()));
        classpath.add(artifact.toString());
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath));
        command.add(RIC_MAIN);
        command.add(handler);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("JAVA_TOOL"));
        env.put("AWS_LAMBDA_RUNTIME_API", address());
        env.put("_HANDLER", handler);
        env.put("AWS_LAMBDA_FUNCTION_NAME", handler.substring(handler.lastIndexOf('.') + 1).replace("::handleRequest", ""));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/local");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("LAMBDA_TASK_ROOT", artifact.getParent().toString());
        env.putAll(environment);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /**
     * Queues {@code event} for the function and waits for its response (the handler's return value, serialized
     * by the runtime). A function error or init error fails with its payload.
     */
    public String invoke(String event, Duration timeout) throws TimeoutException, InterruptedException {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        pending.add(invocation);
        try {
            return CompletableFuture.anyOf(invocation.response(), initError.thenApply(error -> {
                throw new IllegalStateException("function init failed: " + error);
            })).thenApply(String.class::cast).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** When the runtime first asked for an invocation (System.nanoTime), i.e. when init finished; 0 before. */
    public long firstPollNanos() {
        return firstPollNanos;
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
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + 30_000));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:local:live");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
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
                invocation.response().complete(body);
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
    }
}
