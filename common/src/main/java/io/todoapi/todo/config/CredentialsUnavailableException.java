package io.todoapi.todo.config;

/**
 * The function has no AWS credentials: neither source that Lambda provides (see {@link LambdaCredentials}) gave any.
 * That is a broken deployment or runtime, not a transient fault: retrying the request cannot help, so it becomes a
 * 500 with an ERROR log, never a 503.
 */
public final class CredentialsUnavailableException extends RuntimeException {

    public CredentialsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
