package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    private final Fixtures fixtures = new Fixtures();
    private final RequestValidator validator = new RequestValidator(fixtures.spec);

    private Optional<RequestValidator.Failure> post(String body) {
        return validator.validate(
                fixtures.route("POST", "/todos"),
                Map.of(),
                Map.of(),
                Map.of(),
                "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidBodyPasses() {
        assertThat(post("{\"title\":\"ok\",\"completed\":true}")).isEmpty();
    }

    @Test
    void aBodyThatBreaksTheModelIsABadRequestBodyWithApiGatewaysMessages() {
        RequestValidator.Failure failure =
                post("{\"completed\":\"yes\",\"extra\":1}").orElseThrow();
        assertThat(failure.responseType()).isEqualTo("BAD_REQUEST_BODY");
        assertThat(failure.validationErrorString())
                .startsWith("[")
                .endsWith("]")
                .contains("object has missing required properties ([\"title\"])")
                .contains("object instance has properties which are not allowed by the schema: [\"extra\"]")
                .contains("instance type (string) does not match any allowed primitive type (allowed: [\"boolean\"])");
    }

    @Test
    void malformedJsonIsAnInvalidRequestBody() {
        assertThat(post("{nope").orElseThrow())
                .isEqualTo(new RequestValidator.Failure("BAD_REQUEST_BODY", "[Invalid request body]"));
    }

    @Test
    void anotherContentTypeIsNotValidatedAgainstTheJsonModel() {
        assertThat(validator.validate(
                        fixtures.route("POST", "/todos"),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        "text/plain",
                        "not json".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void requiredParametersMustBePresentAndNotBlank() {
        ApiSpec.Route get = fixtures.route("GET", "/todos/{todoId}");
        assertThat(validator.validate(
                        get, Map.of("todoId", "1"), Map.of(), Map.of("x-required", List.of("v")), null, new byte[0]))
                .isEmpty();
        assertThat(validator.validate(
                        get, Map.of("todoId", "1"), Map.of(), Map.of("X-Required", List.of(" ")), null, new byte[0]))
                .contains(new RequestValidator.Failure(
                        "BAD_REQUEST_PARAMETERS", "Missing required request parameters: [X-Required]"));
    }
}
