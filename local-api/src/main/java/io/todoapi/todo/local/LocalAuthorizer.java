package io.todoapi.todo.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stands in for API Gateway's Cognito user-pool authorizer: the payload of the bearer JWT in {@code Authorization}
 * becomes {@code requestContext.authorizer.claims} (values as strings, as API Gateway passes them). The token's
 * signature, issuer and audience are NOT checked: this is for local use only. An expired token ({@code exp} in
 * the past) or one that is not a JWT with a {@code sub} is rejected like the real authorizer rejects it. Without
 * the header the caller is a default local user, unless {@code requireToken}.
 */
final class LocalAuthorizer {

    /** Why a request is not authorized (becomes the UNAUTHORIZED gateway response). */
    static final class Unauthorized extends Exception {
        Unauthorized(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The app client id of the template's user pool client, locally: the functions accept ID tokens whose
     * {@code aud} is this (template.yaml gives them the client's id as USER_POOL_CLIENT_ID).
     */
    static final String CLIENT_ID = "local-client";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String defaultUser;
    private final boolean requireToken;
    private final Clock clock;

    LocalAuthorizer(String defaultUser, boolean requireToken, Clock clock) {
        this.defaultUser = defaultUser;
        this.requireToken = requireToken;
        this.clock = clock;
    }

    /** The claims of the caller of a request with this Authorization header (null when absent). */
    Map<String, Object> claims(String authorization) throws Unauthorized {
        if (authorization == null || authorization.isBlank()) {
            if (requireToken) {
                throw new Unauthorized("Unauthorized");
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", defaultUser);
            claims.put("cognito:username", defaultUser);
            claims.put("token_use", "id");
            claims.put("aud", CLIENT_ID);
            claims.put("email", defaultUser + "@localhost");
            return claims;
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
            throw new Unauthorized("The incoming token has expired");
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
            JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            return payload != null && payload.isObject() ? Optional.of(payload) : Optional.empty();
        } catch (IllegalArgumentException | java.io.IOException e) {
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
