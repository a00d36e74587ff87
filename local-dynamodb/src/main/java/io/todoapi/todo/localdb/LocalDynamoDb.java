package io.todoapi.todo.localdb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * An in-memory dynalite server in a Node.js child process, bound to 127.0.0.1 by default. The tests and local-api both use
 * this one class. The child stops when {@link #close()} is called, when the JVM shuts down (shutdown hook), and
 * when the JVM dies without running hooks (the launcher exits as soon as its stdin pipe closes), so no engine is
 * ever left behind.
 */
public final class LocalDynamoDb implements AutoCloseable {

    /** The region and credentials every client of the local engine uses; dynalite accepts any. */
    public static final Region REGION = Region.US_EAST_1;

    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int STDERR_LINES_KEPT = 20;
    private static LocalDynamoDb shared;

    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private LocalDynamoDb(Process process, int port) {
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(this::stopProcess, "stop-dynalite");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * The engine shared by everything in this JVM (tests use a unique table per class). Started on first use on
     * a free port and stopped when the JVM ends.
     */
    public static synchronized LocalDynamoDb shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start(0);
        }
        return shared;
    }

    /** Starts a new engine on 127.0.0.1:{@code port} (0 picks a free one) and waits until it accepts connections. */
    public static LocalDynamoDb start(int port) {
        return start("127.0.0.1", port);
    }

    /**
     * Starts a new engine listening on {@code host} ({@code 0.0.0.0} makes it reachable from containers, e.g.
     * {@code sam local invoke}) and {@code port} (0 picks a free one).
     */
    public static LocalDynamoDb start(String host, int port) {
        Path home = home();
        Path modules = home.resolve("node_modules");
        Path launcher = home.resolve("src/main/node/launch-dynalite.js");
        if (!Files.isDirectory(modules.resolve("dynalite"))) {
            throw new IllegalStateException("dynalite is not installed in " + modules + ". Build once with"
                    + " `./mvnw -pl local-dynamodb -am process-classes` (it runs npm ci; needs Node.js "
                    + NodeJs.MIN_MAJOR + "+), or point -Ddynalite.home / DYNALITE_HOME at a directory that has it.");
        }
        NodeJs.requireSupportedNode();
        Process process;
        try {
            process = new ProcessBuilder(
                            NodeJs.node(), launcher.toString(), modules.toString(), Integer.toString(port), host)
                    .directory(home.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(NodeJs.missing("`node` could not be started"), e);
        }
        Deque<String> stderr = new ArrayDeque<>();
        drain(process.getErrorStream(), "dynalite-stderr", line -> {
            synchronized (stderr) {
                if (stderr.size() == STDERR_LINES_KEPT) {
                    stderr.removeFirst();
                }
                stderr.addLast(line);
            }
        });
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        drain(process.getInputStream(), "dynalite-stdout", line -> {
            if (line.startsWith("LISTENING ")) {
                listening.complete(
                        Integer.parseInt(line.substring("LISTENING ".length()).trim()));
            }
        });
        process.onExit()
                .thenRun(() -> listening.completeExceptionally(
                        new IllegalStateException("dynalite exited with code " + process.exitValue())));
        try {
            return new LocalDynamoDb(process, listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            String output;
            synchronized (stderr) {
                output = String.join("\n", stderr);
            }
            throw new IllegalStateException(
                    "dynalite did not start on " + host + ":" + port + " within " + START_TIMEOUT.toSeconds() + " s: "
                            + e.getMessage() + (output.isEmpty() ? "" : "\n" + output),
                    e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting dynalite", e);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The process id of the Node.js child, for callers that report or check it. */
    public long pid() {
        return process.pid();
    }

    /** A client for this engine with the local region and static dummy credentials; the caller closes it. */
    public DynamoDbClient newClient() {
        return clientBuilder().build();
    }

    /** A client builder set up for this engine (endpoint, region, credentials, URL-connection HTTP client). */
    public DynamoDbClientBuilder clientBuilder() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(REGION)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create());
    }

    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; nothing left to do
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Where package.json, node_modules and the launcher are: -Ddynalite.home, DYNALITE_HOME, or the build's. */
    static Path home() {
        String configured = System.getProperty("dynalite.home", System.getenv("DYNALITE_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Properties properties = new Properties();
        try (InputStream in = LocalDynamoDb.class.getResourceAsStream("local-dynamodb.properties")) {
            if (in == null) {
                throw new IllegalStateException("local-dynamodb.properties is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Path.of(properties.getProperty("home")).toAbsolutePath();
    }

    private static void drain(InputStream stream, String name, Consumer<String> lines) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            lines.accept(line);
                        }
                    } catch (IOException closed) {
                        // the process ended
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }
}
