package io.todoapi.todo.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A validated JSON Merge Patch of a todo ({@code TodoPatch} in openapi.yaml). Required fields ({@code title},
 * {@code completed}) can be set but never removed; at least one field changes.
 */
public record TodoPatch(
        Change<String> title, Change<String> description, Change<Boolean> completed, Change<LocalDate> dueDate) {

    public TodoPatch {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(completed, "completed");
        Objects.requireNonNull(dueDate, "dueDate");
        if (title instanceof Change.Remove || completed instanceof Change.Remove) {
            throw new IllegalArgumentException("title and completed cannot be removed");
        }
        if (title.isKeep() && description.isKeep() && completed.isKeep() && dueDate.isKeep()) {
            throw new IllegalArgumentException("a patch changes at least one field");
        }
    }

    /**
     * The todo after this patch, as the repository's atomic update stores it: the version goes up by one and
     * {@code updatedAt} becomes {@code now}. The repository does not call this (it never reads before writing);
     * it states the semantics that the update expression implements, for tests and models.
     */
    public Todo applyTo(Todo todo, Instant now) {
        return new Todo(
                todo.id(),
                title.applyTo(todo.title()),
                description.applyTo(todo.description()),
                completed.applyTo(todo.completed()),
                dueDate.applyTo(todo.dueDate()),
                todo.createdAt(),
                now,
                todo.version() + 1);
    }
}
