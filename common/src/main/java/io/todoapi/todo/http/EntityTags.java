package io.todoapi.todo.http;

import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.InvalidRequestException;
import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoLimits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Entity tags (RFC 9110 section 8.8.3) for todos: the strong tag {@code "<version>"}. Parses If-Match (strong
 * comparison: weak tags never match) and If-None-Match (weak comparison). A syntactically broken header, or one
 * listing more than {@link TodoLimits#MAX_ENTITY_TAGS} tags, is a 400 rather than a silently ignored condition (or a
 * condition DynamoDB would refuse).
 */
public final class EntityTags {

    static final String IF_MATCH = "If-Match";
    static final String IF_NONE_MATCH = "If-None-Match";

    private EntityTags() {}

    /** The strong entity tag of a todo's representation: its version in quotes, e.g. {@code "3"}. */
    public static String of(Todo todo) {
        return "\"" + todo.version() + "\"";
    }

    /** The write condition of an If-Match header value ({@code null} when absent). */
    public static Precondition ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return Precondition.NONE;
        }
        Set<Long> versions = new HashSet<>();
        for (Tag tag : parse(IF_MATCH, header)) {
            if (!tag.weak() && tag.version() != null) {
                versions.add(tag.version());
            }
        }
        return Precondition.anyOf(versions);
    }

    /** Whether an If-None-Match header value ({@code null} when absent) matches the todo's current tag. */
    public static boolean noneMatchHits(String header, Todo todo) {
        if (header == null || header.isBlank()) {
            return false;
        }
        if (header.trim().equals("*")) {
            return true;
        }
        for (Tag tag : parse(IF_NONE_MATCH, header)) {
            if (tag.version() != null && tag.version() == todo.version()) {
                return true;
            }
        }
        return false;
    }

    /** One entity tag; {@code version} is null when its opaque value is not one of ours. */
    private record Tag(boolean weak, Long version) {}

    private static List<Tag> parse(String headerName, String header) {
        List<Tag> tags = new ArrayList<>();
        String[] parts = header.split(",", -1);
        if (parts.length > TodoLimits.MAX_ENTITY_TAGS) {
            throw new InvalidRequestException(
                    "The " + headerName + " header lists too many entity tags.",
                    FieldError.header(headerName, "must list at most " + TodoLimits.MAX_ENTITY_TAGS + " entity tags"));
        }
        for (String part : parts) {
            String tag = part.trim();
            boolean weak = tag.startsWith("W/");
            if (weak) {
                tag = tag.substring(2);
            }
            if (tag.length() < 2
                    || tag.charAt(0) != '"'
                    || tag.charAt(tag.length() - 1) != '"'
                    || tag.substring(1, tag.length() - 1).indexOf('"') >= 0) {
                throw new InvalidRequestException(
                        "The " + headerName + " header is malformed.",
                        FieldError.header(headerName, "must be * or a list of entity tags such as \"3\""));
            }
            tags.add(new Tag(weak, versionOf(tag.substring(1, tag.length() - 1))));
        }
        return tags;
    }

    private static Long versionOf(String opaque) {
        if (opaque.isEmpty() || opaque.length() > 18) {
            return null;
        }
        for (int i = 0; i < opaque.length(); i++) {
            if (opaque.charAt(i) < '0' || opaque.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(opaque);
    }
}
