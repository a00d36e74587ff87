package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.map;
import static io.todoapi.todo.deployment.Project.properties;
import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.testing.TodoFunction;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each function's execution role in template.yaml, parsed: its own log group, X-Ray, and exactly the DynamoDB actions
 * its code calls on the todo table, written out (no SAM policy template such as DynamoDBCrudPolicy, no managed policy
 * such as AWSLambdaBasicExecutionRole); no wildcard anywhere but the X-Ray statement's Resource; no Scan.
 * SamTransformTest checks the same on the transformed template.
 */
class LeastPrivilegePolicyTest {

    @ParameterizedTest
    @EnumSource(TodoFunction.class)
    void eachFunctionHasItsOwnRoleWithItsLogGroupTracingAndItsDynamoDbActionsOnly(TodoFunction function) {
        ExecutionRoles.assertLeastPrivilege(map(Project.template().get("Resources")), function);
        assertThat(ExecutionRoles.dynamoDbActions(map(Project.template().get("Resources")), function))
                .doesNotContain("dynamodb:Scan");
    }

    @Test
    void noStatementOfTheTemplateUsesAWildcardButTheXRayResource() {
        ExecutionRoles.assertNoWildcardButXRay(map(Project.template().get("Resources")));
    }

    @Test
    void eachFunctionLogsToALogGroupOfItsOwn() {
        assertThat(Arrays.stream(TodoFunction.values())
                        .map(f -> map(map(properties(f.logicalId()).get("LoggingConfig"))
                                        .get("LogGroup"))
                                .get("Ref"))
                        .distinct())
                .as("log groups of the functions")
                .hasSize(TodoFunction.values().length);
    }

    @Test
    void theFunctionsGetNoGlobalRoleOrPolicies() {
        Map<String, Object> globals = Project.functionGlobals();
        assertThat(globals).doesNotContainKeys("Role", "Policies", "PermissionsBoundary");
    }
}
