package io.todoapi.todo.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operation answers, before the pipeline adds the headers every response carries (CORS, caching,
 * nosniff). {@code body} is {@code null} for 204 and 304. {@code idempotentReplay} says that it repeats the answer
 * to an earlier request with the same Idempotency-Key (for the metrics; the client sees the same response).
 */
public record ApiResponse(int statusCode, Map<String, String> headers, String body, boolean idempotentReplay) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public ApiResponse(int statusCode, Map<String, String> headers, String body) {
        this(statusCode, headers, body, false);
    }

    /** This response, as the replay of an earlier request's. */
    public ApiResponse asIdempotentReplay() {
        return new ApiResponse(statusCode, headers, body, true);
    }

    static ApiResponse json(int statusCode, String contentType, String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType);
        return new ApiResponse(statusCode, all, body);
    }
}
