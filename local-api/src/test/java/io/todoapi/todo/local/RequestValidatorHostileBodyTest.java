package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regressions found by RequestFuzzIT in the emulated request validator: a body of only whitespace parsed to
 * Jackson's "missing" node, which the JSON Schema validator failed on with a NullPointerException, and local-api
 * answered 500 where API Gateway answers a 400 bad request body.
 */
class RequestValidatorHostileBodyTest {

    private final Fixtures fixtures = new Fixtures();
    private final RequestValidator validator = new RequestValidator(fixtures.spec);

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n", "\t \r\n ", "\u00A0"})
    void aBodyOfOnlyWhitespaceIsAnInvalidRequestBody(String body) {
        assertThat(validator.validate(
                        fixtures.route("POST", "/todos"),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        "application/json",
                        body.getBytes(StandardCharsets.UTF_8)))
                .contains(new RequestValidator.Failure("BAD_REQUEST_BODY", "[Invalid request body]"));
    }

    @Test
    void anEmptyBodyIsAnInvalidRequestBodyToo() {
        assertThat(validator.validate(
                        fixtures.route("POST", "/todos"),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        "application/json",
                        new byte[0]))
                .contains(new RequestValidator.Failure("BAD_REQUEST_BODY", "[Invalid request body]"));
    }
}
