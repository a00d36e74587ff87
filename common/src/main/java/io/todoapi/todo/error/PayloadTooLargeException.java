package io.todoapi.todo.error;

/** The request body is larger than the API accepts. */
public final class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(int maxBytes) {
        super("The request body must not be larger than " + maxBytes + " bytes.");
    }
}
