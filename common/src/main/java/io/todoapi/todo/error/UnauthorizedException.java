package io.todoapi.todo.error;

/** The request carries no usable caller identity (no Cognito {@code sub} claim). */
public final class UnauthorizedException extends ApiException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
