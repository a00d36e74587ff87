package io.todoapi.todo.error;

import java.util.List;

/** The request breaks the contract (body, parameters or headers); {@link #errors()} says where and why. */
public final class InvalidRequestException extends ApiException {

    /** At most this many errors are reported, so a hostile body cannot make the response large. */
    public static final int MAX_ERRORS = 20;

    private final transient List<FieldError> errors;

    public InvalidRequestException(String message, List<FieldError> errors) {
        super(message);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one error");
        }
        this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
    }

    public InvalidRequestException(String message, FieldError error) {
        this(message, List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
