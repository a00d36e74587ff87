package io.todoapi.todo.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.InvalidRequestException;
import io.todoapi.todo.json.JsonBodyParser;
import io.todoapi.todo.json.TodoJson;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.TodoLimits;
import io.todoapi.todo.model.TodoPatch;
import io.todoapi.todo.testing.Generators;
import io.todoapi.todo.testing.Generators.Kind;
import io.todoapi.todo.testing.Json;
import io.todoapi.todo.testing.Property;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What text a todo may hold (TextRules, README "What text may a todo hold?"), checked with generated strings
 * against an independent oracle: lengths in code points at and around every limit, every kind of Unicode
 * character, and the whole way from JSON bytes to the stored and echoed value.
 */
class TextRulesPropertyTest {

    /** ECMAScript's {@code \s}, the class the spec's {@code \S} pattern for titles uses. */
    private static final String ECMASCRIPT_WHITESPACE = "\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004"
            + "\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    private static final List<Kind> EVERY_KIND = Arrays.asList(Kind.values());

    // ---- the oracle: the documented rules, written independently of TextRules --------------------------------

    /** Why a title breaks the documented rules, or null. */
    static String titleOracle(String text) {
        int[] codePoints = text.codePoints().toArray();
        for (int codePoint : codePoints) {
            if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
                return "surrogate";
            }
            if (isControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029) {
                return "control";
            }
        }
        if (codePoints.length < 1 || codePoints.length > 200) {
            return "length";
        }
        if (Arrays.stream(codePoints).allMatch(c -> ECMASCRIPT_WHITESPACE.indexOf(c) >= 0)) {
            return "blank";
        }
        return null;
    }

    /** Why a description breaks the documented rules, or null. */
    static String descriptionOracle(String text) {
        int[] codePoints = text.codePoints().toArray();
        for (int codePoint : codePoints) {
            if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
                return "surrogate";
            }
            if (isControl(codePoint) && codePoint != '\t' && codePoint != '\n' && codePoint != '\r') {
                return "control";
            }
        }
        return codePoints.length > 2000 ? "length" : null;
    }

    private static boolean isControl(int codePoint) {
        return codePoint <= 0x1F || codePoint >= 0x7F && codePoint <= 0x9F;
    }

    /** The detail TextRules/TodoValidator give for each reason of the oracle. */
    private static String expectedTitleDetail(String reason) {
        return switch (reason) {
            case "surrogate" -> "must be valid Unicode text (it has an unpaired surrogate)";
            case "control" -> "must not contain control characters, tabs or line breaks";
            case "length" -> "must be 1 to 200 characters long";
            case "blank" -> "must not be blank";
            default -> throw new IllegalArgumentException(reason);
        };
    }

    private static String expectedDescriptionDetail(String reason) {
        return switch (reason) {
            case "surrogate" -> "must be valid Unicode text (it has an unpaired surrogate)";
            case "control" -> "must not contain control characters other than tab and line breaks";
            case "length" -> "must be at most 2000 characters long";
            default -> throw new IllegalArgumentException(reason);
        };
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** The body {@code {"title": <title>, "description": <description>}} as the function receives it (UTF-8). */
    private static byte[] body(Random random, String title, String description) {
        String json = "{\"title\":" + Generators.jsonString(random, title)
                + (description == null ? "" : ",\"description\":" + Generators.jsonString(random, description))
                + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The validator's verdict on a create body: null when accepted, else the errors. */
    private static List<FieldError> errorsOfCreate(byte[] body, List<NewTodo> accepted) {
        try {
            accepted.add(TodoValidator.newTodo(JsonBodyParser.parseObject(body)));
            return null;
        } catch (InvalidRequestException e) {
            return e.errors();
        }
    }

    private static void assertVerdict(String title, String description, Random random) {
        List<NewTodo> accepted = new ArrayList<>();
        List<FieldError> errors = errorsOfCreate(body(random, title, description), accepted);
        String titleReason = titleOracle(title);
        String descriptionReason = description == null ? null : descriptionOracle(description);
        List<FieldError> expected = new ArrayList<>();
        if (titleReason != null) {
            expected.add(FieldError.body("title", expectedTitleDetail(titleReason)));
        }
        if (descriptionReason != null) {
            expected.add(FieldError.body("description", expectedDescriptionDetail(descriptionReason)));
        }
        if (expected.isEmpty()) {
            assertThat(errors)
                    .as("errors for title %s / description %s", escape(title), escape(description))
                    .isNull();
            NewTodo todo = accepted.getFirst();
            // stored exactly as sent: no trimming, no normalisation
            assertThat(todo.title()).isEqualTo(title);
            assertThat(todo.description()).isEqualTo(description);
        } else {
            assertThat(errors)
                    .as("errors for title %s / description %s", escape(title), escape(description))
                    .containsExactlyElementsOf(expected);
        }
    }

    static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        text.chars()
                .limit(80)
                .forEach(
                        c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out + (text.length() > 80 ? "...(" + text.length() + " chars)" : "");
    }

    // ---- limits --------------------------------------------------------------------------------------------

    static Stream<Arguments> titleLengths() {
        List<Arguments> cases = new ArrayList<>();
        for (int length : new int[] {0, 1, 2, 199, 200, 201, 202, 400}) {
            for (List<Kind> kinds : List.of(
                    List.of(Kind.ASCII),
                    List.of(Kind.CJK),
                    List.of(Kind.EMOJI),
                    List.of(Kind.HEBREW, Kind.ARABIC, Kind.BIDI_ISOLATE),
                    List.of(Kind.LATIN, Kind.COMBINING),
                    List.of(Kind.REGIONAL_INDICATOR),
                    Generators.TITLE_SAFE)) {
                cases.add(Arguments.of(length, kinds));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "title of {0} code points of {1}")
    @MethodSource("titleLengths")
    void titlesAreAcceptedExactlyFrom1To200CodePointsOfAnyScript(int length, List<Kind> kinds) {
        Random random = Property.random("title-length-" + length + kinds, 0);
        String title = length == 0
                ? ""
                : Generators.text(random, 1, List.of(Kind.ASCII, Kind.CJK, Kind.EMOJI))
                        + Generators.text(random, length - 1, kinds);
        assertThat(title.codePointCount(0, title.length())).isEqualTo(length);
        assertVerdict(title, null, random);
        if (length >= 1 && length <= 200) {
            assertThat(titleOracle(title)).isNull();
        }
    }

    static Stream<Arguments> descriptionLengths() {
        List<Arguments> cases = new ArrayList<>();
        for (int length : new int[] {0, 1, 1999, 2000, 2001, 4000}) {
            for (List<Kind> kinds : List.of(
                    List.of(Kind.ASCII),
                    List.of(Kind.EMOJI),
                    List.of(Kind.ASCII, Kind.TAB_OR_LINE_BREAK, Kind.UNICODE_LINE_BREAK),
                    Generators.TITLE_SAFE)) {
                cases.add(Arguments.of(length, kinds));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "description of {0} code points of {1}")
    @MethodSource("descriptionLengths")
    void descriptionsAreAcceptedUpTo2000CodePointsWithLineBreaks(int length, List<Kind> kinds) {
        Random random = Property.random("description-length-" + length + kinds, 0);
        String description = Generators.text(random, length, kinds);
        assertVerdict("t", description, random);
        assertThat(descriptionOracle(description) == null).isEqualTo(length <= TodoLimits.DESCRIPTION_MAX_LENGTH);
    }

    @Test
    void limitsMatchTheContract() {
        assertThat(TodoLimits.TITLE_MIN_LENGTH).isEqualTo(1);
        assertThat(TodoLimits.TITLE_MAX_LENGTH).isEqualTo(200);
        assertThat(TodoLimits.DESCRIPTION_MAX_LENGTH).isEqualTo(2000);
    }

    // ---- generated text of every kind ----------------------------------------------------------------------

    @Test
    void anyMixOfCharactersGetsTheVerdictOfTheDocumentedRules() {
        Property.forAll("mixed-text", 3000, (random, trial) -> {
            List<Kind> kinds = new ArrayList<>();
            int kindCount = 1 + random.nextInt(4);
            for (int i = 0; i < kindCount; i++) {
                kinds.add(Generators.pick(random, EVERY_KIND));
            }
            int length = Generators.pick(random, 0, 1, 2, 5, 20, 199, 200, 201);
            String title = Generators.text(random, length, kinds);
            String description = random.nextBoolean()
                    ? null
                    : Generators.text(random, Generators.pick(random, 0, 3, 50, 1999, 2000, 2001), kinds);
            assertVerdict(title, description, random);
        });
    }

    @Test
    void oneForbiddenCharacterAnywhereRejectsAnOtherwiseValidTitle() {
        List<Kind> forbidden =
                List.of(Kind.C0, Kind.DEL_AND_C1, Kind.TAB_OR_LINE_BREAK, Kind.UNICODE_LINE_BREAK, Kind.LONE_SURROGATE);
        Property.forAll("one-forbidden-character", 1000, (random, trial) -> {
            String valid = Generators.title(random, 1 + random.nextInt(199));
            int at = valid.offsetByCodePoints(0, random.nextInt(valid.codePointCount(0, valid.length()) + 1));
            Kind kind = Generators.pick(random, forbidden);
            String bad = Generators.text(random, 1, List.of(kind));
            String title = valid.substring(0, at) + bad + valid.substring(at);
            // a lone surrogate next to another may pair up into a valid code point: the oracle decides
            String reason = titleOracle(title);
            assertThat(reason).as("oracle for %s", escape(title)).isNotNull();
            assertVerdict(title, null, random);
        });
    }

    @Test
    void aTitleOfOnlyWhitespaceIsBlankButOneVisibleCharacterMakesItValid() {
        Property.forAll("blank-titles", 500, (random, trial) -> {
            int length = 1 + random.nextInt(30);
            StringBuilder blank = new StringBuilder();
            for (int i = 0; i < length; i++) {
                blank.append(Generators.pick(
                        random, ' ', '\u00A0', '\u1680', '\u2000', '\u2007', '\u200A', '\u202F', '\u205F', '\u3000',
                        '\uFEFF'));
            }
            assertVerdict(blank.toString(), null, random);
            assertThat(titleOracle(blank.toString())).isEqualTo("blank");
            String visible = blank.substring(0, random.nextInt(blank.length() + 1))
                    + Generators.title(random, 1)
                    + blank.substring(blank.length() / 2);
            assertVerdict(visible, null, random);
        });
    }

    @Test
    void acceptedTextIsEchoedByteForByteInTheResponse() {
        Property.forAll("echo", 500, (random, trial) -> {
            String title = Generators.title(random, 1 + random.nextInt(200));
            String description = random.nextBoolean()
                    ? null
                    : Generators.text(
                            random,
                            random.nextInt(2001),
                            List.of(
                                    Kind.ASCII,
                                    Kind.EMOJI,
                                    Kind.HEBREW,
                                    Kind.COMBINING,
                                    Kind.TAB_OR_LINE_BREAK,
                                    Kind.UNICODE_LINE_BREAK,
                                    Kind.FORMAT));
            NewTodo parsed = TodoValidator.newTodo(JsonBodyParser.parseObject(body(random, title, description)));
            JsonNode echoed = Json.parse(TodoJson.todo(
                    parsed.toTodo("019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60", Instant.parse("2026-11-24T19:02:53.123Z"))));
            assertThat(echoed.get("title").textValue()).isEqualTo(title);
            if (description == null) {
                assertThat(echoed.has("description")).isFalse();
            } else {
                assertThat(echoed.get("description").textValue()).isEqualTo(description);
            }
        });
    }

    @Test
    void aPatchFollowsTheSameRulesAsACreate() {
        Property.forAll("patch-text", 1000, (random, trial) -> {
            String title = Generators.text(
                    random,
                    Generators.pick(random, 0, 1, 100, 200, 201),
                    List.of(Generators.pick(random, EVERY_KIND), Generators.pick(random, Generators.TITLE_SAFE)));
            byte[] body = ("{\"title\":" + Generators.jsonString(random, title) + "}").getBytes(StandardCharsets.UTF_8);
            String reason = titleOracle(title);
            try {
                TodoPatch patch = TodoValidator.patch(JsonBodyParser.parseObject(body));
                assertThat(reason).as("accepted %s", escape(title)).isNull();
                assertThat(patch.title().applyTo("old")).isEqualTo(title);
            } catch (InvalidRequestException e) {
                assertThat(reason)
                        .as("rejected %s: %s", escape(title), e.errors())
                        .isNotNull();
                assertThat(e.errors()).containsExactly(FieldError.body("title", expectedTitleDetail(reason)));
            }
        });
    }
}
