package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.map;
import static io.todoapi.todo.testing.Events.withBody;
import static io.todoapi.todo.testing.Events.withHeader;
import static io.todoapi.todo.testing.Events.withOwner;
import static io.todoapi.todo.testing.Events.withQuery;
import static io.todoapi.todo.testing.Events.withTodoId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.localdb.LocalDynamoDb;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.LocalEngine;
import io.todoapi.todo.testing.Responses;
import io.todoapi.todo.testing.TestContext;
import io.todoapi.todo.testing.TodoFunction;
import io.todoapi.todo.testing.TodoTables;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The IAM policies of template.yaml compared with what the code really calls. Each handler is built the way Lambda
 * builds it (public no-arg constructor, configuration read from the environment, here from JVM system properties
 * of the same names) and driven against dynalite through every path that reaches DynamoDB: success, Idempotency-Key
 * replays and reuse, failed conditions (404 and 412), pagination. {@link RecordingInterceptor}, registered for every
 * SDK client of this JVM, records the operations. Each function's execution role must allow exactly those DynamoDB
 * actions: a missing one would be an AccessDenied (a 500) in AWS, an extra one a privilege the function never uses.
 */
class FunctionPoliciesMatchCallsIT {

    private static final Map<String, String> CONFIGURATION = new LinkedHashMap<>();
    private static final Map<TodoFunction, Set<String>> CALLED = new EnumMap<>(TodoFunction.class);
    private static final Map<TodoFunction, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>>
            HANDLERS = new EnumMap<>(TodoFunction.class);
    private static String owner;

    @BeforeAll
    static void driveEveryFunction() throws Exception {
        String table;
        try (DynamoDbClient admin = LocalEngine.client()) {
            table = TodoTables.create(admin, "policies");
        }
        CONFIGURATION.put("TABLE_NAME", table);
        CONFIGURATION.put("AWS_REGION", LocalDynamoDb.REGION.id());
        CONFIGURATION.put(
                "AWS_ENDPOINT_URL_DYNAMODB", LocalDynamoDb.shared().endpoint().toString());
        CONFIGURATION.put("aws.accessKeyId", LocalDynamoDb.ACCESS_KEY_ID);
        CONFIGURATION.put("aws.secretAccessKey", LocalDynamoDb.SECRET_ACCESS_KEY);
        CONFIGURATION.put("ALLOWED_ORIGIN", "*");
        CONFIGURATION.put("USER_POOL_CLIENT_ID", Events.FIXTURE_AUDIENCE);
        CONFIGURATION.put("POWERTOOLS_SERVICE_NAME", "todo-api");
        CONFIGURATION.put("POWERTOOLS_LOG_LEVEL", "WARN");
        CONFIGURATION.forEach(System::setProperty);
        for (TodoFunction function : TodoFunction.values()) {
            @SuppressWarnings("unchecked")
            var handler = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                    Class.forName(function.handlerClass()).getConstructor().newInstance();
            HANDLERS.put(function, handler);
        }
        owner = "policy-" + UUID.randomUUID();

        // createTodo: without a key; with a new key; the same key and body again (a replay reads the key's record);
        // the same key with another body (422).
        RecordingInterceptor.clear();
        assertThat(create("{\"title\":\"No key\"}", null).getStatusCode()).isEqualTo(201);
        String first = Responses.json(create("{\"title\":\"Keyed\"}", "policy-key-1"), 201)
                .get("id")
                .asText();
        assertThat(Responses.json(create("{\"title\":\"Keyed\"}", "policy-key-1"), 201)
                        .get("id")
                        .asText())
                .isEqualTo(first);
        Responses.problem(create("{\"title\":\"Other body\"}", "policy-key-1"), 422);
        CALLED.put(TodoFunction.CREATE, RecordingInterceptor.drain());

        // Todos for the other functions, created (and recorded) before their turn.
        String[] ids = new String[4];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Responses.json(create("{\"title\":\"Todo " + i + "\"}", null), 201)
                    .get("id")
                    .asText();
        }
        String absent = "01900000-0000-7000-8000-000000000000";

        // listTodos: two pages (the first one has a nextToken, the last one none).
        RecordingInterceptor.clear();
        var page = Responses.json(invoke(TodoFunction.LIST, withQuery(event(TodoFunction.LIST), "limit", "4")), 200);
        assertThat(page.has("nextToken")).isTrue();
        var last = Responses.json(
                invoke(
                        TodoFunction.LIST,
                        withQuery(
                                event(TodoFunction.LIST),
                                "limit",
                                "4",
                                "nextToken",
                                page.get("nextToken").asText())),
                200);
        assertThat(last.has("nextToken")).isFalse();
        CALLED.put(TodoFunction.LIST, RecordingInterceptor.drain());

        // getTodo: found, not modified (If-None-Match), not found.
        RecordingInterceptor.clear();
        Responses.json(invoke(TodoFunction.GET, withTodoId(event(TodoFunction.GET), ids[0])), 200);
        assertThat(invoke(
                                TodoFunction.GET,
                                withHeader(withTodoId(event(TodoFunction.GET), ids[0]), "If-None-Match", "\"1\""))
                        .getStatusCode())
                .isEqualTo(304);
        Responses.problem(invoke(TodoFunction.GET, withTodoId(event(TodoFunction.GET), absent)), 404);
        CALLED.put(TodoFunction.GET, RecordingInterceptor.drain());

        // updateTodo: changed; a stale If-Match (412, found out by reading the todo); an absent todo (404).
        RecordingInterceptor.clear();
        Responses.json(invoke(TodoFunction.UPDATE, patch(ids[1], "\"1\"")), 200);
        Responses.problem(invoke(TodoFunction.UPDATE, patch(ids[1], "\"1\"")), 412);
        Responses.problem(invoke(TodoFunction.UPDATE, patch(absent, null)), 404);
        CALLED.put(TodoFunction.UPDATE, RecordingInterceptor.drain());

        // deleteTodo: deleted; a stale If-Match (412); already gone (404).
        RecordingInterceptor.clear();
        assertThat(invoke(
                                TodoFunction.DELETE,
                                withHeader(withTodoId(event(TodoFunction.DELETE), ids[2]), "If-Match", "\"1\""))
                        .getStatusCode())
                .isEqualTo(204);
        Responses.problem(
                invoke(
                        TodoFunction.DELETE,
                        withHeader(withTodoId(event(TodoFunction.DELETE), ids[3]), "If-Match", "\"7\"")),
                412);
        Responses.problem(
                invoke(
                        TodoFunction.DELETE,
                        withHeader(withTodoId(event(TodoFunction.DELETE), ids[2]), "If-Match", null)),
                404);
        CALLED.put(TodoFunction.DELETE, RecordingInterceptor.drain());
    }

    @AfterAll
    static void forgetConfiguration() {
        CONFIGURATION.keySet().forEach(System::clearProperty);
    }

    @Test
    void eachFunctionsPolicyAllowsExactlyTheDynamoDbActionsItsCodeCalls() {
        for (TodoFunction function : TodoFunction.values()) {
            Set<String> allowed =
                    ExecutionRoles.dynamoDbActions(map(Project.template().get("Resources")), function);
            System.out.println(
                    function.logicalId() + " called " + CALLED.get(function) + ", template allows " + allowed);
            assertThat(CALLED.get(function))
                    .as("%s (%s): DynamoDB actions its code called", function.logicalId(), function.handlerClass())
                    .isNotEmpty()
                    .doesNotContain("dynamodb:Scan");
            assertThat(allowed)
                    .as("%s: the actions template.yaml allows vs. those its code called", function.logicalId())
                    .containsExactlyInAnyOrderElementsOf(CALLED.get(function));
        }
    }

    @Test
    void theFunctionTableOfTheDeploymentTestsStatesTheSameActions() {
        for (TodoFunction function : TodoFunction.values()) {
            assertThat(function.dynamoDbActions())
                    .as("TodoFunction.%s.dynamoDbActions()", function.name())
                    .containsExactlyInAnyOrderElementsOf(CALLED.get(function));
        }
    }

    private static APIGatewayProxyRequestEvent event(TodoFunction function) {
        return withOwner(Events.load(function.module()), owner);
    }

    private static APIGatewayProxyResponseEvent invoke(TodoFunction function, APIGatewayProxyRequestEvent event) {
        return HANDLERS.get(function).handleRequest(event, TestContext.of(function.logicalId()));
    }

    private static APIGatewayProxyResponseEvent create(String body, String idempotencyKey) {
        return invoke(
                TodoFunction.CREATE,
                withBody(withHeader(event(TodoFunction.CREATE), "Idempotency-Key", idempotencyKey), body));
    }

    private static APIGatewayProxyRequestEvent patch(String id, String ifMatch) {
        return withHeader(
                withBody(withTodoId(event(TodoFunction.UPDATE), id), "{\"completed\":true}"), "If-Match", ifMatch);
    }
}
