package io.todoapi.todo.error;

import java.util.List;

/**
 * The request body's Content-Type is missing or not one this operation accepts. {@link #acceptHeader()} names the
 * response header that advertises the accepted types ({@code Accept-Post} or {@code Accept-Patch}).
 */
public final class UnsupportedMediaTypeException extends ApiException {

    private final String acceptHeader;
    private final transient List<String> accepted;

    public UnsupportedMediaTypeException(String acceptHeader, List<String> accepted) {
        super("Content-Type must be " + String.join(" or ", accepted) + " (UTF-8).");
        this.acceptHeader = acceptHeader;
        this.accepted = List.copyOf(accepted);
    }

    public String acceptHeader() {
        return acceptHeader;
    }

    /** The media types the operation accepts, in order of preference. */
    public List<String> accepted() {
        return accepted;
    }
}
