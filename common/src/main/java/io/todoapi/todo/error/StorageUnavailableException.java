package io.todoapi.todo.error;

/**
 * The storage throttled the request, timed out or failed transiently after the SDK's bounded retries: trying again
 * later may succeed. The cause is logged, never returned.
 */
public final class StorageUnavailableException extends ApiException {

    public StorageUnavailableException(Throwable cause) {
        super("The storage is temporarily unavailable.", cause);
    }
}
