package io.todoapi.todo.benchmarks;

/** The five functions: module, handler, the naive reference handler of the same operation, the expected status. */
public enum Function {
    CREATE_TODO("create-todo", "io.todoapi.todo.create.CreateTodoHandler", "NaiveCreateTodoHandler", 201),
    LIST_TODOS("list-todos", "io.todoapi.todo.list.ListTodosHandler", "NaiveListTodosHandler", 200),
    GET_TODO("get-todo", "io.todoapi.todo.get.GetTodoHandler", "NaiveGetTodoHandler", 200),
    UPDATE_TODO("update-todo", "io.todoapi.todo.update.UpdateTodoHandler", "NaiveUpdateTodoHandler", 200),
    DELETE_TODO("delete-todo", "io.todoapi.todo.delete.DeleteTodoHandler", "NaiveDeleteTodoHandler", 204);

    private final String module;
    private final String handlerClass;
    private final String naiveClass;
    private final int expectedStatus;

    Function(String module, String handlerClass, String naiveClass, int expectedStatus) {
        this.module = module;
        this.handlerClass = handlerClass;
        this.naiveClass = naiveClass;
        this.expectedStatus = expectedStatus;
    }

    /** The module, which also names its event fixture ({@code events/<module>.json}). */
    public String module() {
        return module;
    }

    /** The Lambda handler string of the function. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }

    /** The Lambda handler string of the naive reference. */
    public String naiveHandler() {
        return "io.todoapi.todo.benchmarks.naive." + naiveClass + "::handleRequest";
    }

    public int expectedStatus() {
        return expectedStatus;
    }
}
