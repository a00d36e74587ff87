package io.todoapi.todo.error;

/** An Idempotency-Key was used again with a request that differs from the first one. */
public final class IdempotencyKeyReusedException extends ApiException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used with a different request body; use a new key for a new"
                + " request.");
    }
}
