package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static io.todoapi.todo.deployment.Project.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each function's policy, parsed: exactly the DynamoDB actions its code calls, on the todo table's ARN only, written
 * out (no SAM policy template such as DynamoDBCrudPolicy, no managed policy), no wildcard anywhere, no Scan.
 */
class LeastPrivilegePolicyTest {

    private static final Object TABLE_ARN = Map.of("Fn::GetAtt", List.of("TodoTable", "Arn"));

    @ParameterizedTest
    @EnumSource(Function.class)
    void eachFunctionMayCallExactlyItsDynamoDbActionsOnTheTableOnly(Function function) {
        Set<String> actions = new TreeSet<>();
        for (Map<String, Object> statement : statements(function)) {
            assertThat(statement).as("%s statement", function.logicalId)
                    .containsEntry("Effect", "Allow")
                    .doesNotContainKeys("NotAction", "NotResource", "Principal", "Condition");
            List<Object> resources = list(statement.get("Resource"));
            assertThat(resources).as("%s resources", function.logicalId).containsExactly(TABLE_ARN);
            for (Object action : list(statement.get("Action"))) {
                assertThat(action).as("%s action", function.logicalId).isInstanceOf(String.class);
                assertThat((String) action).doesNotContain("*").startsWith("dynamodb:");
                assertThat(actions.add((String) action)).as("%s repeats %s", function.logicalId, action).isTrue();
            }
        }
        assertThat(actions).as("%s (%s) DynamoDB actions", function.logicalId, function.handlerClass)
                .containsExactlyInAnyOrderElementsOf(function.dynamoDbActions)
                .doesNotContain("dynamodb:Scan");
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void noFunctionHasAManagedPolicyAPolicyTemplateOrItsOwnRole(Function function) {
        Map<String, Object> properties = properties(function.logicalId);
        assertThat(properties).doesNotContainKeys("Role", "PermissionsBoundary");
        for (Object policy : list(properties.get("Policies"))) {
            assertThat(policy).as("%s: a managed policy or SAM policy template instead of a statement",
                    function.logicalId).isInstanceOf(Map.class);
            assertThat(map(policy).keySet()).as("%s policy", function.logicalId)
                    .containsExactlyInAnyOrder("Version", "Statement");
        }
    }

    /** Every statement anywhere in the template (function policies and IAM resources) is free of wildcards. */
    @ParameterizedTest
    @EnumSource(Function.class)
    void noStatementUsesAWildcard(Function function) {
        for (Map<String, Object> statement : statements(function)) {
            for (Object value : values(statement)) {
                if (value instanceof String text) {
                    assertThat(text).as("%s: %s", function.logicalId, statement).doesNotContain("*");
                }
            }
        }
    }

    private static List<Map<String, Object>> statements(Function function) {
        List<Map<String, Object>> statements = new ArrayList<>();
        List<Object> policies = list(properties(function.logicalId).get("Policies"));
        assertThat(policies).as("%s Policies", function.logicalId).isNotEmpty();
        for (Object policy : policies) {
            for (Object statement : list(map(policy).get("Statement"))) {
                statements.add(map(statement));
            }
        }
        assertThat(statements).as("%s statements", function.logicalId).isNotEmpty();
        return statements;
    }

    private static List<Object> values(Object node) {
        List<Object> values = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> values.addAll(values(v)));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> values.addAll(values(v)));
        } else {
            values.add(node);
        }
        return values;
    }
}
