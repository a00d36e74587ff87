package io.todoapi.todo.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiGatewayEventSerializerTest {

    private final ApiGatewayEventSerializer serializer = new ApiGatewayEventSerializer();

    @ParameterizedTest
    @ValueSource(strings = {"create-todo", "list-todos", "get-todo", "update-todo", "delete-todo"})
    void readsEveryFixtureExactlyAsTheLambdaRuntimeDoes(String fixture) throws IOException {
        byte[] json = Files.readAllBytes(Events.eventsDirectory().resolve(fixture + ".json"));
        APIGatewayProxyRequestEvent ours =
                serializer.fromJson(new ByteArrayInputStream(json), APIGatewayProxyRequestEvent.class);
        APIGatewayProxyRequestEvent lambdas = Events.load(fixture);
        assertThat(ours).isEqualTo(lambdas);
        assertThat(ours.getRequestContext()).isEqualTo(lambdas.getRequestContext());
        assertThat(ours.getRequestContext().getIdentity())
                .isEqualTo(lambdas.getRequestContext().getIdentity());
        assertThat(ours.getRequestContext().getAuthorizer())
                .isEqualTo(lambdas.getRequestContext().getAuthorizer());
        assertThat(ours.toString()).isEqualTo(lambdas.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"create-todo", "list-todos", "get-todo", "update-todo", "delete-todo"})
    void writesRequestsThatTheLambdaRuntimeReadsBackIdentically(String fixture) {
        APIGatewayProxyRequestEvent event = Events.load(fixture);
        String json = serializer.toJson(event);
        assertThat(serializer.<APIGatewayProxyRequestEvent>fromJson(json, APIGatewayProxyRequestEvent.class))
                .isEqualTo(event);
        assertThat(Json.parse(json)).isEqualTo(Json.parse(Events.toJson(event)));
    }

    @Test
    void writesResponsesAsTheLambdaRuntimeDoes() {
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(Map.of("Location", "/todos/1", "ETag", "\"1\""))
                .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")))
                .withBody("{\"title\":\"caf\u00e9 \\\"quoted\\\" \uD83D\uDE00\"}")
                .withIsBase64Encoded(false);
        JsonNode ours = Json.parse(serializer.toJson(response));
        JsonNode lambdas = Json.parse(Events.toJson(response));
        assertThat(ours).isEqualTo(lambdas);
        assertThat(Events.responseFromJson(serializer.toJson(response))).isEqualTo(response);
    }

    @Test
    void omitsUnsetResponseMembers() {
        assertThat(serializer.toJson(new APIGatewayProxyResponseEvent().withStatusCode(204)))
                .isEqualTo("{\"statusCode\":204}");
    }

    @Test
    void skipsUnknownMembersAndAcceptsNulls() {
        String json = "{\"resource\":\"/todos\",\"newField\":{\"deep\":[1,{\"x\":null}]},\"headers\":null,"
                + "\"multiValueHeaders\":{\"a\":null},\"requestContext\":{\"requestTimeEpoch\":null,\"identity\":null,"
                + "\"authorizer\":{\"claims\":{\"sub\":\"u\",\"n\":12,\"big\":12345678901234,\"f\":1.5,\"t\":true,"
                + "\"list\":[\"a\",null]}},\"unknown\":\"x\"},\"isBase64Encoded\":\"true\",\"body\":null}";
        APIGatewayProxyRequestEvent event = serializer.fromJson(json, APIGatewayProxyRequestEvent.class);
        assertThat(event.getResource()).isEqualTo("/todos");
        assertThat(event.getHeaders()).isNull();
        assertThat(event.getMultiValueHeaders()).containsEntry("a", null);
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(event.getBody()).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> claims =
                (Map<String, Object>) event.getRequestContext().getAuthorizer().get("claims");
        assertThat(claims)
                .containsEntry("sub", "u")
                .containsEntry("n", 12)
                .containsEntry("big", 12345678901234L)
                .containsEntry("f", 1.5)
                .containsEntry("t", true)
                .containsEntry("list", java.util.Arrays.asList("a", null));
    }

    @Test
    void readsNullAsNull() {
        assertThat(serializer.<APIGatewayProxyRequestEvent>fromJson("null", APIGatewayProxyRequestEvent.class))
                .isNull();
        assertThat(serializer.<APIGatewayProxyRequestEvent>fromJson(
                        new ByteArrayInputStream("null".getBytes(StandardCharsets.UTF_8)),
                        APIGatewayProxyRequestEvent.class))
                .isNull();
    }

    @Test
    void refusesOtherTypes() {
        assertThatThrownBy(() -> serializer.fromJson("{}", Map.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> serializer.toJson("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLambdaRuntimeFindsItThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(CustomPojoSerializer.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(ApiGatewayEventSerializer.class);
    }
}
