package io.todoapi.todo.error;

/** The todo exists, but its current version is none of the versions the change was conditional on. */
public final class VersionMismatchException extends ApiException {

    private final String todoId;

    public VersionMismatchException(String todoId) {
        super("Todo " + todoId + " is no longer at the expected version.");
        this.todoId = todoId;
    }

    public String todoId() {
        return todoId;
    }
}
