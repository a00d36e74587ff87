package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayResponsesTest {

    private final GatewayResponses responses = new GatewayResponses(new Fixtures().spec, "prod");

    private static GatewayResponses.Request request(String id, String method, String path) {
        return new GatewayResponses.Request(id, method, path, path, Map.of());
    }

    private static String body(GatewayResponses.Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void rendersAConfiguredTypeWithItsStatusHeadersAndEscapedContext() {
        GatewayResponses.Response response = responses.render(
                new GatewayResponses.Error(
                        "BAD_REQUEST_BODY",
                        "Invalid request body",
                        "[object has missing required properties ([\"title\"])]"),
                request("r-1", "POST", "/todos"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers())
                .containsEntry("Content-Type", "application/problem+json")
                .containsEntry("Access-Control-Allow-Origin", "*");
        assertThat(body(response))
                .isEqualTo("{\"type\":\"urn:todo-api:problem:invalid-request\",\"title\":"
                        + "\"Invalid request\",\"status\":400,\"detail\":\"[object has missing required properties"
                        + " ([\\\"title\\\"])]\"}");
    }

    @Test
    void aTypeWithoutItsOwnEntryUsesDefault4xxWithItsOwnStatus() {
        GatewayResponses.Response response = responses.render(
                GatewayResponses.Error.of("REQUEST_TOO_LARGE", "Request Too Long"), request("r-2", "POST", "/todos"));
        assertThat(response.status()).isEqualTo(413);
        assertThat(body(response)).contains("\"detail\":\"Request Too Long\"");
    }

    @Test
    void aTypeWithoutAnyConfigurationUsesApiGatewaysDefaultBody() {
        GatewayResponses.Response response = responses.render(
                GatewayResponses.Error.of("DEFAULT_5XX", "Internal server error"), request("r-3", "GET", "/todos"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(body(response)).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
    }

    @Test
    void anExpiredTokensMessageReachesTheTemplatesThatUseIt() {
        GatewayResponses.Response response = responses.render(
                GatewayResponses.Error.of("UNAUTHORIZED", LocalAuthorizer.EXPIRED), request("r-4", "GET", "/todos"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(body(response))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"The incoming token has expired\"}");
    }

    @Test
    void whatTheClientSentIsEchoedAsAnExcerptOfAtMost64Characters() {
        String longPath = "/" + "p".repeat(5000);
        String origin = "https://" + "o".repeat(5000) + ".example";
        GatewayResponses.Response response = responses.render(
                GatewayResponses.Error.of("ACCESS_DENIED", "Denied"),
                new GatewayResponses.Request("r-5", "G".repeat(100), longPath, longPath, Map.of("Origin", origin)));
        assertThat(body(response))
                .isEqualTo("{\"title\":\"Denied\",\"detail\":\"" + "G".repeat(61) + "... /prod/" + "p".repeat(55)
                        + "... (/" + "p".repeat(60) + "...)\"}");
        assertThat(response.headers()).containsEntry("X-Origin", "https://" + "o".repeat(53) + "...");
    }
}
