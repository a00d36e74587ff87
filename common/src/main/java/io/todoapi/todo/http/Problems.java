package io.todoapi.todo.http;

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
import io.todoapi.todo.json.TodoJson;
import java.util.List;
import java.util.Map;

/**
 * The one place where failures become HTTP: each {@link ApiException} maps to exactly one status and an RFC 9457
 * problem body. Anything else is a 500 whose body says nothing about the cause.
 */
public final class Problems {

    public static final String INVALID_REQUEST = "urn:todo-api:problem:invalid-request";
    public static final String IDEMPOTENCY_KEY_REUSED = "urn:todo-api:problem:idempotency-key-reused";
    /** RFC 9457: the problem has no semantics beyond its HTTP status; the title is the status phrase. */
    public static final String ABOUT_BLANK = "about:blank";
    /** Seconds a caller should wait before retrying a 503 (the Retry-After header). */
    public static final int RETRY_AFTER_SECONDS = 1;

    private Problems() {}

    public static ApiResponse of(ApiException failure) {
        return switch (failure) {
            case InvalidRequestException e ->
                problem(400, INVALID_REQUEST, "Invalid request", e.getMessage(), e.errors(), Map.of());
            case UnauthorizedException e ->
                problem(
                        401,
                        ABOUT_BLANK,
                        "Unauthorized",
                        e.getMessage(),
                        List.of(),
                        Map.of("WWW-Authenticate", "Bearer"));
            case TodoNotFoundException e -> problem(404, ABOUT_BLANK, "Not Found", e.getMessage(), List.of(), Map.of());
            case VersionMismatchException e ->
                problem(
                        412,
                        ABOUT_BLANK,
                        "Precondition Failed",
                        "Todo " + e.todoId() + " has changed since the version in If-Match; fetch it again and retry.",
                        List.of(),
                        Map.of());
            case PayloadTooLargeException e ->
                problem(413, ABOUT_BLANK, "Content Too Large", e.getMessage(), List.of(), Map.of());
            case UnsupportedMediaTypeException e ->
                problem(
                        415,
                        ABOUT_BLANK,
                        "Unsupported Media Type",
                        e.getMessage(),
                        List.of(),
                        Map.of(e.acceptHeader(), String.join(", ", e.accepted())));
            case IdempotencyKeyReusedException e ->
                problem(422, IDEMPOTENCY_KEY_REUSED, "Idempotency-Key reused", e.getMessage(), List.of(), Map.of());
            case StorageUnavailableException e ->
                problem(
                        503,
                        ABOUT_BLANK,
                        "Service Unavailable",
                        "The service is temporarily unavailable; retry in " + RETRY_AFTER_SECONDS + " second.",
                        List.of(),
                        Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
        };
    }

    /** The answer to a failure nobody anticipated: no exception text, class or stack trace leaves the function. */
    public static ApiResponse unexpected() {
        return problem(
                500,
                ABOUT_BLANK,
                "Internal Server Error",
                "The server failed to process the request; it has been logged.",
                List.of(),
                Map.of());
    }

    private static ApiResponse problem(
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, String> headers) {
        return ApiResponse.json(
                status, MediaTypes.PROBLEM_JSON, TodoJson.problem(type, title, status, detail, errors), headers);
    }
}
