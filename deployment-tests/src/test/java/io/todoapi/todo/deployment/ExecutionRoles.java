package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.testing.TodoFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each function's execution role may do, checked the same way on template.yaml and on the SAM transform's
 * output (where a generated role would show up with SAM's managed policies): write to the function's own log group,
 * send X-Ray traces, and call exactly its DynamoDB actions on the table. The only wildcard in any IAM statement of
 * the stack is the Resource of the X-Ray statement, because those two actions have no resource type to name.
 */
final class ExecutionRoles {

    /** The X-Ray actions Lambda's active tracing needs; IAM knows no resource for them, so their Resource is '*'. */
    static final Set<String> XRAY_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    static final Set<String> LOG_ACTIONS = Set.of("logs:CreateLogStream", "logs:PutLogEvents");
    static final Object TABLE_ARN = Map.of("Fn::GetAtt", List.of("TodoTable", "Arn"));

    private ExecutionRoles() {}

    /** The logical id of the role a function names with {@code Role: !GetAtt <TodoFunction>Role.Arn}. */
    static String roleOf(TodoFunction function) {
        return function.logicalId() + "Role";
    }

    /** Every statement of the inline policies of {@code function}'s role in {@code resources}. */
    static List<Map<String, Object>> statements(Map<String, Object> resources, TodoFunction function) {
        return inlineStatements(map(map(resources.get(roleOf(function))).get("Properties")));
    }

    /** The DynamoDB actions {@code function}'s role allows. */
    static Set<String> dynamoDbActions(Map<String, Object> resources, TodoFunction function) {
        Set<String> actions = new TreeSet<>();
        for (Map<String, Object> statement : statements(resources, function)) {
            list(statement.get("Action")).stream()
                    .map(String::valueOf)
                    .filter(a -> a.startsWith("dynamodb:"))
                    .forEach(actions::add);
        }
        return actions;
    }

    /**
     * The function runs with its own role of this stack, and that role is exactly: trusted by Lambda alone, no managed
     * policy or boundary, one statement for its own log group, one for X-Ray, one for its DynamoDB actions on the table.
     */
    static void assertLeastPrivilege(Map<String, Object> resources, TodoFunction function) {
        Map<String, Object> lambda =
                map(map(resources.get(function.logicalId())).get("Properties"));
        String roleId = roleOf(function);
        assertThat(lambda.get("Role"))
                .as("%s Role", function.logicalId())
                .isEqualTo(Map.of("Fn::GetAtt", List.of(roleId, "Arn")));
        assertThat(lambda)
                .as("%s: permissions live in its role only", function.logicalId())
                .doesNotContainKeys("Policies", "PermissionsBoundary");

        Map<String, Object> role = map(resources.get(roleId));
        assertThat(role.get("Type")).as(roleId).isEqualTo("AWS::IAM::Role");
        Map<String, Object> properties = map(role.get("Properties"));
        assertThat(properties.keySet())
                .as("%s properties (no managed policy, no boundary, no fixed name)", roleId)
                .containsExactlyInAnyOrder("Description", "AssumeRolePolicyDocument", "Policies");
        assertThat(list(map(properties.get("AssumeRolePolicyDocument")).get("Statement")))
                .as("%s trust", roleId)
                .containsExactly(Map.of(
                        "Effect",
                        "Allow",
                        "Principal",
                        Map.of("Service", "lambda.amazonaws.com"),
                        "Action",
                        "sts:AssumeRole"));

        Object ownLogGroup =
                map(map(lambda.get("LoggingConfig")).get("LogGroup")).get("Ref");
        assertThat(ownLogGroup)
                .as("%s logs to a log group of this stack", function.logicalId())
                .isInstanceOf(String.class);
        Object logGroup = Map.of("Fn::GetAtt", List.of(ownLogGroup, "Arn"));
        Map<Set<String>, Object> granted = new LinkedHashMap<>();
        for (Map<String, Object> statement : statements(resources, function)) {
            assertThat(statement)
                    .as("%s statement", roleId)
                    .containsEntry("Effect", "Allow")
                    .doesNotContainKeys("NotAction", "NotResource", "Principal", "Condition");
            Set<String> actions = new TreeSet<>();
            list(statement.get("Action")).forEach(action -> actions.add(String.valueOf(action)));
            assertThat(granted.put(actions, statement.get("Resource")))
                    .as("%s repeats %s", roleId, actions)
                    .isNull();
        }
        assertThat(granted)
                .as("%s: what it may do, on what", roleId)
                .isEqualTo(Map.of(
                        new TreeSet<>(LOG_ACTIONS), logGroup,
                        new TreeSet<>(XRAY_ACTIONS), "*",
                        new TreeSet<>(function.dynamoDbActions()), TABLE_ARN));
    }

    /** No IAM statement of {@code resources} has a wildcard, except the Resource of the X-Ray statements. */
    static void assertNoWildcardButXRay(Map<String, Object> resources) {
        List<Map<String, Object>> all = new ArrayList<>();
        resources.forEach((id, resource) -> {
            String type = String.valueOf(map(resource).get("Type"));
            Map<String, Object> properties = map(map(resource).get("Properties"));
            if (type.equals("AWS::IAM::Role")) {
                all.addAll(inlineStatements(properties));
            } else if (type.equals("AWS::IAM::Policy") || type.equals("AWS::IAM::ManagedPolicy")) {
                list(map(properties.get("PolicyDocument")).get("Statement")).forEach(s -> all.add(map(s)));
            }
        });
        assertThat(all).as("IAM statements of the stack").isNotEmpty();
        for (Map<String, Object> statement : all) {
            Set<String> actions = new TreeSet<>();
            list(statement.get("Action")).forEach(action -> actions.add(String.valueOf(action)));
            assertThat(actions).as("actions of %s", statement).noneMatch(action -> action.contains("*"));
            for (Object resource : list(statement.get("Resource"))) {
                if (resource instanceof String text && text.contains("*")) {
                    assertThat(text).as("wildcard resource of %s", statement).isEqualTo("*");
                    assertThat(actions).as("the only actions allowed on '*'").isEqualTo(XRAY_ACTIONS);
                }
            }
        }
    }

    private static List<Map<String, Object>> inlineStatements(Map<String, Object> roleProperties) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : list(roleProperties.get("Policies"))) {
            for (Object statement : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                statements.add(map(statement));
            }
        }
        return statements;
    }
}
