package io.todoapi.todo.error;

/** The caller has no todo with this id (it never existed, was deleted, or belongs to someone else). */
public final class TodoNotFoundException extends ApiException {

    public TodoNotFoundException(String todoId) {
        super("Todo " + todoId + " was not found.");
    }
}
