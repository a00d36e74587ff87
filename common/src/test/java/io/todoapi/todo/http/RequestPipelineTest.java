package io.todoapi.todo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.config.CredentialsUnavailableException;
import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.testing.CapturedLogs;
import io.todoapi.todo.testing.EmfLines;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.Json;
import io.todoapi.todo.testing.TestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class RequestPipelineTest {

    private static final RequestPipeline ANY_ORIGIN = Events.pipeline();

    private static APIGatewayProxyResponseEvent run(
            RequestPipeline api, APIGatewayProxyRequestEvent event, RequestPipeline.Operation operation) {
        return api.handle(event, TestContext.of("TestFunction"), operation);
    }

    @Test
    void everyResponseCarriesCorsAndSafetyHeaders() {
        APIGatewayProxyResponseEvent response =
                run(ANY_ORIGIN, Events.load("delete-todo"), request -> ApiResponses.noContent());
        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders())
                .containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Access-Control-Expose-Headers", "ETag, Location, Retry-After")
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .doesNotContainKey("Vary");
    }

    @Test
    void aConfiguredOriginIsSentWithVaryOriginOnErrorsToo() {
        RequestPipeline api = new RequestPipeline("https://app.example.com", Events.FIXTURE_AUDIENCE);
        APIGatewayProxyResponseEvent response =
                run(api, Events.withOwner(Events.load("get-todo"), null), request -> ApiResponses.noContent());
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders())
                .containsEntry("Access-Control-Allow-Origin", "https://app.example.com")
                .containsEntry("Vary", "Origin")
                .containsEntry("WWW-Authenticate", "Bearer")
                .containsEntry("Content-Type", "application/problem+json");
    }

    @Test
    void withoutClaimsTheOperationNeverRuns() {
        AtomicBoolean ran = new AtomicBoolean();
        APIGatewayProxyResponseEvent response =
                run(ANY_ORIGIN, Events.withOwner(Events.load("create-todo"), null), request -> {
                    ran.set(true);
                    return ApiResponses.noContent();
                });
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(ran).isFalse();
        JsonNode problem = Json.parse(response.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isEqualTo("Unauthorized");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
    }

    @Test
    void anUnexpectedFailureIsA500ThatRevealsNothing() {
        APIGatewayProxyResponseEvent response = run(ANY_ORIGIN, Events.load("get-todo"), request -> {
            throw new IllegalStateException("table todos-prod in account 123456789012 is secret");
        });
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody())
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
                        + "\"detail\":\"The server failed to process the request; it has been logged.\"}")
                .doesNotContain("IllegalState", "todos-prod", "123456789012", "at io.");
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/problem+json")
                .containsEntry("Access-Control-Allow-Origin", "*");
    }

    @Test
    void missingCredentialsAreA500WithAnErrorLogNamingTheCauseNeverA503() {
        try (CapturedLogs logs = new CapturedLogs()) {
            APIGatewayProxyResponseEvent response = run(ANY_ORIGIN, Events.load("get-todo"), request -> {
                throw new CredentialsUnavailableException("The function has no AWS credentials: test", null);
            });
            assertThat(response.getStatusCode()).isEqualTo(500);
            assertThat(response.getHeaders()).doesNotContainKey("Retry-After");
            assertThat(response.getBody()).doesNotContain("credentials");
            JsonNode error = Json.parse(logs.lines().getFirst());
            assertThat(error.get("level").asText()).isEqualTo("ERROR");
            assertThat(error.get("message").asText()).isEqualTo("No AWS credentials: answering 500");
            assertThat(error.get("error").get("message").asText())
                    .isEqualTo("The function has no AWS credentials: test");
        }
    }

    @Test
    void storageTroubleIsA503WithRetryAfterAndNoAwsDetail() {
        APIGatewayProxyResponseEvent response = run(ANY_ORIGIN, Events.load("list-todos"), request -> {
            throw new StorageUnavailableException(ProvisionedThroughputExceededException.builder()
                    .message("Rate of requests exceeds the allowed throughput for table todos-prod")
                    .build());
        });
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(response.getBody()).doesNotContain("todos-prod", "Provisioned", "throughput");
        assertThat(Json.parse(response.getBody()).get("detail").asText())
                .isEqualTo("The service is temporarily unavailable; retry in 1 second.");
    }

    @Test
    void logsOneStructuredLineWithoutBodiesOrTokens() {
        APIGatewayProxyRequestEvent event = Events.load("create-todo");
        String token = event.getHeaders().get("Authorization");
        try (CapturedLogs logs = new CapturedLogs()) {
            run(ANY_ORIGIN, event, request -> {
                request.newTodo();
                return ApiResponses.noContent();
            });
            assertThat(logs.lines()).hasSize(1);
            JsonNode line = Json.parse(logs.lines().getFirst());
            assertThat(line.get("message").asText()).isEqualTo("POST /todos -> 204");
            assertThat(line.get("correlation_id").asText())
                    .isEqualTo(event.getRequestContext().getRequestId());
            assertThat(line.get("status").asText()).isEqualTo("204");
            assertThat(line.get("function_name").asText()).isEqualTo("TestFunction");
            assertThat(line.has("cold_start")).isTrue();
            assertThat(logs.lines().getFirst())
                    .doesNotContain(token, "Buy oat milk", "barista", "Authorization", Events.FIXTURE_OWNER);
        }
    }

    @Test
    void everyInvocationWritesOneMetricsLineWithoutTheCallerOrTheTodo() {
        List<String> emf = new ArrayList<>();
        RequestPipeline api = Events.pipeline("getTodo", emf::add);
        run(api, Events.load("get-todo"), request -> ApiResponses.noContent());
        run(api, Events.withOwner(Events.load("get-todo"), null), request -> ApiResponses.noContent());

        assertThat(emf).hasSize(2);
        JsonNode first = EmfLines.ofOperation(emf.get(0), "getTodo");
        assertThat(first.get("Requests2xx").asInt()).isEqualTo(1);
        assertThat(first.get("ColdStart").asInt()).isEqualTo(1);
        JsonNode second = EmfLines.ofOperation(emf.get(1), "getTodo");
        assertThat(second.get("Requests4xx").asInt()).as("401").isEqualTo(1);
        assertThat(second.has("ColdStart")).isFalse();
        assertThat(String.join("\n", emf)).doesNotContain(Events.FIXTURE_OWNER, Events.FIXTURE_TODO_ID);
    }

    @Test
    void anErrorThatEscapesTheOperationIsStillCountedAsA5xx() {
        List<String> emf = new ArrayList<>();
        RequestPipeline api = Events.pipeline("getTodo", emf::add);
        assertThatThrownBy(() -> run(api, Events.load("get-todo"), request -> {
                    throw new StackOverflowError("deep");
                }))
                .isInstanceOf(StackOverflowError.class);

        assertThat(emf).hasSize(1);
        assertThat(EmfLines.ofOperation(emf.getFirst(), "getTodo")
                        .get("Requests5xx")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aReplayedResponseIsCountedAsAnIdempotentReplay() {
        List<String> emf = new ArrayList<>();
        RequestPipeline api = Events.pipeline("createTodo", emf::add);
        APIGatewayProxyResponseEvent response = run(
                api,
                Events.load("create-todo"),
                request -> ApiResponses.noContent().asIdempotentReplay());

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(EmfLines.ofOperation(emf.getFirst(), "createTodo")
                        .get("IdempotentReplays")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aFailingMetricsSinkNeverFailsTheRequest() {
        RequestPipeline api = Events.pipeline("getTodo", line -> {
            throw new IllegalStateException("stdout closed");
        });
        try (CapturedLogs logs = new CapturedLogs()) {
            APIGatewayProxyResponseEvent response =
                    run(api, Events.load("get-todo"), request -> ApiResponses.noContent());
            assertThat(response.getStatusCode()).isEqualTo(204);
            assertThat(logs.lines())
                    .anySatisfy(line -> assertThat(line).contains("Could not write the request's metrics"));
        }
    }
}
