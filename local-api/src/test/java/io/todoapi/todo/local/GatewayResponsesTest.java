package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayResponsesTest {

    private final GatewayResponses responses = new GatewayResponses(new Fixtures().spec, "prod");

    private static String body(GatewayResponses.Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void rendersAConfiguredTypeWithItsStatusHeadersAndEscapedContext() {
        GatewayResponses.Response response = responses.render("BAD_REQUEST_BODY", "Invalid request body",
                "[object has missing required properties ([\"title\"])]", Map.of(), "r-1", "POST", "/todos", "/todos");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json")
                .containsEntry("Access-Control-Allow-Origin", "*");
        assertThat(body(response)).isEqualTo("{\"type\":\"urn:todo-api:problem:invalid-request\",\"title\":"
                + "\"Invalid request\",\"status\":400,\"detail\":\"[object has missing required properties"
                + " ([\\\"title\\\"])]\"}");
    }

    @Test
    void aTypeWithoutItsOwnEntryUsesDefault4xxWithItsOwnStatus() {
        GatewayResponses.Response response = responses.render("REQUEST_TOO_LARGE", "Request Too Long", "", Map.of(),
                "r-2", "POST", "/todos", "/todos");
        assertThat(response.status()).isEqualTo(413);
        assertThat(body(response)).contains("\"detail\":\"Request Too Long\"");
    }

    @Test
    void aTypeWithoutAnyConfigurationUsesApiGatewaysDefaultBody() {
        GatewayResponses.Response response = responses.render("DEFAULT_5XX", "Internal server error", "", Map.of(),
                "r-3", "GET", "/todos", "/todos");
        assertThat(response.status()).isEqualTo(500);
        assertThat(body(response)).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
    }
}
