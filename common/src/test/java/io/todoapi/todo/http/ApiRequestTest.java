package io.todoapi.todo.http;

import static io.todoapi.todo.testing.Events.withBody;
import static io.todoapi.todo.testing.Events.withHeader;
import static io.todoapi.todo.testing.Events.withOwner;
import static io.todoapi.todo.testing.Events.withQuery;
import static io.todoapi.todo.testing.Events.withTodoId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.InvalidRequestException;
import io.todoapi.todo.error.PayloadTooLargeException;
import io.todoapi.todo.error.UnauthorizedException;
import io.todoapi.todo.error.UnsupportedMediaTypeException;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.TodoLimits;
import io.todoapi.todo.testing.Events;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRequestTest {

    @Test
    void theOwnerIsTheCognitoSubClaim() {
        assertThat(ApiRequest.of(Events.load("get-todo"), Events.FIXTURE_AUDIENCE)
                        .owner())
                .isEqualTo(Events.FIXTURE_OWNER);
    }

    @Test
    void onlyAnIdTokenOfThisApisAppClientIdentifiesTheCaller() {
        // API Gateway's Cognito authorizer accepts any client's tokens of the pool, and access tokens too.
        for (String[] claim : new String[][] {
            {"aud", "another-app-client"}, {"aud", null}, {"token_use", "access"}, {"token_use", null}
        }) {
            APIGatewayProxyRequestEvent event = Events.withClaim(Events.load("get-todo"), claim[0], claim[1]);
            assertThatThrownBy(() -> ApiRequest.of(event, Events.FIXTURE_AUDIENCE))
                    .as("%s=%s", claim[0], claim[1])
                    .isInstanceOf(UnauthorizedException.class)
                    .hasMessage("The bearer token is not an ID token of this API's app client.");
        }
        assertThatThrownBy(() -> ApiRequest.of(Events.load("get-todo"), "another-app-client"))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void noClaimsOrAnUnusableSubIsUnauthorized() {
        assertThatThrownBy(() -> ApiRequest.of(withOwner(Events.load("get-todo"), null), Events.FIXTURE_AUDIENCE))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> ApiRequest.of(withOwner(Events.load("get-todo"), " "), Events.FIXTURE_AUDIENCE))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> ApiRequest.of(withOwner(Events.load("get-todo"), "a\nb"), Events.FIXTURE_AUDIENCE))
                .isInstanceOf(UnauthorizedException.class);
        APIGatewayProxyRequestEvent noContext = Events.load("get-todo").withRequestContext(null);
        assertThatThrownBy(() -> ApiRequest.of(noContext, Events.FIXTURE_AUDIENCE))
                .isInstanceOf(UnauthorizedException.class);
        APIGatewayProxyRequestEvent noAuthorizer = Events.load("get-todo");
        noAuthorizer.getRequestContext().setAuthorizer(null);
        assertThatThrownBy(() -> ApiRequest.of(noAuthorizer, Events.FIXTURE_AUDIENCE))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void headersAreCaseInsensitive() {
        ApiRequest request = ApiRequest.of(Events.load("update-todo"), Events.FIXTURE_AUDIENCE);
        assertThat(request.header("if-match")).contains("\"1\"");
        assertThat(request.header("IF-MATCH")).contains("\"1\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "019AB6F2-8D3C-7E41-9A55-3C2B1D0E4F60",
                "not-a-uuid",
                "../../etc/passwd",
                "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f6",
                "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f600",
                ""
            })
    void aTodoIdMustBeALowercaseUuid(String id) {
        ApiRequest request = ApiRequest.of(withTodoId(Events.load("get-todo"), id), Events.FIXTURE_AUDIENCE);
        assertThatThrownBy(request::todoId)
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        FieldError.parameter("todoId", "must be a todo id (a lowercase UUID)")));
    }

    @Test
    void readsTheNewTodoOfTheCreateFixture() {
        assertThat(ApiRequest.of(Events.load("create-todo"), Events.FIXTURE_AUDIENCE)
                        .newTodo())
                .isEqualTo(new NewTodo("Buy oat milk", "2 litres, barista edition", false, LocalDate.of(2026, 11, 30)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/json; charset=utf-8",
                "Application/JSON;Charset=\"UTF-8\"",
                "application/json; boundary=x"
            })
    void acceptsJsonForCreate(String contentType) {
        assertThat(ApiRequest.of(
                                withHeader(Events.load("create-todo"), "Content-Type", contentType),
                                Events.FIXTURE_AUDIENCE)
                        .newTodo()
                        .title())
                .isEqualTo("Buy oat milk");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/plain",
                "application/merge-patch+json",
                "application/json; charset=iso-8859-1",
                "application/x-www-form-urlencoded",
                "application/jsonx",
                ""
            })
    void otherMediaTypesAreUnsupportedForCreate(String contentType) {
        ApiRequest request = ApiRequest.of(
                withHeader(Events.load("create-todo"), "Content-Type", contentType), Events.FIXTURE_AUDIENCE);
        assertThatThrownBy(request::newTodo).isInstanceOfSatisfying(UnsupportedMediaTypeException.class, e -> {
            assertThat(e.acceptHeader()).isEqualTo("Accept-Post");
            assertThat(e.accepted()).containsExactly("application/json");
        });
    }

    @Test
    void aMissingContentTypeIsUnsupported() {
        ApiRequest request =
                ApiRequest.of(withHeader(Events.load("create-todo"), "Content-Type", null), Events.FIXTURE_AUDIENCE);
        assertThatThrownBy(request::newTodo).isInstanceOf(UnsupportedMediaTypeException.class);
    }

    @Test
    void aPatchAcceptsMergePatchAndPlainJson() {
        for (String type : List.of("application/merge-patch+json", "application/json")) {
            ApiRequest request = ApiRequest.of(
                    withHeader(Events.load("update-todo"), "Content-Type", type), Events.FIXTURE_AUDIENCE);
            assertThat(request.patch().completed().applyTo(false)).isTrue();
        }
        ApiRequest request = ApiRequest.of(
                withHeader(Events.load("update-todo"), "Content-Type", "text/json"), Events.FIXTURE_AUDIENCE);
        assertThatThrownBy(request::patch)
                .isInstanceOfSatisfying(
                        UnsupportedMediaTypeException.class,
                        e -> assertThat(e.acceptHeader()).isEqualTo("Accept-Patch"));
    }

    @Test
    void aMissingBodyIsA400() {
        ApiRequest request = ApiRequest.of(withBody(Events.load("create-todo"), null), Events.FIXTURE_AUDIENCE);
        assertThatThrownBy(request::newTodo)
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(FieldError.wholeBody("is required: send a JSON object")));
    }

    @Test
    void bodiesOver16KibAreTooLargeCountingUtf8Bytes() {
        String prefix = "{\"title\":\"t\",\"description\":\"";
        String atLimit = prefix + " ".repeat(TodoLimits.MAX_BODY_BYTES - prefix.length() - 2) + "\"}";
        assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(TodoLimits.MAX_BODY_BYTES);
        // within the byte limit, so it gets as far as validation (the description is too long)
        assertThatThrownBy(() -> ApiRequest.of(withBody(Events.load("create-todo"), atLimit), Events.FIXTURE_AUDIENCE)
                        .newTodo())
                .isInstanceOf(InvalidRequestException.class);
        String overByOne = prefix + " ".repeat(TodoLimits.MAX_BODY_BYTES - prefix.length() - 1) + "\"}";
        assertThatThrownBy(() -> ApiRequest.of(withBody(Events.load("create-todo"), overByOne), Events.FIXTURE_AUDIENCE)
                        .newTodo())
                .isInstanceOf(PayloadTooLargeException.class);
        // 6000 three-byte characters: 6000 chars but 18000 bytes
        String multiByte = "{\"title\":\"t\",\"description\":\"" + "\u20ac".repeat(6000) + "\"}";
        assertThatThrownBy(() -> ApiRequest.of(withBody(Events.load("create-todo"), multiByte), Events.FIXTURE_AUDIENCE)
                        .newTodo())
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void decodesBase64Bodies() {
        APIGatewayProxyRequestEvent event = Events.load("create-todo");
        event.withBody(Base64.getEncoder().encodeToString("{\"title\":\"b64\"}".getBytes(StandardCharsets.UTF_8)))
                .withIsBase64Encoded(true);
        assertThat(ApiRequest.of(event, Events.FIXTURE_AUDIENCE).newTodo().title())
                .isEqualTo("b64");
        event.withBody("%%%not base64");
        assertThatThrownBy(() -> ApiRequest.of(event, Events.FIXTURE_AUDIENCE).newTodo())
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void limitDefaultsTo20AndMustBe1To100() {
        assertThat(ApiRequest.of(withQuery(Events.load("list-todos")), Events.FIXTURE_AUDIENCE)
                        .limit())
                .isEqualTo(20);
        assertThat(ApiRequest.of(withQuery(Events.load("list-todos"), "limit", "1"), Events.FIXTURE_AUDIENCE)
                        .limit())
                .isEqualTo(1);
        assertThat(ApiRequest.of(withQuery(Events.load("list-todos"), "limit", "100"), Events.FIXTURE_AUDIENCE)
                        .limit())
                .isEqualTo(100);
        for (String bad : List.of("0", "101", "-1", "+5", "1.5", "ten", "", "0010", "99999999999")) {
            ApiRequest request =
                    ApiRequest.of(withQuery(Events.load("list-todos"), "limit", bad), Events.FIXTURE_AUDIENCE);
            assertThatThrownBy(request::limit)
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidRequestException.class,
                            e -> assertThat(e.errors())
                                    .containsExactly(
                                            FieldError.parameter("limit", "must be an integer from 1 to 100")));
        }
    }

    @Test
    void theIdempotencyKeyIsOptionalAndValidated() {
        assertThat(ApiRequest.of(Events.load("create-todo"), Events.FIXTURE_AUDIENCE)
                        .idempotencyKey())
                .contains("3c9f0a7e-create-todo-example");
        assertThat(ApiRequest.of(
                                withHeader(Events.load("create-todo"), "Idempotency-Key", null),
                                Events.FIXTURE_AUDIENCE)
                        .idempotencyKey())
                .isEmpty();
        for (String bad : List.of("", "has space", "x".repeat(129), "semi;colon", "\u00e9")) {
            ApiRequest request = ApiRequest.of(
                    withHeader(Events.load("create-todo"), "Idempotency-Key", bad), Events.FIXTURE_AUDIENCE);
            assertThatThrownBy(request::idempotencyKey)
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidRequestException.class,
                            e -> assertThat(e.errors().getFirst().name()).isEqualTo("Idempotency-Key"));
        }
        assertThat(ApiRequest.of(
                                withHeader(Events.load("create-todo"), "Idempotency-Key", "x".repeat(128)),
                                Events.FIXTURE_AUDIENCE)
                        .idempotencyKey())
                .isPresent();
    }

    @Test
    void fallsBackToSingleValueHeadersWhenMultiValueHeadersAreAbsent() {
        APIGatewayProxyRequestEvent event =
                Events.load("update-todo").withMultiValueHeaders(null).withHeaders(Map.of("if-match", "\"9\""));
        assertThat(ApiRequest.of(event, Events.FIXTURE_AUDIENCE).header("If-Match"))
                .contains("\"9\"");
    }
}
