package io.todoapi.todo.priming;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import io.todoapi.todo.config.InvocationContext;
import io.todoapi.todo.http.PageTokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synthetic API Gateway events each function answers while it primes itself: valid requests of its own
 * operation, shaped like the ones API Gateway sends (claims, headers, query, body), covering the branches a real
 * first request takes (with and without Idempotency-Key, a continued page, If-Match, a merge patch that sets and
 * removes fields). {@code audience} is the app client id the function accepts ID tokens of.
 */
public final class PrimingEvents {

    /** The caller of every priming event; not a Cognito sub (those are UUIDs), so it names no real user. */
    public static final String OWNER = "snapstart-priming";
    /** The todo the get, update and delete events address, and the item every canned read returns. */
    public static final String TODO_ID = "01940000-0000-7000-8000-000000000000";
    /** The request id of every priming event; Powertools logs it as the correlation id of the priming log lines. */
    public static final String REQUEST_ID = "snapstart-priming";

    private PrimingEvents() {}

    /**
     * The Lambda context of a priming invocation of {@code functionName}: the priming request id, version and log
     * stream, and 10 s to answer.
     */
    public static Context context(String functionName) {
        return new InvocationContext(
                REQUEST_ID,
                functionName,
                "snapstart-priming",
                "arn:aws:lambda:::function:" + functionName,
                "snapstart-priming",
                0,
                System.currentTimeMillis() + 10_000);
    }

    public static List<APIGatewayProxyRequestEvent> createTodo(String audience) {
        String body = "{\"title\":\"Prime the function\",\"description\":\"Warms the create path\","
                + "\"completed\":false,\"dueDate\":\"2026-12-31\"}";
        return List.of(
                event(audience, "POST", "/todos", "/todos")
                        .withBody(body)
                        .withHeaders(headers("Content-Type", "application/json")),
                event(audience, "POST", "/todos", "/todos")
                        .withBody(body)
                        .withHeaders(headers(
                                "Content-Type",
                                "application/json; charset=utf-8",
                                "Idempotency-Key",
                                "snapstart-priming")));
    }

    public static List<APIGatewayProxyRequestEvent> listTodos(String audience) {
        return List.of(
                event(audience, "GET", "/todos", "/todos"),
                event(audience, "GET", "/todos", "/todos")
                        .withQueryStringParameters(
                                Map.of("limit", "50", "nextToken", PageTokens.encode(OWNER, TODO_ID))));
    }

    public static List<APIGatewayProxyRequestEvent> getTodo(String audience) {
        return List.of(
                event(audience, "GET", "/todos/{todoId}", "/todos/" + TODO_ID)
                        .withPathParameters(Map.of("todoId", TODO_ID)),
                event(audience, "GET", "/todos/{todoId}", "/todos/" + TODO_ID)
                        .withPathParameters(Map.of("todoId", TODO_ID))
                        .withHeaders(headers("If-None-Match", "\"1\"")));
    }

    public static List<APIGatewayProxyRequestEvent> updateTodo(String audience) {
        return List.of(event(audience, "PATCH", "/todos/{todoId}", "/todos/" + TODO_ID)
                .withPathParameters(Map.of("todoId", TODO_ID))
                .withHeaders(headers("Content-Type", "application/merge-patch+json", "If-Match", "\"1\""))
                .withBody("{\"title\":\"Primed\",\"completed\":true,\"dueDate\":null}"));
    }

    public static List<APIGatewayProxyRequestEvent> deleteTodo(String audience) {
        return List.of(event(audience, "DELETE", "/todos/{todoId}", "/todos/" + TODO_ID)
                .withPathParameters(Map.of("todoId", TODO_ID))
                .withHeaders(headers("If-Match", "\"1\"")));
    }

    private static APIGatewayProxyRequestEvent event(String audience, String method, String resource, String path) {
        Map<String, Object> authorizer = new LinkedHashMap<>();
        authorizer.put("claims", Map.of("sub", OWNER, "token_use", "id", "aud", audience));
        ProxyRequestContext context = new ProxyRequestContext()
                .withRequestId(REQUEST_ID)
                .withHttpMethod(method)
                .withResourcePath(resource)
                .withPath("/prod" + path)
                .withStage("prod")
                // Members API Gateway always sends, so that their deserialization is primed too.
                .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity()
                        .withSourceIp("127.0.0.1")
                        .withUserAgent("snapstart-priming"))
                .withRequestTimeEpoch(1_767_225_600_000L);
        context.setAuthorizer(authorizer);
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withResource(resource)
                .withPath(path)
                .withHeaders(headers())
                .withRequestContext(context)
                .withIsBase64Encoded(false);
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
