package io.todoapi.todo.local;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders API Gateway's own responses (unauthorized, bad request body, missing route, 5XX, ...) from the
 * {@code x-amazon-apigateway-gateway-responses} of openapi.yaml, as API Gateway does: a type without its own
 * entry falls back to DEFAULT_4XX or DEFAULT_5XX; header values are static ({@code 'value'}) or request headers
 * ({@code method.request.header.Name}); templates may use the {@code $context} variables below. What the client
 * sent (path, method, header values) appears in a response as an excerpt of at most
 * {@value ClientText#MAX_ECHO} characters.
 */
final class GatewayResponses {

    /** A rendered response. */
    record Response(int status, Map<String, String> headers, byte[] body) {}

    /**
     * Which gateway response: its {@code type} (e.g. {@code BAD_REQUEST_BODY}), {@code $context.error.message}
     * and {@code $context.error.validationErrorString} (may be empty).
     */
    record Error(String type, String message, String validationErrors) {
        static Error of(String type, String message) {
            return new Error(type, message, "");
        }
    }

    /**
     * The request it answers: the {@code $context} values ({@code resourcePath} is the route's template, or the
     * request's path when no route matched) and the request headers.
     */
    record Request(String requestId, String method, String resourcePath, String path, Map<String, String> headers) {}

    /** API Gateway's status for each response type when the spec does not set one. */
    private static final Map<String, Integer> DEFAULT_STATUS = Map.ofEntries(
            Map.entry("ACCESS_DENIED", 403),
            Map.entry("API_CONFIGURATION_ERROR", 500),
            Map.entry("AUTHORIZER_CONFIGURATION_ERROR", 500),
            Map.entry("AUTHORIZER_FAILURE", 500),
            Map.entry("BAD_REQUEST_BODY", 400),
            Map.entry("BAD_REQUEST_PARAMETERS", 400),
            Map.entry("DEFAULT_4XX", 400),
            Map.entry("DEFAULT_5XX", 500),
            Map.entry("EXPIRED_TOKEN", 403),
            Map.entry("INTEGRATION_FAILURE", 504),
            Map.entry("INTEGRATION_TIMEOUT", 504),
            Map.entry("INVALID_API_KEY", 403),
            Map.entry("INVALID_SIGNATURE", 403),
            Map.entry("MISSING_AUTHENTICATION_TOKEN", 403),
            Map.entry("QUOTA_EXCEEDED", 429),
            Map.entry("REQUEST_TOO_LARGE", 413),
            Map.entry("RESOURCE_NOT_FOUND", 404),
            Map.entry("THROTTLED", 429),
            Map.entry("UNAUTHORIZED", 401),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", 415),
            Map.entry("WAF_FILTERED", 403));

    private final Map<String, ApiSpec.GatewayResponse> configured;
    private final String stage;

    GatewayResponses(ApiSpec spec, String stage) {
        this.configured = spec.gatewayResponses();
        this.stage = stage;
    }

    /** The gateway response {@code error} for {@code request}. */
    Response render(Error error, Request request) {
        String type = error.type();
        int defaultStatus = DEFAULT_STATUS.getOrDefault(type, 500);
        ApiSpec.GatewayResponse fallback = configured.get(defaultStatus >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX");
        ApiSpec.GatewayResponse response = configured.getOrDefault(type, fallback);
        Integer configuredStatus = configured.containsKey(type) ? response.status() : null;
        int status = configuredStatus != null ? configuredStatus : defaultStatus;

        Map<String, String> headers = new LinkedHashMap<>();
        String mediaType = "application/json";
        String template = "{\"message\":$context.error.messageString}";
        if (response != null && !response.templates().isEmpty()) {
            mediaType = response.templates().containsKey("application/json")
                    ? "application/json"
                    : response.templates().keySet().iterator().next();
            template = response.templates().get(mediaType);
        }
        // The template's media type, unless the response sets Content-Type itself (e.g. application/problem+json).
        headers.put("Content-Type", mediaType);
        if (response != null) {
            response.headers().forEach((name, value) -> {
                String rendered = headerValue(value, request.headers());
                if (rendered != null) {
                    headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
                    headers.put(name, rendered);
                }
            });
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put("$context.error.messageString", quote(error.message()));
        context.put("$context.error.message", escape(error.message()));
        context.put("$context.error.validationErrorString", escape(error.validationErrors()));
        context.put("$context.error.responseType", type);
        context.put("$context.requestId", request.requestId());
        context.put("$context.extendedRequestId", request.requestId());
        context.put("$context.httpMethod", escape(ClientText.excerpt(request.method())));
        context.put("$context.resourcePath", escape(ClientText.excerpt(request.resourcePath())));
        context.put("$context.path", escape(ClientText.excerpt("/" + stage + request.path())));
        context.put("$context.stage", stage);
        String body = template;
        for (Map.Entry<String, String> variable : context.entrySet()) {
            body = body.replace(variable.getKey(), variable.getValue());
        }
        body = body.replaceAll("\\$\\{?context\\.[A-Za-z.]+}?", "");
        return new Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String headerValue(String mapping, Map<String, String> requestHeaders) {
        String value = mapping.trim();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        if (value.startsWith("method.request.header.")) {
            String name = value.substring("method.request.header.".length());
            return requestHeaders.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> ClientText.excerpt(entry.getValue()))
                    .findFirst()
                    .orElse(null);
        }
        return null;
    }

    /** A JSON string literal with quotes, as {@code $context.error.messageString} is. */
    static String quote(String text) {
        return "\"" + escape(text) + "\"";
    }

    /** JSON string escaping (API Gateway escapes the values it puts in templates). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
