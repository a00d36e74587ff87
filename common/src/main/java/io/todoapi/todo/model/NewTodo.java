package io.todoapi.todo.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;

/** A validated create request ({@code NewTodo} in openapi.yaml). */
public record NewTodo(String title, String description, boolean completed, LocalDate dueDate) {

    public NewTodo {
        Objects.requireNonNull(title, "title");
    }

    /** The todo this request creates, version 1, created and updated at {@code now}. */
    public Todo toTodo(String id, Instant now) {
        return new Todo(id, title, description, completed, dueDate, now, now, 1);
    }

    /**
     * A digest of the request's meaning, used to tell an idempotent repeat from a different request under the same
     * Idempotency-Key: member order, whitespace and an explicit {@code "completed": false} do not change it.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder(64 + title.length())
                .append("title=")
                .append(title.length())
                .append(':')
                .append(title)
                .append("|completed=")
                .append(completed)
                .append("|dueDate=")
                .append(dueDate == null ? "" : dueDate.toString());
        if (description != null) {
            canonical
                    .append("|description=")
                    .append(description.length())
                    .append(':')
                    .append(description);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
