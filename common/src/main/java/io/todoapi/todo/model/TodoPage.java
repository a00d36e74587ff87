package io.todoapi.todo.model;

import java.util.List;
import java.util.Optional;

/**
 * One page of a caller's todos in creation order. {@code lastId} is present only when more todos follow: it is
 * the id to continue after.
 */
public record TodoPage(List<Todo> items, Optional<String> lastId) {

    public TodoPage {
        items = List.copyOf(items);
    }
}
