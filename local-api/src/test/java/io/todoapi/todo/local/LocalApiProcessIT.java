package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * local-api as users run it: its own JVM (the README command's main class and class path), started from the project
 * directory. Checks what it prints (the banner, one line per request, one line for a setting or port that cannot
 * work), that it serves, and that stopping it leaves no process behind — in particular not the embedded engine's
 * Node.js child, even when the JVM is killed without running its shutdown hooks.
 */
class LocalApiProcessIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    /** The reader of each started process's stdout, so that a test reads on after the banner. */
    private static final Map<Process, BufferedReader> READERS = new ConcurrentHashMap<>();

    private static final Pattern API_URL = Pattern.compile("Todo API +(http://localhost:\\d+)/todos");
    private static final Pattern REQUEST_LINE = Pattern.compile(" {2}POST +/todos 201 \\d+ ms");

    @Test
    void servesPrintsItsUrlsAndStopsItsEngineOnSigterm() throws Exception {
        Process process = start("--port", "0");
        try {
            List<String> banner = readUntil(process, "Press Ctrl-C to stop.");
            String text = String.join("\n", banner);
            assertThat(text)
                    .contains(
                            "API docs",
                            "/docs",
                            "OpenAPI",
                            "/openapi.yaml",
                            "DynamoDB     http://127.0.0.1:",
                            "signatures are NOT verified");
            Matcher url = API_URL.matcher(text);
            assertThat(url.find()).as(text).isTrue();
            List<ProcessHandle> children = process.descendants().toList();
            assertThat(children)
                    .as("the engine runs as a child process")
                    .anyMatch(child -> child.info().command().orElse("").contains("node"));

            assertThat(banner.stream().filter(line -> line.contains("http://")).findFirst())
                    .as(text)
                    .contains("  Web app      " + url.group(1) + "/");
            assertThat(text).doesNotContain("CreateTodoFunction").doesNotContain("{\"");

            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url.group(1) + "/todos"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"From another process\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String line = nextLine(process);
            assertThat(line).as("one line per request, no JSON log lines").matches(REQUEST_LINE);

            process.destroy(); // SIGTERM; Ctrl-C's SIGINT runs the same shutdown hook
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertAllGone(children);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void withMetricsEachRequestPrintsTheFunctionsEmfLineBeforeItsRequestLine() throws Exception {
        Process process = start("--port", "0", "--metrics");
        try {
            Matcher url = API_URL.matcher(String.join("\n", readUntil(process, "Press Ctrl-C to stop.")));
            assertThat(url.find()).isTrue();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> created = client.send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "/todos"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Counted\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode create = new ObjectMapper().readTree(nextLine(process));
            assertThat(nextLine(process)).matches(REQUEST_LINE);
            HttpResponse<String> missing = client.send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "/todos/019ab6f2-8d3c-7e41-9a55-3c2b1d0e4fff"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            JsonNode get = new ObjectMapper().readTree(nextLine(process));
            assertThat(nextLine(process)).matches(" {2}GET +/todos/\\S+ 404 \\d+ ms");

            assertThat(create.at("/_aws/CloudWatchMetrics/0/Namespace").asText())
                    .isEqualTo("TodoApi");
            assertThat(create.at("/_aws/CloudWatchMetrics/0/Dimensions").toString())
                    .isEqualTo("[[\"service\",\"operation\"]]");
            assertThat(create.get("operation").asText()).isEqualTo("createTodo");
            assertThat(create.get("Requests2xx").asInt()).isEqualTo(1);
            assertThat(create.get("ColdStart").asInt()).isEqualTo(1);
            assertThat(get.get("operation").asText()).isEqualTo("getTodo");
            assertThat(get.get("Requests4xx").asInt()).isEqualTo(1);
            assertThat(get.toString()).doesNotContain("019ab6f2-8d3c-7e41-9a55-3c2b1d0e4fff", "local-user");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void theEngineStopsByItselfWhenTheJvmIsKilled() throws Exception {
        Process process = start("--port", "0");
        try {
            readUntil(process, "Press Ctrl-C to stop.");
            List<ProcessHandle> children = process.descendants().toList();
            assertThat(children).isNotEmpty();

            process.destroyForcibly(); // SIGKILL: no shutdown hook runs; the engine notices its stdin closing
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertAllGone(children);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void invokeRunsOneFunctionOnAnEventFilePrintsTheResponseAndExits() throws Exception {
        Process process = start("invoke", "CreateTodoFunction", "--event", "events/create-todo.json");
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            JsonNode response = new ObjectMapper().readTree(stdout.get(5, TimeUnit.SECONDS));
            assertThat(response.get("statusCode").asInt())
                    .as(response.toString())
                    .isEqualTo(201);
            JsonNode todo = new ObjectMapper().readTree(response.get("body").asText());
            assertThat(todo.get("title").asText()).isEqualTo("Buy oat milk");
            assertThat(response.get("headers").get("Location").asText())
                    .isEqualTo("/todos/" + todo.get("id").asText());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aTakenHttpPortIsOneLineNamingThePortAndTheOptionAndStartsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Finished run = run("--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.output())
                    .containsExactly("local-api: port " + taken.getLocalPort() + " (the HTTP port) is"
                            + " already in use on 127.0.0.1: stop what uses it, or choose another port with --port N");
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void aTakenEnginePortIsOneLineNamingItsOptionAndStartsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Finished run = run("--port", "0", "--dynamodb-port", String.valueOf(taken.getLocalPort()));
            assertThat(run.output())
                    .containsExactly("local-api: port " + taken.getLocalPort() + " (the DynamoDB"
                            + " engine's port) is already in use on 127.0.0.1: stop what uses it, or choose another port with"
                            + " --dynamodb-port N");
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void anotherInterfaceWithoutAllowRemoteIsOneLineAndStartsNothing() throws Exception {
        Finished run = run("--port", "0", "--host", "0.0.0.0");
        assertThat(run.output())
                .containsExactly("local-api: --host 0.0.0.0 can be reached from other machines; add"
                        + " --allow-remote to listen there anyway, or use --host 127.0.0.1 (--help lists the options)");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void aNodeJsTooOldIsOneLineNamingTheVersionFoundAndTheOneNeeded() throws Exception {
        Path bin = Files.createTempDirectory("old-node");
        Path node = bin.resolve("node");
        Files.writeString(node, "#!/bin/sh\necho v18.19.0\n");
        node.toFile().setExecutable(true);
        Finished run = run(Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH")), "--port", "0");
        assertThat(run.output())
                .singleElement()
                .asString()
                .startsWith("local-api: Node.js 20+ and npm are required" + " (found Node.js v18.19.0)");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    private static Finished run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private static Finished run(Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = command(args).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return Finished.of(builder.start(), STARTUP);
    }

    /** local-api's main class on the test class path, in the project directory, as the README command runs it. */
    private static Process start(String... args) throws IOException {
        return command(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LocalApi.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(RunningApi.projectDirectory().toFile());
    }

    /** The next line {@code process} prints that is not empty. */
    private static String nextLine(Process process) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        String line = READERS.get(process).readLine();
                        while (line != null && line.isEmpty()) {
                            line = READERS.get(process).readLine();
                        }
                        return line;
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .get(30, TimeUnit.SECONDS);
    }

    /** The lines {@code process} prints up to and including one that contains {@code marker}. */
    private static List<String> readUntil(Process process, String marker) throws Exception {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        READERS.put(process, reader);
        CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> {
            List<String> read = new ArrayList<>();
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    read.add(line);
                    if (line.contains(marker)) {
                        return read;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("local-api exited before printing \"" + marker + "\": " + read);
        });
        return lines.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
    }

    private static void assertAllGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(processes.stream()
                        .filter(ProcessHandle::isAlive)
                        .map(ProcessHandle::pid)
                        .toList())
                .as("processes left behind")
                .isEmpty();
    }
}
