package io.todoapi.todo.repository;

import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoPage;
import io.todoapi.todo.model.TodoPatch;
import java.time.Instant;
import java.util.Optional;

/**
 * The todos of each owner. Every method works inside one owner's data: an id that belongs to someone else behaves
 * exactly like an id that does not exist. Failures are domain exceptions ({@code io.todoapi.todo.error}); no
 * storage exception leaves an implementation.
 */
public interface TodoRepository {

    /** Stores a new todo. */
    Todo create(String owner, Todo todo);

    /**
     * Stores a new todo at most once per Idempotency-Key: a repeat with the same key and the same request
     * fingerprint returns the todo stored the first time (as it was then), even when the repeats run
     * concurrently; the same key with another fingerprint throws {@code IdempotencyKeyReusedException}.
     */
    Todo create(String owner, Todo todo, IdempotencyKey key);

    Optional<Todo> get(String owner, String id);

    /** Up to {@code limit} todos in creation order, after the todo {@code startAfter} when given. */
    TodoPage list(String owner, int limit, Optional<String> startAfter);

    /**
     * Applies the patch atomically (no read-modify-write): version + 1, updatedAt = now. Throws
     * {@code TodoNotFoundException} or {@code VersionMismatchException}.
     */
    Todo update(String owner, String id, TodoPatch patch, Precondition precondition, Instant now);

    /** Throws {@code TodoNotFoundException} or {@code VersionMismatchException}. */
    void delete(String owner, String id, Precondition precondition);

    /** The Idempotency-Key of a create and the fingerprint of its request body. */
    record IdempotencyKey(String key, String fingerprint) {}
}
