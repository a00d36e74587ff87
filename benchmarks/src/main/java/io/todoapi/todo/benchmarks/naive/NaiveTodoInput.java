package io.todoapi.todo.benchmarks.naive;

/** The naive request body of create and update, bound by Jackson databind. */
public class NaiveTodoInput {

    public String title;
    public String description;
    public Boolean completed;
    public String dueDate;
}
