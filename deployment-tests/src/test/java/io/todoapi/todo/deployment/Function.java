package io.todoapi.todo.deployment;

import java.util.Set;

/**
 * What the deployment must wire, stated once: each function's logical id, module, handler class, operation, route
 * and the DynamoDB actions its code calls (DynamoDbTodoRepository). Every other test compares the files with this.
 */
enum Function {
    CREATE("CreateTodoFunction", "create-todo", "io.todoapi.todo.create.CreateTodoHandler", "createTodo", "/todos",
            "post", Set.of("dynamodb:PutItem", "dynamodb:GetItem")),
    LIST("ListTodosFunction", "list-todos", "io.todoapi.todo.list.ListTodosHandler", "listTodos", "/todos", "get",
            Set.of("dynamodb:Query")),
    GET("GetTodoFunction", "get-todo", "io.todoapi.todo.get.GetTodoHandler", "getTodo", "/todos/{todoId}", "get",
            Set.of("dynamodb:GetItem")),
    UPDATE("UpdateTodoFunction", "update-todo", "io.todoapi.todo.update.UpdateTodoHandler", "updateTodo",
            "/todos/{todoId}", "patch", Set.of("dynamodb:UpdateItem", "dynamodb:GetItem")),
    DELETE("DeleteTodoFunction", "delete-todo", "io.todoapi.todo.delete.DeleteTodoHandler", "deleteTodo",
            "/todos/{todoId}", "delete", Set.of("dynamodb:DeleteItem", "dynamodb:GetItem"));

    /** The alias SAM publishes ({@code AutoPublishAlias}) and API Gateway invokes. */
    static final String ALIAS = "live";

    final String logicalId;
    final String module;
    final String handlerClass;
    final String operationId;
    final String path;
    final String method;
    final Set<String> dynamoDbActions;

    Function(String logicalId, String module, String handlerClass, String operationId, String path, String method,
             Set<String> dynamoDbActions) {
        this.logicalId = logicalId;
        this.module = module;
        this.handlerClass = handlerClass;
        this.operationId = operationId;
        this.path = path;
        this.method = method;
        this.dynamoDbActions = dynamoDbActions;
    }

    /** The logical id of the alias SAM generates for {@code AutoPublishAlias: live}. */
    String aliasLogicalId() {
        return logicalId + "Alias" + ALIAS;
    }

    String handler() {
        return handlerClass + "::handleRequest";
    }

    String simpleClassName() {
        return handlerClass.substring(handlerClass.lastIndexOf('.') + 1);
    }
}
