package io.todoapi.todo.error;

import java.util.Objects;

/**
 * One reason a request was rejected, for the {@code errors} member of a problem response. Exactly one of
 * {@code pointer} (a JSON Pointer into the body, in URI-fragment form such as {@code #/title}), {@code parameter}
 * (a path or query parameter) or {@code header} locates it.
 */
public record FieldError(Location location, String name, String detail) {

    public enum Location {
        POINTER("pointer"),
        PARAMETER("parameter"),
        HEADER("header");

        private final String member;

        Location(String member) {
            this.member = member;
        }

        /** The JSON member that carries the name in a problem response. */
        public String member() {
            return member;
        }
    }

    public FieldError {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }

    /** The longest text taken from a request into a response: names are not echoed beyond it. */
    public static final int MAX_ECHO_LENGTH = 64;

    /**
     * An error at a body member, e.g. {@code body("title", "is required")} -> pointer {@code #/title}. A member name
     * too long to repeat (the pointer would exceed {@value #MAX_ECHO_LENGTH} characters) is reported at the whole body
     * ({@code #}) instead, with its length: a response never echoes more than a short excerpt of the request.
     */
    public static FieldError body(String member, String detail) {
        String pointer = "#/" + member.replace("~", "~0").replace("/", "~1");
        if (pointer.length() > MAX_ECHO_LENGTH) {
            return new FieldError(
                    Location.POINTER,
                    "#",
                    "has a member whose name (" + member.length() + " characters) is too long to repeat, which "
                            + detail);
        }
        return new FieldError(Location.POINTER, pointer, detail);
    }

    /** An error about the body as a whole (pointer {@code #}). */
    public static FieldError wholeBody(String detail) {
        return new FieldError(Location.POINTER, "#", detail);
    }

    public static FieldError parameter(String name, String detail) {
        return new FieldError(Location.PARAMETER, name, detail);
    }

    public static FieldError header(String name, String detail) {
        return new FieldError(Location.HEADER, name, detail);
    }
}
