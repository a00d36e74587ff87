package io.todoapi.todo.http;

import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.InvalidRequestException;
import io.todoapi.todo.model.TodoLimits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque {@code nextToken} of listTodos: base64url of a format byte, the id of the last todo returned (16
 * bytes) and an 8-byte SHA-256 check over the caller's identity and that id. The token never chooses the
 * partition: the list always queries the caller's own, so a forged token cannot reach another user's data. The
 * check makes a token that was altered, truncated or issued to a different caller a 400 instead of a silent jump
 * to some other position.
 */
public final class PageTokens {

    static final String PARAMETER = "nextToken";
    private static final byte FORMAT = 1;
    private static final int CHECK_BYTES = 8;
    private static final int TOKEN_BYTES = 1 + 16 + CHECK_BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PageTokens() {}

    public static String encode(String owner, String lastId) {
        UUID id = UUID.fromString(lastId);
        ByteBuffer buffer = ByteBuffer.allocate(TOKEN_BYTES)
                .put(FORMAT)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .put(check(owner, id));
        return ENCODER.encodeToString(buffer.array());
    }

    /** The id to continue after; a 400 for anything that {@link #encode} did not produce for this caller. */
    public static String decode(String owner, String token) {
        byte[] bytes = null;
        if (token.length() <= TodoLimits.NEXT_TOKEN_MAX_LENGTH && token.indexOf('=') < 0) {
            try {
                bytes = DECODER.decode(token);
            } catch (IllegalArgumentException notBase64) {
                bytes = null;
            }
        }
        if (bytes == null || bytes.length != TOKEN_BYTES || bytes[0] != FORMAT) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, 16);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        if (!MessageDigest.isEqual(check(owner, id), Arrays.copyOfRange(bytes, 17, TOKEN_BYTES))
                || !ENCODER.encodeToString(bytes).equals(token)) {
            throw invalid();
        }
        return id.toString();
    }

    private static byte[] check(String owner, UUID id) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("todo-api/nextToken/v1\0".getBytes(StandardCharsets.UTF_8));
            digest.update(owner.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(ByteBuffer.allocate(16)
                    .putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits())
                    .array());
            return Arrays.copyOf(digest.digest(), CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException(
                "The nextToken is not valid for this list.",
                FieldError.parameter(
                        PARAMETER, "is not a token returned by this API for your list; start again" + " without it"));
    }
}
