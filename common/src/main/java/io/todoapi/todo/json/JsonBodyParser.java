package io.todoapi.todo.json;

import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactoryBuilder;
import software.amazon.awssdk.thirdparty.jackson.core.JsonLocation;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadConstraints;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;
import software.amazon.awssdk.thirdparty.jackson.core.exc.StreamConstraintsException;

/**
 * Reads a request body that must be one JSON object, with Jackson's streaming parser (no data binding: it is the
 * cheapest way to start and it sees everything a strict API must reject). Duplicate member names, trailing data,
 * non-standard JSON and absurd nesting or number lengths are errors, reported without echoing the body.
 */
public final class JsonBodyParser {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxNumberLength(64)
                    .maxStringLength(64 * 1024)
                    .build())
            .build();

    private JsonBodyParser() {}

    /** The members of the object in {@code utf8}, in document order. */
    public static Map<String, JsonValue> parseObject(byte[] utf8) {
        if (startsWithNul(utf8) || !isStrictUtf8(utf8)) {
            throw invalid("is not valid JSON: it must be encoded in UTF-8");
        }
        try (JsonParser parser = FACTORY.createParser(utf8)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw invalid("must be a JSON object, but the body is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw invalid("must be a JSON object");
            }
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                members.put(name, readValue(parser, parser.nextToken()));
            }
            if (parser.nextToken() != null) {
                throw invalid("must contain exactly one JSON object, but there is more data after it");
            }
            return members;
        } catch (StreamConstraintsException e) {
            throw invalid("is nested too deeply or has a number or string that is too long");
        } catch (JsonProcessingException e) {
            throw invalid(describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a NUL is among the first four bytes: that is how Jackson detects UTF-16 and UTF-32 (byte order marks
     * are not UTF-8, so {@link #isStrictUtf8} already refuses them). Such a body is not UTF-8 JSON (RFC 8259 section
     * 8.1), and Jackson's UTF-32 reader would fail on it with an I/O error instead of a parse error.
     */
    private static boolean startsWithNul(byte[] bytes) {
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code bytes} are well-formed UTF-8 (RFC 3629): no overlong forms, no encoded surrogates, nothing above
     * U+10FFFF, no truncated sequences. Jackson's byte parser decodes some malformed sequences leniently (the
     * overlong {@code C0 AF} becomes "/"), which would store text the client never sent.
     */
    private static boolean isStrictUtf8(byte[] bytes) {
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

    private static JsonValue readValue(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> new JsonValue.JsonString(parser.getText());
            case VALUE_TRUE -> new JsonValue.JsonBoolean(true);
            case VALUE_FALSE -> new JsonValue.JsonBoolean(false);
            case VALUE_NULL -> JsonValue.Other.NULL;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonValue.Other.NUMBER;
            case START_OBJECT -> {
                parser.skipChildren();
                yield JsonValue.Other.OBJECT;
            }
            case START_ARRAY -> {
                parser.skipChildren();
                yield JsonValue.Other.ARRAY;
            }
            default -> throw new IllegalStateException("unexpected token " + token);
        };
    }

    private static String describe(JsonProcessingException e) {
        String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                ? "has a duplicate member name"
                : "is not valid JSON";
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return what + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return what;
    }

    private static InvalidRequestException invalid(String detail) {
        return new InvalidRequestException("The request body " + detail + ".", FieldError.wholeBody(detail));
    }
}
