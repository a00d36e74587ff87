package io.todoapi.todo.benchmarks;

import io.todoapi.todo.testing.TodoFunction;

/** The naive reference handler of each function: {@code naive.Naive<handler's simple name>}, same operation. */
final class NaiveHandlers {

    private NaiveHandlers() {}

    /** The Lambda handler string of the naive reference of {@code function}. */
    static String of(TodoFunction function) {
        return "io.todoapi.todo.benchmarks.naive.Naive" + function.simpleClassName() + "::handleRequest";
    }
}
