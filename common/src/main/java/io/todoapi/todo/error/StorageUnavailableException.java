package io.todoapi.todo.error;

/**
 * DynamoDB throttled the request, timed out or failed transiently after the SDK's bounded retries. The caller may
 * retry; the cause is logged, never returned.
 */
public final class StorageUnavailableException extends ApiException {

    /** Seconds a caller should wait before retrying (the Retry-After header). */
    public static final int RETRY_AFTER_SECONDS = 1;

    public StorageUnavailableException(Throwable cause) {
        super("The service is temporarily unavailable; retry in " + RETRY_AFTER_SECONDS + " second.", cause);
    }
}
