package io.todoapi.todo.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Assertions shared by the handler tests: the shape every response and every problem must have. */
public final class Responses {

    private Responses() {}

    /** Asserts a JSON success response with the API's standard headers; returns the body. */
    public static JsonNode json(APIGatewayProxyResponseEvent response, int status) {
        assertThat(response.getStatusCode())
                .as("status; body %s", response.getBody())
                .isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertStandardHeaders(response);
        return Json.parse(response.getBody());
    }

    /**
     * Asserts an RFC 9457 problem response: status, content type, CORS, the members type/title/status/detail and
     * nothing that looks like an internal (exception class, stack frame, AWS request id). Returns the body.
     */
    public static JsonNode problem(APIGatewayProxyResponseEvent response, int status) {
        assertThat(response.getStatusCode())
                .as("status; body %s", response.getBody())
                .isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertStandardHeaders(response);
        JsonNode body = Json.parse(response.getBody());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asText()).isNotBlank();
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        List<String> members = new ArrayList<>();
        body.fieldNames().forEachRemaining(members::add);
        assertThat(members).isSubsetOf("type", "title", "status", "detail", "errors");
        assertThat(response.getBody())
                .doesNotContain(
                        "Exception", "\tat ", "software.amazon", "io.todoapi", "Request ID", "dynamodb", "DynamoDb");
        return body;
    }

    /** The {@code errors} of a 400 problem as "location name: detail" strings, e.g. "pointer #/title: is required". */
    public static List<String> errors(APIGatewayProxyResponseEvent response) {
        JsonNode body = problem(response, 400);
        List<String> errors = new ArrayList<>();
        for (JsonNode error : body.get("errors")) {
            String location = error.has("pointer") ? "pointer" : error.has("parameter") ? "parameter" : "header";
            errors.add(location + " " + error.get(location).asText() + ": "
                    + error.get("detail").asText());
        }
        return errors;
    }

    private static void assertStandardHeaders(APIGatewayProxyResponseEvent response) {
        assertThat(response.getHeaders())
                .containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Access-Control-Expose-Headers", "ETag, Location, Retry-After")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsKey("Cache-Control");
        assertThat(response.getIsBase64Encoded()).isFalse();
    }
}
