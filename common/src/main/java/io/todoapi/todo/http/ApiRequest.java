package io.todoapi.todo.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.InvalidRequestException;
import io.todoapi.todo.error.PayloadTooLargeException;
import io.todoapi.todo.error.UnauthorizedException;
import io.todoapi.todo.error.UnsupportedMediaTypeException;
import io.todoapi.todo.json.JsonBodyParser;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoLimits;
import io.todoapi.todo.model.TodoPatch;
import io.todoapi.todo.validation.TodoValidator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A REST API (v1) proxy event read the way the operations need it: the caller from the Cognito claims,
 * case-insensitive headers, validated parameters and bodies. Every accessor either returns valid input or throws
 * the {@code ApiException} that becomes the right 4xx.
 */
public final class ApiRequest {

    private static final int MAX_OWNER_LENGTH = 256;

    private final APIGatewayProxyRequestEvent event;
    private final String owner;
    private final Map<String, String> headers;

    private ApiRequest(APIGatewayProxyRequestEvent event, String owner, Map<String, String> headers) {
        this.event = event;
        this.owner = owner;
        this.headers = headers;
    }

    /**
     * Reads the caller identity first: without one, nothing else about the request matters (401). {@code audience}
     * is the app client id the caller's ID token must have been issued to.
     */
    public static ApiRequest of(APIGatewayProxyRequestEvent event, String audience) {
        return new ApiRequest(event, ownerOf(event, audience), headersOf(event));
    }

    /** The caller: the {@code sub} claim of an ID token that API Gateway's Cognito authorizer verified. */
    public String owner() {
        return owner;
    }

    /** The {@code todoId} path parameter, which must be a lowercase UUID (anything else is a 400). */
    public String todoId() {
        Map<String, String> path = event.getPathParameters();
        String id = path == null ? null : path.get("todoId");
        if (id == null || !TodoLimits.TODO_ID.matcher(id).matches()) {
            throw new InvalidRequestException(
                    "The todo id in the path is not valid.",
                    FieldError.parameter("todoId", "must be a todo id (a lowercase UUID)"));
        }
        return id;
    }

    /** A header's value; repeated headers are joined with ", " as HTTP allows for list-valued headers. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<String> queryParameter(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        return Optional.ofNullable(query == null ? null : query.get(name));
    }

    /** The body of createTodo: {@code application/json}, at most 16 KiB, a valid {@code NewTodo}. */
    public NewTodo newTodo() {
        return TodoValidator.newTodo(JsonBodyParser.parseObject(body("Accept-Post", List.of(MediaTypes.JSON))));
    }

    /** The body of updateTodo: a JSON Merge Patch, at most 16 KiB, a valid {@code TodoPatch}. */
    public TodoPatch patch() {
        return TodoValidator.patch(JsonBodyParser.parseObject(
                body("Accept-Patch", List.of(MediaTypes.MERGE_PATCH_JSON, MediaTypes.JSON))));
    }

    /** The If-Match condition of updateTodo and deleteTodo. */
    public Precondition ifMatch() {
        return EntityTags.ifMatch(headers.get(EntityTags.IF_MATCH));
    }

    /** Whether getTodo's If-None-Match matches {@code todo}'s current entity tag (the answer is then a 304). */
    public boolean ifNoneMatchHits(Todo todo) {
        return EntityTags.noneMatchHits(headers.get(EntityTags.IF_NONE_MATCH), todo);
    }

    /** The {@code limit} query parameter: 1..100, 20 when absent. */
    public int limit() {
        String value = queryParameter("limit").orElse(null);
        if (value == null) {
            return TodoLimits.LIST_DEFAULT_LIMIT;
        }
        // At most three digits: never an overflow, and "0042"-style values are no harder to read than "42".
        int limit = !value.isEmpty() && value.length() <= 3 && value.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Integer.parseInt(value)
                : -1;
        if (limit < TodoLimits.LIST_MIN_LIMIT || limit > TodoLimits.LIST_MAX_LIMIT) {
            throw new InvalidRequestException(
                    "The limit query parameter is not valid.",
                    FieldError.parameter(
                            "limit",
                            "must be an integer from " + TodoLimits.LIST_MIN_LIMIT + " to "
                                    + TodoLimits.LIST_MAX_LIMIT));
        }
        return limit;
    }

    /** The id to continue after, from the {@code nextToken} query parameter, if any. */
    public Optional<String> pageStart() {
        return queryParameter(PageTokens.PARAMETER).map(token -> PageTokens.decode(owner, token));
    }

    /** The {@code Idempotency-Key} header of createTodo, if sent: 1..128 of {@code [A-Za-z0-9_-]}. */
    public Optional<String> idempotencyKey() {
        String key = headers.get("Idempotency-Key");
        if (key == null) {
            return Optional.empty();
        }
        if (!TodoLimits.IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidRequestException(
                    "The Idempotency-Key header is not valid.",
                    FieldError.header("Idempotency-Key", "must be 1 to 128 characters of A-Z, a-z, 0-9, _ and -"));
        }
        return Optional.of(key);
    }

    private byte[] body(String acceptHeader, List<String> mediaTypes) {
        requireMediaType(acceptHeader, mediaTypes);
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            throw new InvalidRequestException(
                    "The request body is missing.", FieldError.wholeBody("is required: send a JSON object"));
        }
        boolean base64 = Boolean.TRUE.equals(event.getIsBase64Encoded());
        // Every char is at least one byte of UTF-8, and base64 takes 4 chars per 3 bytes: a body longer than this
        // is too large whatever it holds, and is rejected before any copy is made.
        if (body.length() > (base64 ? (TodoLimits.MAX_BODY_BYTES / 3 + 1) * 4 : TodoLimits.MAX_BODY_BYTES)) {
            throw new PayloadTooLargeException(TodoLimits.MAX_BODY_BYTES);
        }
        byte[] bytes;
        if (base64) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(
                        "The request body is not valid base64.", FieldError.wholeBody("is not valid base64"));
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > TodoLimits.MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(TodoLimits.MAX_BODY_BYTES);
        }
        return bytes;
    }

    private void requireMediaType(String acceptHeader, List<String> mediaTypes) {
        String contentType = headers.get("Content-Type");
        if (contentType == null || !isAccepted(contentType, mediaTypes)) {
            throw new UnsupportedMediaTypeException(acceptHeader, mediaTypes);
        }
    }

    /** {@code type/subtype} must be one of {@code accepted}; a charset parameter, if any, must be UTF-8. */
    static boolean isAccepted(String contentType, List<String> accepted) {
        String[] parts = contentType.split(";");
        if (!accepted.contains(parts[0].trim().toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter.length == 2 ? parameter[1].trim().replace("\"", "") : "";
                if (!charset.equalsIgnoreCase("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The {@code sub} of the verified token's claims. API Gateway's Cognito authorizer checks the signature, issuer and
     * expiry, but not which app client the token was issued to, and it accepts access tokens too: so the token must
     * also be an ID token ({@code token_use}) of this API's app client ({@code aud}), or a token of any other client
     * of the user pool would do.
     */
    private static String ownerOf(APIGatewayProxyRequestEvent event, String audience) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        Map<String, Object> authorizer = context == null ? null : context.getAuthorizer();
        Map<?, ?> claims = authorizer != null && authorizer.get("claims") instanceof Map<?, ?> map ? map : Map.of();
        Object sub = claims.get("sub");
        if (!(sub instanceof String owner)
                || owner.isBlank()
                || owner.length() > MAX_OWNER_LENGTH
                || owner.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new UnauthorizedException("The request has no valid caller identity: send a valid bearer token.");
        }
        if (!"id".equals(claims.get("token_use")) || !audience.equals(claims.get("aud"))) {
            throw new UnauthorizedException("The bearer token is not an ID token of this API's app client.");
        }
        return owner;
    }

    private static Map<String, String> headersOf(APIGatewayProxyRequestEvent event) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, List<String>> multi = event.getMultiValueHeaders();
        if (multi != null && !multi.isEmpty()) {
            multi.forEach((name, values) -> {
                if (values != null && !values.isEmpty()) {
                    headers.merge(name, String.join(", ", values), (a, b) -> a + ", " + b);
                }
            });
        } else if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> {
                if (value != null) {
                    headers.merge(name, value, (a, b) -> a + ", " + b);
                }
            });
        }
        return headers;
    }
}
