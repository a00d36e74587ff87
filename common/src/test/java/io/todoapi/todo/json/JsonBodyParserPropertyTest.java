package io.todoapi.todo.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todoapi.todo.error.InvalidRequestException;
import io.todoapi.todo.testing.Generators;
import io.todoapi.todo.testing.Property;
import io.todoapi.todo.validation.TodoValidator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The request body parser under hostile bytes: whatever arrives, the answer is a parsed object or an
 * {@link InvalidRequestException} (a 400), never another exception (a 500). Includes the regression for bodies
 * that Jackson took for UTF-32 and failed on with an I/O error.
 */
class JsonBodyParserPropertyTest {

    private static final String VALID = "{\"title\":\"Buy milk \\u00e9 \uD83D\uDE00\",\"description\":\"2 l\","
            + "\"completed\":true,\"dueDate\":\"2026-12-01\"}";

    /** JSON structure, quotes and escapes, NUL, and bytes that start or break UTF-8 sequences. */
    private static final int[] SPECIAL_BYTES = {'{', '}', '[', ']', '"', '\\', ',', ':', 0, 0x80, 0xC0, 0xED, 0xF4, 0xFF
    };

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Parses, and validates as a create and as a patch; returns whether the parser accepted the body, which it may
     * only do for well-formed UTF-8.
     */
    private static boolean parsesOrIs400(byte[] body) {
        Map<String, JsonValue> members;
        try {
            members = JsonBodyParser.parseObject(body);
            assertThat(isUtf8(body))
                    .as(
                            "accepted a body that is not UTF-8: %s",
                            HexFormat.of().formatHex(body, 0, Math.min(body.length, 64)))
                    .isTrue();
        } catch (InvalidRequestException e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.getMessage()).startsWith("The request body");
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "body " + HexFormat.of().formatHex(body, 0, Math.min(body.length, 64)) + " threw " + e, e);
        }
        for (Runnable validate :
                new Runnable[] {() -> TodoValidator.newTodo(members), () -> TodoValidator.patch(members)}) {
            try {
                validate.run();
            } catch (InvalidRequestException expected) {
                assertThat(expected.errors()).isNotEmpty().hasSizeLessThanOrEqualTo(InvalidRequestException.MAX_ERRORS);
            }
        }
        return true;
    }

    @Test
    void randomBytesAreParsedOrA400() {
        Property.forAll("parser-random-bytes", 5000, (random, trial) -> {
            byte[] body = new byte[random.nextInt(64)];
            random.nextBytes(body);
            if (body.length > 0 && random.nextBoolean()) {
                body[0] = '{';
            }
            parsesOrIs400(body);
        });
    }

    @Test
    void mutatedValidBodiesAreParsedOrA400() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        assertThat(parsesOrIs400(valid)).isTrue();
        Property.forAll("parser-mutations", 5000, (random, trial) -> {
            byte[] body = valid.clone();
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(body.length);
                switch (random.nextInt(4)) {
                    case 0 -> body[at] = (byte) random.nextInt(256);
                    case 1 -> body[at] ^= (byte) (1 << random.nextInt(8));
                    case 2 -> body[at] = (byte) SPECIAL_BYTES[random.nextInt(SPECIAL_BYTES.length)];
                    default -> body = java.util.Arrays.copyOf(body, Math.max(0, at));
                }
                if (body.length == 0) {
                    break;
                }
            }
            parsesOrIs400(body);
        });
    }

    @Test
    void bodiesInUtf16OrUtf32AreA400() {
        // Regression: Jackson detects UTF-32 from NUL bytes up front and its UTF-32 reader threw an I/O error for
        // undecodable input, which became a 500.
        byte[][] bodies = {
            {0, 0, 0, '{', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
            {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, '{', 0x7F, 0, 0, 0},
            {'{', 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F},
            {'{', 0, 0, 0, '}', 0, 0, 0},
            {0, '{', 0, '}'},
            {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},
            {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0},
        };
        for (byte[] body : bodies) {
            assertThatThrownBy(() -> JsonBodyParser.parseObject(body))
                    .as(HexFormat.of().formatHex(body))
                    .isInstanceOf(InvalidRequestException.class);
        }
        for (Charset charset : new Charset[] {
            StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16,
            Charset.forName("UTF-32BE"),
            Charset.forName("UTF-32LE")
        }) {
            assertThatThrownBy(() -> JsonBodyParser.parseObject("{\"title\":\"x\"}".getBytes(charset)))
                    .as(charset.name())
                    .isInstanceOf(InvalidRequestException.class);
        }
        // a UTF-8 byte order mark is tolerated (RFC 8259 allows a parser to ignore it)
        byte[] bom = "\uFEFF{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonBodyParser.parseObject(bom)).containsOnlyKeys("title");
    }

    @Test
    void malformedUtf8IsA400AndNeverDecodedLeniently() {
        // Regression: Jackson's byte parser decoded the overlong C0 AF as "/" and stored it.
        byte[][] sequences = {
            {(byte) 0xC0, (byte) 0xAF}, // overlong "/"
            {(byte) 0xC0, (byte) 0xA2}, // overlong quote
            {(byte) 0xC0, (byte) 0x80}, // overlong NUL
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // 3-byte overlong "/"
            {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}, // 4-byte overlong "/"
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // UTF-8-encoded surrogate U+D800
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xE2, (byte) 0x82}, // truncated sequence
            {(byte) 0x80}, // lone continuation byte
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // 5-byte form
        };
        for (byte[] sequence : sequences) {
            for (String[] around : new String[][] {
                {"{\"title\":\"", "\"}"}, {"{\"title\":\"a", "b\"}"}, {"{\"title\":\"x\",\"description\":\"", "\"}"}
            }) {
                byte[] prefix = around[0].getBytes(StandardCharsets.UTF_8);
                byte[] suffix = around[1].getBytes(StandardCharsets.UTF_8);
                byte[] body = new byte[prefix.length + sequence.length + suffix.length];
                System.arraycopy(prefix, 0, body, 0, prefix.length);
                System.arraycopy(sequence, 0, body, prefix.length, sequence.length);
                System.arraycopy(suffix, 0, body, prefix.length + sequence.length, suffix.length);
                assertThatThrownBy(() -> JsonBodyParser.parseObject(body))
                        .as(HexFormat.of().formatHex(body))
                        .isInstanceOfSatisfying(
                                InvalidRequestException.class,
                                e -> assertThat(e.errors().getFirst().detail())
                                        .isEqualTo("is not valid JSON: it must be encoded in UTF-8"));
            }
        }
    }

    @Test
    void hostileShapesAreA400() {
        Property.forAll("parser-hostile-shapes", 300, (random, trial) -> {
            int depth = 1 + random.nextInt(5000);
            String open = random.nextBoolean() ? "[" : "{\"a\":";
            String close = open.equals("[") ? "]" : "}";
            String[] hostile = {
                "{\"title\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}",
                "{\"title\":" + "9".repeat(1 + random.nextInt(5000)) + "}",
                "{\"title\":1e" + random.nextInt(100_000) + "}",
                "{\"title\":-" + "0".repeat(random.nextInt(100)) + "." + "1".repeat(random.nextInt(100)) + "}",
                "{\"title\":\"a\",\"title\":\"b\"}",
                "{\"title\":\"a\"," + "\"t\\u0069tle\":\"b\"}",
                "{\"title\":\"" + "x".repeat(random.nextInt(70_000)) + "\"}",
                "{\"title\":\"a\"}" + Generators.pick(random, "{}", " x", "]", "\u0000", "//", "/* */"),
                "{'title':'single quotes'}",
                "{title:\"unquoted\"}",
                "{\"title\":NaN}",
                "{\"title\":\"a\",}",
                "{\"title\":\"\\ud800\"}",
                "{\"title\":\"tab\tinside\"}",
                "{\"" + "k".repeat(random.nextInt(70_000)) + "\":1}",
            };
            String body = Generators.pick(random, hostile);
            parsesOrIs400(body.getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void duplicateMemberNamesAreAlwaysRejected() {
        Property.forAll("parser-duplicates", 1000, (random, trial) -> {
            String name = Generators.pick(random, "title", "description", "completed", "dueDate", "x");
            String first = "\"" + name + "\":" + Generators.pick(random, "\"a\"", "true", "null", "1");
            String second =
                    Generators.jsonString(random, name) + ":" + Generators.pick(random, "\"b\"", "false", "null", "2");
            String body = "{" + first + "," + (random.nextBoolean() ? "\"other\":1," : "") + second + "}";
            assertThatThrownBy(() -> JsonBodyParser.parseObject(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body)
                    .isInstanceOfSatisfying(
                            InvalidRequestException.class,
                            e -> assertThat(e.errors().getFirst().detail()).startsWith("has a duplicate member name"));
        });
    }
}
