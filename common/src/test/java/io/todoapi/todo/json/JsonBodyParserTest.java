package io.todoapi.todo.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyParserTest {

    private static Map<String, JsonValue> parse(String json) {
        return JsonBodyParser.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    private static FieldError errorOf(byte[] body) {
        try {
            JsonBodyParser.parseObject(body);
        } catch (InvalidRequestException e) {
            assertThat(e.errors()).hasSize(1);
            return e.errors().getFirst();
        }
        throw new AssertionError("expected an InvalidRequestException");
    }

    private static FieldError errorOf(String json) {
        return errorOf(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsMembersInDocumentOrderWithTheirTypes() {
        assertThat(
                        parse(
                                " {\"s\":\"x\",\"t\":true,\"f\":false,\"n\":null,\"i\":1,\"d\":1.5e3,\"o\":{\"a\":[1]},\"a\":[]} "))
                .containsExactly(
                        Map.entry("s", new JsonValue.JsonString("x")),
                        Map.entry("t", new JsonValue.JsonBoolean(true)),
                        Map.entry("f", new JsonValue.JsonBoolean(false)),
                        Map.entry("n", JsonValue.Other.NULL),
                        Map.entry("i", JsonValue.Other.NUMBER),
                        Map.entry("d", JsonValue.Other.NUMBER),
                        Map.entry("o", JsonValue.Other.OBJECT),
                        Map.entry("a", JsonValue.Other.ARRAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"title\"", "42", "null", "true"})
    void requiresAnObject(String json) {
        assertThat(errorOf(json)).isEqualTo(FieldError.wholeBody("must be a JSON object"));
    }

    @Test
    void reportsMalformedJsonWithItsPositionButNotItsContent() {
        FieldError error = errorOf("{\"title\": secret-value}");
        assertThat(error.name()).isEqualTo("#");
        assertThat(error.detail()).isEqualTo("is not valid JSON (line 1, column 11)");
        assertThat(error.detail()).doesNotContain("secret");
    }

    @Test
    void rejectsDuplicateMembers() {
        assertThat(errorOf("{\"title\":\"a\",\"title\":\"b\"}").detail()).startsWith("has a duplicate member name");
    }

    @Test
    void rejectsTrailingData() {
        assertThat(errorOf("{\"title\":\"a\"} {}").detail())
                .isEqualTo("must contain exactly one JSON object, but there is more data after it");
    }

    @Test
    void rejectsTruncatedAndNonStandardJson() {
        assertThat(errorOf("{\"title\":\"a\"").detail()).startsWith("is not valid JSON");
        assertThat(errorOf("{'title':'a'}").detail()).startsWith("is not valid JSON");
        assertThat(errorOf("{\"title\":\"a\",}").detail()).startsWith("is not valid JSON");
        assertThat(errorOf("{\"n\":NaN}").detail()).startsWith("is not valid JSON");
        assertThat(errorOf("{/*c*/\"title\":\"a\"}").detail()).startsWith("is not valid JSON");
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThat(errorOf("").detail()).isEqualTo("must be a JSON object, but the body is empty");
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] body = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThat(errorOf(body).detail()).startsWith("is not valid JSON");
    }

    @Test
    void boundsNestingDepthAndNumberLength() {
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThat(errorOf(deep).detail()).isEqualTo("is nested too deeply or has a number or string that is too long");
        assertThat(errorOf("{\"a\":" + "9".repeat(1000) + "}").detail())
                .isEqualTo("is nested too deeply or has a number or string that is too long");
    }

    @Test
    void theExceptionMessageSaysTheBodyIsAtFault() {
        assertThatThrownBy(() -> parse("nope")).hasMessageStartingWith("The request body is not valid JSON");
    }
}
