package io.todoapi.todo.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.InvalidRequestException;
import io.todoapi.todo.json.JsonBodyParser;
import io.todoapi.todo.model.Change;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.TodoPatch;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TodoValidatorTest {

    private static NewTodo newTodo(String json) {
        return TodoValidator.newTodo(JsonBodyParser.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static TodoPatch patch(String json) {
        return TodoValidator.patch(JsonBodyParser.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<FieldError> errorsOf(Runnable call) {
        try {
            call.run();
        } catch (InvalidRequestException e) {
            return e.errors();
        }
        throw new AssertionError("expected an InvalidRequestException");
    }

    @Test
    void acceptsAFullNewTodo() {
        assertThat(
                        newTodo(
                                "{\"title\":\"Buy milk\",\"description\":\"2 l\",\"completed\":true,\"dueDate\":\"2026-12-01\"}"))
                .isEqualTo(new NewTodo("Buy milk", "2 l", true, LocalDate.of(2026, 12, 1)));
    }

    @Test
    void defaultsCompletedToFalseAndLeavesOptionalFieldsUnset() {
        assertThat(newTodo("{\"title\":\"x\"}")).isEqualTo(new NewTodo("x", null, false, null));
    }

    @Test
    void namesEveryOffendingMemberOfANewTodo() {
        List<FieldError> errors = errorsOf(() -> newTodo(
                "{\"id\":\"a\",\"version\":3,\"colour\":\"red\",\"completed\":\"yes\",\"dueDate\":\"2026-02-30\","
                        + "\"description\":null}"));
        assertThat(errors)
                .containsExactlyInAnyOrder(
                        FieldError.body("id", "is read-only: the server sets it"),
                        FieldError.body("version", "is read-only: the server sets it"),
                        FieldError.body("colour", "is not a known field"),
                        FieldError.body("title", "is required"),
                        FieldError.body("completed", "must be a boolean, not string"),
                        FieldError.body("dueDate", "is not a valid calendar date"),
                        FieldError.body("description", "must be a string, not null"));
    }

    @Test
    void rejectsCreatedAtAndUpdatedAtAsReadOnly() {
        assertThat(errorsOf(() -> newTodo("{\"title\":\"t\",\"createdAt\":\"x\",\"updatedAt\":\"y\"}")))
                .extracting(FieldError::name, FieldError::detail)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("#/createdAt", "is read-only: the server sets it"),
                        org.assertj.core.groups.Tuple.tuple("#/updatedAt", "is read-only: the server sets it"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"   \"", "\"\\t\"", "\"\\u00a0\\u2003\""})
    void rejectsEmptyOrBlankTitles(String title) {
        List<FieldError> errors = errorsOf(() -> newTodo("{\"title\":" + title + "}"));
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().name()).isEqualTo("#/title");
    }

    @Test
    void countsTitleLengthInCodePoints() {
        String twoHundredEmoji = "\uD83D\uDE00".repeat(200);
        assertThat(newTodo("{\"title\":\"" + twoHundredEmoji + "\"}").title()).isEqualTo(twoHundredEmoji);
        assertThat(errorsOf(() -> newTodo("{\"title\":\"" + "a".repeat(201) + "\"}")))
                .containsExactly(FieldError.body("title", "must be 1 to 200 characters long"));
        assertThat(newTodo("{\"title\":\"" + "a".repeat(200) + "\"}").title()).hasSize(200);
    }

    @Test
    void limitsDescriptionTo2000CodePointsAndAllowsLineBreaks() {
        assertThat(newTodo("{\"title\":\"t\",\"description\":\"" + "d".repeat(2000) + "\"}")
                        .description())
                .hasSize(2000);
        assertThat(newTodo("{\"title\":\"t\",\"description\":\"line 1\\nline 2\\ttab\\r\\n\"}")
                        .description())
                .isEqualTo("line 1\nline 2\ttab\r\n");
        assertThat(newTodo("{\"title\":\"t\",\"description\":\"\"}").description())
                .isEmpty();
        assertThat(errorsOf(() -> newTodo("{\"title\":\"t\",\"description\":\"" + "d".repeat(2001) + "\"}")))
                .containsExactly(FieldError.body("description", "must be at most 2000 characters long"));
    }

    @Test
    void rejectsControlCharactersAndUnpairedSurrogates() {
        assertThat(errorsOf(() -> newTodo("{\"title\":\"a\\u0000b\"}")))
                .containsExactly(FieldError.body("title", "must not contain control characters, tabs or line breaks"));
        assertThat(errorsOf(() -> newTodo("{\"title\":\"a\\nb\"}")))
                .containsExactly(FieldError.body("title", "must not contain control characters, tabs or line breaks"));
        assertThat(errorsOf(() -> newTodo("{\"title\":\"t\",\"description\":\"\\u0085\"}")))
                .containsExactly(FieldError.body(
                        "description", "must not contain control characters other than tab and line breaks"));
        assertThat(errorsOf(() -> newTodo("{\"title\":\"\\ud800\"}")))
                .containsExactly(FieldError.body("title", "must be valid Unicode text (it has an unpaired surrogate)"));
    }

    @Test
    void acceptsRightToLeftTextCombiningMarksAndEmojiSequences() {
        String text = "\u05e7\u05e0\u05d4 \u05d7\u05dc\u05d1 e\u0301 \uD83D\uDC69\u200D\uD83D\uDCBB";
        assertThat(newTodo("{\"title\":\"" + text + "\"}").title()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"26-01-01", "2026-1-01", "2026/01/01", "2026-01-01T00:00:00Z", "+2026-01-01", " 2026-01-01"})
    void requiresDueDateInYyyyMmDd(String date) {
        assertThat(errorsOf(() -> newTodo("{\"title\":\"t\",\"dueDate\":\"" + date + "\"}")))
                .containsExactly(FieldError.body("dueDate", "must be a date in YYYY-MM-DD format"));
    }

    @Test
    void readsAMergePatch() {
        assertThat(patch("{\"title\":\"new\",\"description\":null,\"completed\":true,\"dueDate\":\"2027-01-31\"}"))
                .isEqualTo(new TodoPatch(
                        Change.set("new"), Change.remove(), Change.set(true), Change.set(LocalDate.of(2027, 1, 31))));
        assertThat(patch("{\"dueDate\":null}"))
                .isEqualTo(new TodoPatch(Change.keep(), Change.keep(), Change.keep(), Change.remove()));
    }

    @Test
    void rejectsAnEmptyPatch() {
        assertThat(errorsOf(() -> patch("{}")))
                .containsExactly(FieldError.wholeBody(
                        "must change at least one field (title, description, completed, dueDate)"));
    }

    @Test
    void refusesToRemoveRequiredFields() {
        assertThat(errorsOf(() -> patch("{\"title\":null,\"completed\":null}")))
                .containsExactlyInAnyOrder(
                        FieldError.body("title", "cannot be removed: a todo always has a title"),
                        FieldError.body("completed", "cannot be removed: set it to true or false"));
    }

    @Test
    void rejectsServerFieldsAndUnknownFieldsInAPatch() {
        assertThat(errorsOf(() -> patch("{\"version\":2,\"priority\":1}")))
                .containsExactlyInAnyOrder(
                        FieldError.body("version", "is read-only: the server sets it"),
                        FieldError.body("priority", "is not a known field"));
    }

    @Test
    void escapesMemberNamesAsJsonPointers() {
        assertThat(errorsOf(() -> patch("{\"a/b~c\":1}")))
                .containsExactly(new FieldError(FieldError.Location.POINTER, "#/a~1b~0c", "is not a known field"));
    }

    @Test
    void neverRepeatsMoreThan64CharactersOfAMemberName() {
        String name = "x".repeat(8000);
        List<FieldError> errors = errorsOf(() -> newTodo("{\"title\":\"t\",\"" + name + "\":1}"));
        assertThat(errors)
                .containsExactly(new FieldError(
                        FieldError.Location.POINTER,
                        "#",
                        "has a member whose name (8000 characters) is too long to repeat, which is not a known field"));
        String longest = "y".repeat(FieldError.MAX_ECHO_LENGTH - 2);
        assertThat(errorsOf(() -> newTodo("{\"title\":\"t\",\"" + longest + "\":1}")))
                .containsExactly(FieldError.body(longest, "is not a known field"))
                .allSatisfy(error -> assertThat(error.name()).hasSize(FieldError.MAX_ECHO_LENGTH));
    }

    @Test
    void capsTheNumberOfReportedErrors() {
        StringBuilder body = new StringBuilder("{\"title\":\"t\"");
        for (int i = 0; i < 100; i++) {
            body.append(",\"unknown").append(i).append("\":1");
        }
        body.append('}');
        assertThatThrownBy(() -> newTodo(body.toString()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors()).hasSize(InvalidRequestException.MAX_ERRORS));
    }
}
