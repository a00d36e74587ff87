package io.todoapi.todo.testing;

import java.util.Set;

/**
 * The five functions, stated once for every test that looks at them all (deployment-tests, benchmarks): each
 * function's logical id in template.yaml, its module, handler class, the operation and route it serves in
 * openapi.yaml, the DynamoDB actions its code calls (DynamoDbTodoRepository) and the status its fixture event
 * ({@code events/<module>.json}) is answered with.
 */
public enum TodoFunction {
    CREATE(
            "CreateTodoFunction",
            "create-todo",
            "io.todoapi.todo.create.CreateTodoHandler",
            "createTodo",
            "/todos",
            "post",
            Set.of("dynamodb:PutItem", "dynamodb:GetItem"),
            201),
    LIST(
            "ListTodosFunction",
            "list-todos",
            "io.todoapi.todo.list.ListTodosHandler",
            "listTodos",
            "/todos",
            "get",
            Set.of("dynamodb:Query"),
            200),
    GET(
            "GetTodoFunction",
            "get-todo",
            "io.todoapi.todo.get.GetTodoHandler",
            "getTodo",
            "/todos/{todoId}",
            "get",
            Set.of("dynamodb:GetItem"),
            200),
    UPDATE(
            "UpdateTodoFunction",
            "update-todo",
            "io.todoapi.todo.update.UpdateTodoHandler",
            "updateTodo",
            "/todos/{todoId}",
            "patch",
            Set.of("dynamodb:UpdateItem", "dynamodb:GetItem"),
            200),
    DELETE(
            "DeleteTodoFunction",
            "delete-todo",
            "io.todoapi.todo.delete.DeleteTodoHandler",
            "deleteTodo",
            "/todos/{todoId}",
            "delete",
            Set.of("dynamodb:DeleteItem", "dynamodb:GetItem"),
            204);

    /** The alias SAM publishes ({@code AutoPublishAlias}) and API Gateway invokes. */
    public static final String ALIAS = "live";

    private final String logicalId;
    private final String module;
    private final String handlerClass;
    private final String operationId;
    private final String path;
    private final String method;
    private final Set<String> dynamoDbActions;
    private final int fixtureStatus;

    TodoFunction(
            String logicalId,
            String module,
            String handlerClass,
            String operationId,
            String path,
            String method,
            Set<String> dynamoDbActions,
            int fixtureStatus) {
        this.logicalId = logicalId;
        this.module = module;
        this.handlerClass = handlerClass;
        this.operationId = operationId;
        this.path = path;
        this.method = method;
        this.dynamoDbActions = dynamoDbActions;
        this.fixtureStatus = fixtureStatus;
    }

    /** The function's logical id in template.yaml, e.g. {@code CreateTodoFunction}. */
    public String logicalId() {
        return logicalId;
    }

    /** The Maven module, which also names the function's fixture event ({@code events/<module>.json}). */
    public String module() {
        return module;
    }

    public String handlerClass() {
        return handlerClass;
    }

    /** The openapi.yaml operationId, e.g. {@code createTodo}. */
    public String operationId() {
        return operationId;
    }

    /** The openapi.yaml path, e.g. {@code /todos/{todoId}}. */
    public String path() {
        return path;
    }

    /** The HTTP method in lower case, as openapi.yaml's path item key. */
    public String method() {
        return method;
    }

    /** The IAM actions of the DynamoDB calls the function's code makes. */
    public Set<String> dynamoDbActions() {
        return dynamoDbActions;
    }

    /** The status the function answers its fixture event with. */
    public int fixtureStatus() {
        return fixtureStatus;
    }

    /** The Lambda handler string, e.g. {@code io.todoapi.todo.create.CreateTodoHandler::handleRequest}. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }

    /** The logical id of the alias SAM generates for {@code AutoPublishAlias: live}. */
    public String aliasLogicalId() {
        return logicalId + "Alias" + ALIAS;
    }

    public String simpleClassName() {
        return handlerClass.substring(handlerClass.lastIndexOf('.') + 1);
    }
}
