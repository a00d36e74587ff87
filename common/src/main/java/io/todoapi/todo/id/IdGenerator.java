package io.todoapi.todo.id;

/** Produces new todo ids. */
@FunctionalInterface
public interface IdGenerator {

    /** A new id in lowercase canonical UUID form. */
    String next();
}
