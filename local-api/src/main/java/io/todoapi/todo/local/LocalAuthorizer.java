package io.todoapi.todo.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stands in for API Gateway's Cognito user-pool authorizer: the payload of the bearer JWT in {@code Authorization}
 * becomes {@code requestContext.authorizer.claims} (values as strings, as API Gateway passes them, unchanged: the
 * functions themselves check {@code token_use} and {@code aud}). The token's signature and issuer are NOT checked:
 * this is for local use only. An expired token ({@code exp} in the past), one that is not a JWT with a {@code sub},
 * and a header that is present but empty are rejected like the real authorizer rejects them. Without the header
 * the caller is a default local user, unless {@code requireToken}.
 */
final class LocalAuthorizer {

    /** Why a request is not authorized (becomes the UNAUTHORIZED gateway response). */
    static final class Unauthorized extends Exception {
        Unauthorized(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The app client id of the local stack: template.yaml's {@code Ref} to its Cognito app client resolves to it
     * ({@code USER_POOL_CLIENT_ID}), so local ID tokens carry it as {@code aud}, and so does the default user.
     */
    static final String LOCAL_CLIENT_ID = "local-client";
    /** API Gateway's message for a token whose {@code exp} has passed ({@code $context.error.message}). */
    static final String EXPIRED = "The incoming token has expired";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String defaultUser;
    private final boolean requireToken;
    private final Clock clock;

    LocalAuthorizer(String defaultUser, boolean requireToken, Clock clock) {
        this.defaultUser = defaultUser;
        this.requireToken = requireToken;
        this.clock = clock;
    }

    /**
     * The claims of the caller of a request with this Authorization header: null when the request has none, an
     * empty string when it has one without a value (rejected, as deployed).
     */
    Map<String, Object> claims(String authorization) throws Unauthorized {
        if (authorization == null) {
            if (requireToken) {
                throw new Unauthorized("Unauthorized");
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", defaultUser);
            claims.put("cognito:username", defaultUser);
            claims.put("token_use", "id");
            claims.put("aud", LOCAL_CLIENT_ID);
            claims.put("email", defaultUser + "@localhost");
            return claims;
        }
        if (authorization.isBlank()) {
            throw new Unauthorized("Unauthorized");
        }
        String token = authorization.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        JsonNode payload = payload(token).orElseThrow(() -> new Unauthorized("Unauthorized"));
        JsonNode sub = payload.get("sub");
        if (sub == null || !sub.isTextual() || sub.asText().isBlank()) {
            throw new Unauthorized("Unauthorized");
        }
        JsonNode exp = payload.get("exp");
        if (exp != null && exp.isNumber() && exp.asLong() < clock.instant().getEpochSecond()) {
            throw new Unauthorized(EXPIRED);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        payload.properties().forEach(entry -> claims.put(entry.getKey(), text(entry.getValue())));
        return claims;
    }

    private static Optional<JsonNode> payload(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode payload =
                    JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return payload != null && payload.isObject() ? Optional.of(payload) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** Claims reach the function as strings; arrays as {@code [a, b]} (how API Gateway renders cognito:groups). */
    private static String text(JsonNode value) {
        if (value.isArray()) {
            StringBuilder out = new StringBuilder("[");
            value.forEach(item -> out.append(out.length() > 1 ? ", " : "").append(item.asText()));
            return out.append(']').toString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
