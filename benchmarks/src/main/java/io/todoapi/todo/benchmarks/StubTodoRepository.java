package io.todoapi.todo.benchmarks;

import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoPage;
import io.todoapi.todo.model.TodoPatch;
import io.todoapi.todo.repository.TodoRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A repository that answers at once from memory with fixed todos, so that the warm measurements are the cost of the
 * functions' own code (event to response) and not of DynamoDB or the SDK. Lists are full pages of 20.
 */
final class StubTodoRepository implements TodoRepository {

    private static final Instant CREATED = Instant.parse("2026-11-24T19:00:00.000Z");

    private final Todo todo;
    private final TodoPage page;

    StubTodoRepository(String todoId) {
        this.todo = new Todo(
                todoId,
                "Buy oat milk",
                "2 litres, barista edition",
                false,
                LocalDate.of(2026, 11, 30),
                CREATED,
                CREATED,
                1);
        List<Todo> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = todoId.substring(0, todoId.length() - 2) + String.format("%02d", i);
            items.add(new Todo(
                    id,
                    "Todo " + i,
                    "A description of todo " + i,
                    i % 2 == 0,
                    LocalDate.of(2026, 12, 1),
                    CREATED,
                    CREATED,
                    1));
        }
        this.page = new TodoPage(items, Optional.of(items.getLast().id()));
    }

    @Override
    public Todo create(String owner, Todo newTodo) {
        return newTodo;
    }

    @Override
    public Todo create(String owner, Todo newTodo, IdempotencyKey key) {
        return newTodo;
    }

    @Override
    public Optional<Todo> get(String owner, String id) {
        return Optional.of(todo);
    }

    @Override
    public TodoPage list(String owner, int limit, Optional<String> startAfter) {
        return page;
    }

    @Override
    public Todo update(String owner, String id, TodoPatch patch, Precondition precondition, Instant now) {
        return patch.applyTo(todo, now);
    }

    @Override
    public void delete(String owner, String id, Precondition precondition) {}
}
