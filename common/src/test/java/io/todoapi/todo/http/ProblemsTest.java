package io.todoapi.todo.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.error.ApiException;
import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.IdempotencyKeyReusedException;
import io.todoapi.todo.error.InvalidRequestException;
import io.todoapi.todo.error.PayloadTooLargeException;
import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.error.TodoNotFoundException;
import io.todoapi.todo.error.UnauthorizedException;
import io.todoapi.todo.error.UnsupportedMediaTypeException;
import io.todoapi.todo.error.VersionMismatchException;
import io.todoapi.todo.testing.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemsTest {

    static Stream<Arguments> failures() {
        String id = "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60";
        return Stream.of(
                Arguments.of(
                        new InvalidRequestException("bad", FieldError.body("title", "is required")),
                        400,
                        Problems.INVALID_REQUEST,
                        "Invalid request"),
                Arguments.of(new UnauthorizedException("who?"), 401, "about:blank", "Unauthorized"),
                Arguments.of(new TodoNotFoundException(id), 404, "about:blank", "Not Found"),
                Arguments.of(new VersionMismatchException(id), 412, "about:blank", "Precondition Failed"),
                Arguments.of(new PayloadTooLargeException(16384), 413, "about:blank", "Content Too Large"),
                Arguments.of(
                        new UnsupportedMediaTypeException("Accept-Post", List.of("application/json")),
                        415,
                        "about:blank",
                        "Unsupported Media Type"),
                Arguments.of(
                        new IdempotencyKeyReusedException(),
                        422,
                        Problems.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key reused"),
                Arguments.of(
                        new StorageUnavailableException(new RuntimeException("x")),
                        503,
                        "about:blank",
                        "Service Unavailable"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailureMapsToOneStatusAndAProblemBody(ApiException failure, int status, String type, String title) {
        ApiResponse response = Problems.of(failure);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        JsonNode body = Json.parse(response.body());
        assertThat(body.get("type").asText()).isEqualTo(type);
        assertThat(body.get("title").asText()).isEqualTo(title);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        // The domain's own words, except where HTTP has to be named: what to send again, when to retry.
        String detail = switch (failure) {
            case VersionMismatchException e ->
                "Todo " + e.todoId() + " has changed since the version in If-Match; fetch it again and retry.";
            case StorageUnavailableException e -> "The service is temporarily unavailable; retry in 1 second.";
            default -> failure.getMessage();
        };
        assertThat(body.get("detail").asText()).isEqualTo(detail);
        assertThat(body.has("errors")).isEqualTo(status == 400);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void statusSpecificHeadersAreSet(ApiException failure, int status, String type, String title) {
        ApiResponse response = Problems.of(failure);
        switch (status) {
            case 401 -> assertThat(response.headers()).containsEntry("WWW-Authenticate", "Bearer");
            case 415 -> assertThat(response.headers()).containsEntry("Accept-Post", "application/json");
            case 503 -> assertThat(response.headers()).containsEntry("Retry-After", "1");
            default -> assertThat(response.headers()).containsOnlyKeys("Content-Type");
        }
    }
}
