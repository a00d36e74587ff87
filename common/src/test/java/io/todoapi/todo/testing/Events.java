package io.todoapi.todo.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API Gateway REST proxy events of {@code events/} (the ones {@code sam local invoke} uses), read with the
 * Lambda runtime's own serializer, and small edits of them for the cases a test needs.
 */
public final class Events {

    private static final PojoSerializer<APIGatewayProxyRequestEvent> REQUESTS =
            LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, Events.class.getClassLoader());
    private static final PojoSerializer<APIGatewayProxyResponseEvent> RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayProxyResponseEvent.class, Events.class.getClassLoader());

    /** The {@code sub} claim of the fixtures' caller. */
    public static final String FIXTURE_OWNER = "3f8e2a41-6c5d-4b7e-9f10-a2b3c4d5e6f7";
    /** The {@code aud} claim of the fixtures' ID token: the app client id local-api and events/env.json configure. */
    public static final String FIXTURE_AUDIENCE = "local-client";
    /** The todo id in the get, update and delete fixtures. */
    public static final String FIXTURE_TODO_ID = "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60";

    private Events() {}

    /** The request pipeline of a function configured like the fixtures expect: any origin, the fixtures' client. */
    public static io.todoapi.todo.http.RequestPipeline pipeline() {
        return new io.todoapi.todo.http.RequestPipeline("*", FIXTURE_AUDIENCE);
    }

    /** As {@link #pipeline()}, writing the metrics of {@code operation} (service todo-api) to {@code emfLines}. */
    public static io.todoapi.todo.http.RequestPipeline pipeline(
            String operation, java.util.function.Consumer<String> emfLines) {
        return new io.todoapi.todo.http.RequestPipeline(
                "*",
                FIXTURE_AUDIENCE,
                new io.todoapi.todo.metrics.RequestMetrics(
                        "todo-api", operation, emfLines, java.time.Clock.systemUTC()));
    }

    /** The todo that the get, update and delete fixtures address, as it is right after creation. */
    public static io.todoapi.todo.model.Todo fixtureTodo() {
        java.time.Instant created = java.time.Instant.parse("2026-11-24T19:00:00.000Z");
        return new io.todoapi.todo.model.Todo(
                FIXTURE_TODO_ID,
                "Buy oat milk",
                "2 litres, barista edition",
                false,
                java.time.LocalDate.of(2026, 11, 30),
                created,
                created,
                1);
    }

    /** {@code events/<name>.json}, e.g. {@code load("create-todo")}. */
    public static APIGatewayProxyRequestEvent load(String name) {
        Path file = eventsDirectory().resolve(name + ".json");
        try (InputStream in = Files.newInputStream(file)) {
            return REQUESTS.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response as the Lambda runtime would serialize it for API Gateway. */
    public static String toJson(APIGatewayProxyResponseEvent response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RESPONSES.toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The event as API Gateway sends it to Lambda. */
    public static String toJson(APIGatewayProxyRequestEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        REQUESTS.toJson(event, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A response as the Lambda runtime serialized it. */
    public static APIGatewayProxyResponseEvent responseFromJson(String json) {
        return RESPONSES.fromJson(json);
    }

    public static Path eventsDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("events")) && Files.isRegularFile(dir.resolve("events/get-todo.json"))) {
                return dir.resolve("events");
            }
        }
        throw new IllegalStateException("events/ not found above " + Path.of("").toAbsolutePath());
    }

    /** Sets (or, with {@code null}, removes) a header in both the single- and multi-value maps. */
    public static APIGatewayProxyRequestEvent withHeader(APIGatewayProxyRequestEvent event, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(orEmpty(event.getHeaders()));
        Map<String, List<String>> multi = new LinkedHashMap<>(orEmpty(event.getMultiValueHeaders()));
        headers.keySet().removeIf(key -> key.equalsIgnoreCase(name));
        multi.keySet().removeIf(key -> key.equalsIgnoreCase(name));
        if (value != null) {
            headers.put(name, value);
            multi.put(name, List.of(value));
        }
        return event.withHeaders(headers).withMultiValueHeaders(multi);
    }

    public static APIGatewayProxyRequestEvent withBody(APIGatewayProxyRequestEvent event, String body) {
        return event.withBody(body).withIsBase64Encoded(false);
    }

    /** Replaces the caller: the Cognito {@code sub} claim, or no claims at all with {@code null}. */
    public static APIGatewayProxyRequestEvent withOwner(APIGatewayProxyRequestEvent event, String sub) {
        Map<String, Object> authorizer =
                new LinkedHashMap<>(orEmpty(event.getRequestContext().getAuthorizer()));
        if (sub == null) {
            authorizer.remove("claims");
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = new LinkedHashMap<>((Map<String, Object>) authorizer.get("claims"));
            claims.put("sub", sub);
            claims.put("cognito:username", sub);
            authorizer.put("claims", claims);
        }
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    /** Sets (or, with {@code null}, removes) one claim of the caller's token, e.g. {@code aud} or {@code token_use}. */
    public static APIGatewayProxyRequestEvent withClaim(APIGatewayProxyRequestEvent event, String name, String value) {
        Map<String, Object> authorizer =
                new LinkedHashMap<>(orEmpty(event.getRequestContext().getAuthorizer()));
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = new LinkedHashMap<>((Map<String, Object>) authorizer.get("claims"));
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        authorizer.put("claims", claims);
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    /** Points a single-todo event at another id: path, path parameter. */
    public static APIGatewayProxyRequestEvent withTodoId(APIGatewayProxyRequestEvent event, String id) {
        event.getRequestContext().setPath("/prod/todos/" + id);
        return event.withPath("/todos/" + id).withPathParameters(id == null ? null : Map.of("todoId", id));
    }

    /** Replaces the query string (both maps); {@code null} values are left out. */
    public static APIGatewayProxyRequestEvent withQuery(APIGatewayProxyRequestEvent event, String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.put(namesAndValues[i], namesAndValues[i + 1]);
                multi.put(namesAndValues[i], new ArrayList<>(List.of(namesAndValues[i + 1])));
            }
        }
        return event.withQueryStringParameters(query.isEmpty() ? null : query)
                .withMultiValueQueryStringParameters(multi.isEmpty() ? null : multi);
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
