package io.todoapi.todo.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * local-api on a free 127.0.0.1 port with its own in-memory engine, configured from the project's real
 * template.yaml and openapi.yaml, for end-to-end tests. Records every exchange. Close it to stop everything.
 */
final class RunningApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final LocalApiServer server;
    final List<LocalApiServer.Exchange> exchanges = new CopyOnWriteArrayList<>();
    final String startupLog;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningApi(LocalApiServer server, String startupLog) {
        this.server = server;
        this.startupLog = startupLog;
        server.onExchange(exchanges::add);
    }

    /** Starts local-api with {@code --port 0 --template <project>/template.yaml} plus {@code args}. */
    static RunningApi start(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--template",
                projectDirectory().resolve("template.yaml").toString()));
        all.addAll(Arrays.asList(args));
        LocalApiOptions options = LocalApiOptions.parse(all.toArray(String[]::new), name -> null);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LocalApiServer server = LocalApiServer.start(options, new PrintStream(log, true, StandardCharsets.UTF_8));
        return new RunningApi(server, log.toString(StandardCharsets.UTF_8));
    }

    /** The directory with template.yaml and openapi.yaml (tests run in local-api/). */
    static Path projectDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("openapi.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "template.yaml and openapi.yaml not found above " + Path.of("").toAbsolutePath());
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    HttpClient http() {
        return http;
    }

    /** Sends a raw request: {@code headers} are name, value pairs; {@code body} may be null. */
    HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** The body of {@code response} as JSON; fails the test when it is not JSON. */
    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
