package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What keeps local-api from being a drive-by proxy for web pages, and from echoing what it is sent: requests must
 * name this machine in Host (DNS rebinding), an empty Authorization is 401 as deployed, a table on another machine
 * needs a token and a named origin, and no response repeats more than 64 characters of a request.
 */
class LocalApiSecurityIT {

    private static RunningApi api;
    private static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        api = RunningApi.start("--table", "todos-security");
        http = new RawHttp("127.0.0.1", api.server.port(), Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static RawHttp.Response get(String target, String host) {
        return http.send(RawHttp.Request.of("GET", target).header("Host", host));
    }

    @Test
    void aRequestForAnotherHostNameIsRefusedWhateverItAsksFor() {
        for (String host : List.of(
                "evil.example",
                "evil.example:" + api.server.port(),
                "localhost.evil.example",
                "127.0.0.1.nip.io",
                "10.0.0.7",
                "0.0.0.0:" + api.server.port(),
                "[::2]")) {
            for (String target : List.of("/todos", "/docs/", "/openapi.yaml", "/config.json", "/")) {
                RawHttp.Response response = get(target, host);
                assertThat(response.status()).as("%s %s", host, target).isEqualTo(421);
                assertThat(response.header("Content-Type")).contains("application/problem+json");
                assertThat(response.bodyText())
                        .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Misdirected"
                                + " Request\",\"status\":421,\"detail\":\"local-api answers requests for localhost, 127.0.0.1"
                                + " and [::1] only: open it as http://localhost:<port>.\"}");
            }
        }
    }

    @Test
    void theLoopbackNamesWithOrWithoutThePortAreServed() {
        int port = api.server.port();
        for (String host : List.of(
                "localhost",
                "localhost:" + port,
                "LOCALHOST:" + port,
                "127.0.0.1",
                "127.0.0.1:" + port,
                "[::1]",
                "[::1]:" + port)) {
            assertThat(get("/todos?limit=1", host).status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void anEmptyAuthorizationHeaderIs401AndNoHeaderIsTheDefaultUser() {
        RawHttp.Response empty = http.send(RawHttp.Request.of("GET", "/todos").header("Authorization", ""));
        assertThat(empty.status()).isEqualTo(401);
        assertThat(empty.header("Content-Type")).contains("application/problem+json");
        assertThat(http.send(RawHttp.Request.of("GET", "/todos")).status()).isEqualTo(200);
    }

    @Test
    void noResponseEchoesMoreThan64CharactersOfTheRequest() {
        String marker = "Z9y8X7w6V5u4T3s2R1q0".repeat(60); // 1,200 characters no response would make up
        List<RawHttp.Request> requests = List.of(
                RawHttp.Request.of("GET", "/" + marker),
                RawHttp.Request.of("DELETE", "/todos?" + marker + "=" + marker),
                RawHttp.Request.of("PUT", "/todos/" + marker),
                RawHttp.Request.of("PATCH", "/todos")
                        .header("Content-Type", "application/json")
                        .body("{}"),
                RawHttp.Request.of(marker.substring(0, 300).toUpperCase(), "/todos"),
                RawHttp.Request.of("GET", "/todos/" + marker).header("Origin", "https://" + marker),
                RawHttp.Request.of("GET", "/todos?limit=" + marker),
                RawHttp.Request.of("GET", "/todos?nextToken=" + marker),
                RawHttp.Request.of("POST", "/todos")
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", marker)
                        .body("{\"title\":\"" + marker + "\",\"" + marker + "\":1}"),
                RawHttp.Request.of("GET", "/todos").header("Authorization", "Bearer " + marker));
        for (RawHttp.Request request : requests) {
            RawHttp.Response response = http.send(request);
            String everything = response.bodyText()
                    + response.headers().stream()
                            .map(header -> header[0] + ": " + header[1])
                            .toList();
            for (int start = 0; start + ClientText.MAX_ECHO < marker.length(); start += 7) {
                String window = marker.substring(start, start + ClientText.MAX_ECHO + 1);
                assertThat(everything.toUpperCase())
                        .as(request.describe() + " -> " + response.status())
                        .doesNotContain(window.toUpperCase());
            }
        }
    }

    @Test
    void theMethodNotAllowedDetailQuotesThePathAsAnExcerpt() {
        HttpResponse<String> response =
                api.send("PUT", "/todos/" + "a".repeat(300), "{}", "Content-Type", "application/json");
        assertThat(response.statusCode()).isEqualTo(405);
        JsonNode problem = RunningApi.json(response);
        assertThat(problem.get("detail").asText())
                .isEqualTo(
                        "PUT is not allowed on /todos/" + "a".repeat(54) + "...; allowed: GET, PATCH, DELETE, OPTIONS");
    }

    @Test
    void aTableOnAnotherMachineNeedsANamedOriginAndStartsNothingWithout() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        LocalApiOptions options = LocalApiOptions.parse(
                new String[] {
                    "--port",
                    String.valueOf(port),
                    "--template",
                    RunningApi.projectDirectory().resolve("template.yaml").toString(),
                    "--dynamodb-endpoint",
                    "https://dynamodb.eu-west-1.amazonaws.com",
                    "--require-token"
                },
                name -> null);
        assertThatThrownBy(() -> LocalApiServer.start(options, new PrintStream(log, true, StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--dynamodb-endpoint is not on this machine: add --parameter-overrides"
                        + " AllowedOrigin=<your web app's origin>, so that no other web page can call the API");
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).as("the HTTP port was never taken").isEqualTo(port);
        }
    }
}
