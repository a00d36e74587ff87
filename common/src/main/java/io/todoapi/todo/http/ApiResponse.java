package io.todoapi.todo.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operation answers, before the pipeline adds the headers every response carries (CORS, caching,
 * nosniff). {@code body} is {@code null} for 204 and 304.
 */
public record ApiResponse(int statusCode, Map<String, String> headers, String body) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    static ApiResponse json(int statusCode, String contentType, String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType);
        return new ApiResponse(statusCode, all, body);
    }
}
