package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.todoapi.todo.testing.TodoFunction;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SAM transform of template.yaml, run with aws-sam-translator on the template as CloudFormation hands it to the
 * transform: openapi.yaml already included (CloudFormation runs the nested AWS::Include first) and each function's
 * CodeUri an S3 location (as `sam deploy` uploads it). Every Lambda permission must be on the alias, never on the
 * bare function: API Gateway invokes the alias, and SnapStart applies only to published versions. The roles are the
 * template's own (SAM generates none, so no managed policy is attached), and the Api events' Auth, which is there
 * for SAM CLI only, changes nothing in the output.
 */
class SamTransformTest {

    private static Map<String, Object> output;
    /** The transform of the same template with every Api event's Auth removed. */
    private static Map<String, Object> outputWithoutEventAuth;

    @BeforeAll
    static void transform() {
        if (SamTransform.unavailable() != null) {
            // Reported by every test (assumption in @BeforeEach), so the reason shows in each test's result; an
            // assumption failing here would make JUnit report no tests at all.
            return;
        }
        output = SamTransform.output();
        Map<String, Object> template = SamTransform.asDeployed(Project.template());
        for (TodoFunction function : TodoFunction.values()) {
            map(eventOf(template, function).get("Properties")).remove("Auth");
        }
        outputWithoutEventAuth = SamTransform.transform(template);
    }

    private static Map<String, Object> eventOf(Map<String, Object> template, TodoFunction function) {
        Map<String, Object> events = map(map(map(map(template.get("Resources")).get(function.logicalId()))
                        .get("Properties"))
                .get("Events"));
        return map(events.values().iterator().next());
    }

    @BeforeEach
    void requireTheTranslator() {
        assumeTrue(SamTransform.unavailable() == null, SamTransform.unavailable());
    }

    @Test
    void everyLambdaPermissionIsOnAFunctionsLiveAlias() {
        Map<String, Map<String, Object>> permissions = resources("AWS::Lambda::Permission");
        assertThat(permissions).hasSize(TodoFunction.values().length);
        Set<String> targets = new TreeSet<>();
        permissions.forEach((id, permission) -> {
            Map<String, Object> properties = map(permission.get("Properties"));
            Object target = properties.get("FunctionName");
            assertThat(map(target).keySet()).as("%s FunctionName", id).containsExactly("Ref");
            String ref = String.valueOf(map(target).get("Ref"));
            assertThat(ref).as("%s must target an alias", id).endsWith("Alias" + TodoFunction.ALIAS);
            assertThat(resources("AWS::Lambda::Alias")).as("%s target", id).containsKey(ref);
            targets.add(ref);
            assertThat(properties)
                    .containsEntry("Action", "lambda:InvokeFunction")
                    .containsEntry("Principal", "apigateway.amazonaws.com");
        });
        assertThat(targets)
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(TodoFunction.values())
                        .map(TodoFunction::aliasLogicalId)
                        .toList());
    }

    @Test
    void eachPermissionAllowsExactlyItsRoute() {
        for (TodoFunction function : TodoFunction.values()) {
            Map<String, Object> permission = resources("AWS::Lambda::Permission").values().stream()
                    .map(p -> map(p.get("Properties")))
                    .filter(p -> map(p.get("FunctionName")).get("Ref").equals(function.aliasLogicalId()))
                    .findFirst()
                    .orElseThrow();
            String sourceArn = String.valueOf(
                    list(map(permission.get("SourceArn")).get("Fn::Sub")).getFirst());
            String route =
                    "/" + function.method().toUpperCase() + function.path().replaceAll("\\{[^}]+}", "*");
            assertThat(sourceArn).as("%s permission", function.logicalId()).endsWith(route);
        }
    }

    @Test
    void eachFunctionHasAnAliasOnAPublishedVersionWithSnapStart() {
        for (TodoFunction function : TodoFunction.values()) {
            Map<String, Object> alias = map(map(output.get("Resources")).get(function.aliasLogicalId()));
            assertThat(alias.get("Type")).isEqualTo("AWS::Lambda::Alias");
            Map<String, Object> aliasProperties = map(alias.get("Properties"));
            assertThat(aliasProperties)
                    .containsEntry("Name", TodoFunction.ALIAS)
                    .containsEntry("FunctionName", Map.of("Ref", function.logicalId()));
            String version = String.valueOf(
                    list(map(aliasProperties.get("FunctionVersion")).get("Fn::GetAtt"))
                            .getFirst());
            assertThat(map(map(output.get("Resources")).get(version)).get("Type"))
                    .isEqualTo("AWS::Lambda::Version");

            Map<String, Object> lambda = map(
                    map(map(output.get("Resources")).get(function.logicalId())).get("Properties"));
            assertThat(map(lambda.get("SnapStart"))).containsEntry("ApplyOn", "PublishedVersions");
            assertThat(list(lambda.get("Architectures"))).containsExactly("arm64");
            assertThat(lambda.get("Handler")).isEqualTo(function.handler());
        }
    }

    @Test
    void theRestApiKeepsTheAliasIntegrationsAndHasOneThrottledStage() {
        Map<String, Map<String, Object>> apis = resources("AWS::ApiGateway::RestApi");
        assertThat(apis).hasSize(1);
        Map<String, Object> body =
                map(map(apis.values().iterator().next().get("Properties")).get("Body"));
        for (TodoFunction function : TodoFunction.values()) {
            Map<String, Object> integration =
                    map(map(map(map(body.get("paths")).get(function.path())).get(function.method()))
                            .get("x-amazon-apigateway-integration"));
            assertThat(String.valueOf(map(integration.get("uri")).get("Fn::Sub")))
                    .contains("${" + function.aliasLogicalId() + "}");
        }
        Map<String, Map<String, Object>> stages = resources("AWS::ApiGateway::Stage");
        assertThat(stages).as("one stage (no extra \"Stage\" stage)").hasSize(1);
        resources("AWS::ApiGateway::Deployment")
                .values()
                .forEach(deployment ->
                        assertThat(map(deployment.get("Properties"))).doesNotContainKey("StageName"));
        Map<String, Object> stage = map(stages.values().iterator().next().get("Properties"));
        assertThat(stage)
                .containsEntry("StageName", "prod")
                .containsEntry("TracingEnabled", true)
                .containsKey("AccessLogSetting");
        assertThat(map(list(stage.get("MethodSettings")).getFirst()))
                .containsKeys("ThrottlingRateLimit", "ThrottlingBurstLimit");
    }

    @Test
    void theApiEventsAuthChangesNothingTheTransformProduces() {
        for (TodoFunction function : TodoFunction.values()) {
            assertThat(map(eventOf(Project.template(), function).get("Properties")))
                    .as("%s event", function.logicalId())
                    .containsKey("Auth");
        }
        assertThat(output).as("transform with the events' Auth vs. without it").isEqualTo(outputWithoutEventAuth);
    }

    @Test
    void eachFunctionRunsWithItsOwnLeastPrivilegeRole() {
        for (TodoFunction function : TodoFunction.values()) {
            ExecutionRoles.assertLeastPrivilege(map(output.get("Resources")), function);
        }
    }

    @Test
    void samGeneratesNoRoleAndNoStatementHasAWildcardButTheXRayResource() {
        Set<String> functionRoles = new TreeSet<>();
        for (TodoFunction function : TodoFunction.values()) {
            functionRoles.add(ExecutionRoles.roleOf(function));
        }
        functionRoles.add("ApiGatewayCloudWatchRole");
        assertThat(resources("AWS::IAM::Role").keySet())
                .as("roles of the transformed stack")
                .containsExactlyInAnyOrderElementsOf(functionRoles);
        assertThat(list(map(map(resources("AWS::IAM::Role").get("ApiGatewayCloudWatchRole"))
                                .get("Properties"))
                        .get("ManagedPolicyArns")))
                .as("API Gateway's logging role, the one role with a managed policy")
                .containsExactly(Map.of(
                        "Fn::Sub",
                        "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"));
        ExecutionRoles.assertNoWildcardButXRay(map(output.get("Resources")));
    }

    @Test
    void theRestApiAcceptsTls12OrNewerOnly() {
        Map<String, Object> api = map(
                resources("AWS::ApiGateway::RestApi").values().iterator().next().get("Properties"));
        assertThat(api)
                .containsEntry("SecurityPolicy", "SecurityPolicy_TLS13_1_2_2021_06")
                .containsEntry("EndpointAccessMode", "STRICT");
    }

    @Test
    void theOptionalWebAclIsAssociatedWithTheStageSamCreates() {
        Map<String, Object> association = map(map(output.get("Resources")).get("ApiWebAclAssociation"));
        assertThat(association).containsEntry("Condition", "WebAclEnabled");
        String arn = String.valueOf(
                map(map(association.get("Properties")).get("ResourceArn")).get("Fn::Sub"));
        String stage = resources("AWS::ApiGateway::Stage").keySet().iterator().next();
        assertThat(arn)
                .isEqualTo("arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${TodoApi}/stages/${" + stage
                        + "}");
    }

    private static Map<String, Map<String, Object>> resources(String type) {
        return SamTransform.resources(output, type);
    }
}
