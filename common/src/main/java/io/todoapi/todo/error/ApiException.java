package io.todoapi.todo.error;

/**
 * Every way a request can fail that the API reports to the caller. The hierarchy is sealed so that the one
 * mapping to HTTP ({@code io.todoapi.todo.http.Problems}) is checked for exhaustiveness by the compiler. Messages
 * are written for the API's callers and say nothing about HTTP; {@code Problems} turns each into a problem's
 * {@code detail}, adding what is HTTP's (headers, what to send instead).
 */
public abstract sealed class ApiException extends RuntimeException
        permits InvalidRequestException,
                UnauthorizedException,
                TodoNotFoundException,
                VersionMismatchException,
                PayloadTooLargeException,
                UnsupportedMediaTypeException,
                IdempotencyKeyReusedException,
                StorageUnavailableException {

    protected ApiException(String message) {
        super(message, null, false, false);
    }

    protected ApiException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
