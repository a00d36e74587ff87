package io.todoapi.todo.local;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response before local-api adds its request id header: status, headers (in order) and body. */
record LocalResponse(int status, Map<String, List<String>> headers, byte[] body) {

    static LocalResponse of(int status, String contentType, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        return new LocalResponse(status, headers, body);
    }

    static LocalResponse of(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A gateway response as local-api sends it. */
    static LocalResponse of(GatewayResponses.Response rendered) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        rendered.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return new LocalResponse(rendered.status(), headers, rendered.body());
    }

    LocalResponse withStatus(int newStatus) {
        return new LocalResponse(newStatus, headers, body);
    }

    /** This response with header {@code name} set to {@code value} (replacing any value it had). */
    LocalResponse withHeader(String name, String value) {
        Map<String, List<String>> changed = new LinkedHashMap<>(headers);
        changed.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        changed.put(name, List.of(value));
        return new LocalResponse(status, changed, body);
    }

    /** This response with every header of {@code added} set. */
    LocalResponse withHeaders(Map<String, String> added) {
        LocalResponse response = this;
        for (Map.Entry<String, String> header : added.entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }
}
