package io.todoapi.todo.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Unsigned JWTs for local-api's authorizer (which reads the claims and does not check signatures). */
final class Tokens {

    private Tokens() {}

    /** A JWT whose payload is {@code payloadJson}. */
    static String jwt(String payloadJson) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\",\"kid\":\"local\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString("not-a-real-signature".getBytes(StandardCharsets.UTF_8));
    }

    /** {@code Bearer <jwt>} for a Cognito-like ID token of {@code sub}, issued to the local app client. */
    static String bearer(String sub) {
        return "Bearer "
                + jwt("{\"sub\":\"" + sub + "\",\"cognito:username\":\"" + sub + "\",\"token_use\":\"id\","
                        + "\"aud\":\"" + LocalAuthorizer.LOCAL_CLIENT_ID + "\",\"email\":\"" + sub
                        + "@example.com\",\"exp\":4102444800}");
    }
}
