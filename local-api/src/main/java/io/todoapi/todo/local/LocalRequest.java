package io.todoapi.todo.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as local-api received it: its id ({@code x-amzn-RequestId}, {@code $context.requestId}), the
 * method (upper case), the raw (still percent-encoded) path and query, the headers by case-insensitive name and the
 * body bytes.
 */
record LocalRequest(
        String id, String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    /** The last value of header {@code name}, or null when the request has none. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getLast();
    }

    /** The last value of every header (what API Gateway puts in the event's {@code headers}). */
    Map<String, String> singleHeaders() {
        Map<String, String> single = new LinkedHashMap<>();
        headers.forEach((name, values) -> single.put(name, values.getLast()));
        return single;
    }

    boolean isRead() {
        return method.equals("GET") || method.equals("HEAD");
    }
}
