package io.todoapi.todo.error;

/** The todo exists but its current version matches none of the entity tags in If-Match. */
public final class VersionMismatchException extends ApiException {

    public VersionMismatchException(String todoId) {
        super("Todo " + todoId + " has changed since the version in If-Match; fetch it again and retry.");
    }
}
