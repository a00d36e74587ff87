package io.todoapi.todo.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A todo as stored and returned. {@code description} and {@code dueDate} are {@code null} when unset (and then
 * omitted from JSON); every other component is always present.
 */
public record Todo(
        String id,
        String title,
        String description,
        boolean completed,
        LocalDate dueDate,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Todo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1: " + version);
        }
    }
}
