package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /docs as served for the real openapi.yaml: Swagger UI's spec talks to this server first, keeps the deployed one
 * listed, offers no CORS preflight as an operation, and pre-fills nothing that would fail; what "Try it out" sends
 * with the values it pre-fills then succeeds (two creates in a row are 201 twice, a list is 200).
 */
class DocsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningApi api;
    private static JsonNode spec;

    @BeforeAll
    static void start() throws Exception {
        api = RunningApi.start("--table", "todos-docs");
        HttpResponse<String> response = api.send("GET", "/docs/openapi.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        spec = JSON.readTree(response.body());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void swaggerUiLoadsTheServedCopyAndTalksToThisServerFirst() {
        assertThat(spec.get("servers").get(0).get("url").asText()).isEqualTo("http://127.0.0.1:" + api.server.port());
        assertThat(spec.get("servers").get(1).get("url").asText())
                .isEqualTo("https://{restApiId}.execute-api.{region}.amazonaws.com/{stage}");
        assertThat(api.send("GET", "/docs/initializer.js", null).body())
                .contains("url: 'openapi.json'")
                .doesNotContain("requestInterceptor");
        assertThat(api.send("GET", "/docs/", null).body()).contains("initializer.js");
    }

    @Test
    void offersTheFiveOperationsAndNoPreflight() {
        List<String> operations = new ArrayList<>();
        spec.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(member -> {
                    if (!member.getKey().equals("parameters")) {
                        operations.add(member.getKey() + " " + path.getKey());
                    }
                }));
        assertThat(operations)
                .containsExactlyInAnyOrder(
                        "post /todos",
                        "get /todos",
                        "get /todos/{todoId}",
                        "patch /todos/{todoId}",
                        "delete /todos/{todoId}");
        assertThat(spec.toString()).doesNotContain("x-amazon-apigateway");
    }

    @Test
    void parametersKeepTheirExampleAsDocumentationButArePreFilledWithNothingButADefault() {
        for (JsonNode parameter : parameters()) {
            String name = parameter.get("name").asText();
            assertThat(parameter.has("example")).as(name).isFalse();
            assertThat(parameter.has("examples")).as(name).isFalse();
            assertThat(parameter.path("schema").has("example")).as(name).isFalse();
            Object prefilled = prefilled(parameter);
            if (prefilled != null) { // a default is fine: it is the value the API itself assumes
                assertThat(prefilled)
                        .as(name)
                        .isEqualTo(parameter.at("/schema/default").asText());
            }
        }
        assertThat(parameter("Idempotency-Key").get("x-example").asText()).isEqualTo("5f0c7d1e-create-milk");
        assertThat(parameter("If-Match").get("x-example").asText()).isEqualTo("\"3\"");
    }

    @Test
    void tryItOutWithThePreFilledValuesSucceeds() {
        JsonNode create = spec.at("/paths/~1todos/post");
        String body = create.at("/requestBody/content/application~1json/examples")
                .elements()
                .next()
                .get("value")
                .toString();
        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> created =
                    api.send("POST", "/todos", body, withPrefilledHeaders(create, "Content-Type", "application/json"));
            assertThat(created.statusCode())
                    .as("create #%d: %s", attempt, created.body())
                    .isEqualTo(201);
        }
        JsonNode list = spec.at("/paths/~1todos/get");
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : list.get("parameters")) {
            JsonNode resolved = resolve(parameter);
            Object value = prefilled(resolved);
            if (value != null && resolved.get("in").asText().equals("query")) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(resolved.get("name").asText())
                        .append('=')
                        .append(value);
            }
        }
        HttpResponse<String> listed = api.send("GET", "/todos" + query, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(RunningApi.json(listed).get("items")).hasSizeGreaterThanOrEqualTo(2);
    }

    /** The header name-value pairs Swagger UI sends for {@code operation}'s pre-filled header parameters. */
    private static String[] withPrefilledHeaders(JsonNode operation, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            Object value = prefilled(resolved);
            if (value != null && resolved.get("in").asText().equals("header")) {
                all.addAll(List.of(resolved.get("name").asText(), String.valueOf(value)));
            }
        }
        return all.toArray(String[]::new);
    }

    /** What Swagger UI (5.x, OpenAPI 3) pre-fills: an example's value, the example, the schema's example or default. */
    private static Object prefilled(JsonNode parameter) {
        if (parameter.has("examples")) {
            return parameter.get("examples").elements().next().get("value");
        }
        for (JsonNode candidate : List.of(
                parameter.path("example"),
                parameter.path("schema").path("example"),
                parameter.path("schema").path("default"),
                parameter.path("default"))) {
            if (!candidate.isMissingNode()) {
                return candidate.isTextual() ? candidate.asText() : candidate.toString();
            }
        }
        return null;
    }

    private static List<JsonNode> parameters() {
        List<JsonNode> all = new ArrayList<>();
        spec.get("paths").forEach(path -> {
            path.path("parameters").forEach(parameter -> all.add(resolve(parameter)));
            path.forEach(operation -> operation.path("parameters").forEach(parameter -> all.add(resolve(parameter))));
        });
        spec.path("components").path("parameters").forEach(all::add);
        return all;
    }

    private static JsonNode parameter(String name) {
        return parameters().stream()
                .filter(parameter -> parameter.get("name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode resolve(JsonNode parameter) {
        return parameter.has("$ref") ? spec.at(parameter.get("$ref").asText().substring(1)) : parameter;
    }
}
