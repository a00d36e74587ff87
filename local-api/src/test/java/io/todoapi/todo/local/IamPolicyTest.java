package io.todoapi.todo.local;

import static io.todoapi.todo.local.CloudFormationYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.testing.TodoFunction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, read from the project's real template.yaml: each function may call exactly the DynamoDB actions
 * its code calls (no Scan, nothing more), only on the todo table, and no policy anywhere uses a wildcard action or
 * resource (but the X-Ray statement, whose actions IAM grants on Resource '*' only); the API stage is throttled;
 * request body schemas are closed with bounded strings, and create bodies are validated by API Gateway before a
 * function runs. Functions are recognised by their handler class, so renaming a logical id does not weaken the check.
 * docs/security.md cites these tests.
 */
class IamPolicyTest {

    /** The only statement allowed a wildcard resource: X-Ray's, which IAM cannot scope. */
    private static final Set<Object> XRAY_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    private static Map<String, Object> document;
    private static SamTemplate template;
    private static String tableLogicalId;

    @BeforeAll
    static void readTemplate() {
        Path file = RunningApi.projectDirectory().resolve("template.yaml");
        document = CloudFormationYaml.read(file);
        template = SamTemplate.read(file, Map.of(), "todos", warning -> {});
        List<String> tables =
                resources("AWS::DynamoDB::Table").keySet().stream().toList();
        assertThat(tables).as("the template's DynamoDB tables").hasSize(1);
        tableLogicalId = tables.getFirst();
    }

    private static Map<String, Object> resources(String type) {
        Map<String, Object> matching = new LinkedHashMap<>();
        map(document.get("Resources")).forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                matching.put(id, resource);
            }
        });
        return matching;
    }

    /** One IAM statement and where it was found. */
    private record Statement(String where, Map<String, Object> body) {
        List<Object> actions() {
            return asList(body.getOrDefault("Action", body.get("NotAction")));
        }

        List<Object> resources() {
            return asList(body.getOrDefault("Resource", body.get("NotResource")));
        }
    }

    private static List<Object> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
    }

    /** The statements of a policy document, or of a SAM {@code Policies} entry holding one. */
    private static List<Statement> statements(String where, Object policy) {
        Map<String, Object> document = map(policy);
        if (document.containsKey("PolicyDocument")) {
            document = map(document.get("PolicyDocument"));
        }
        List<Statement> statements = new ArrayList<>();
        for (Object statement : asList(document.get("Statement"))) {
            statements.add(new Statement(where, map(statement)));
        }
        return statements;
    }

    /** Every statement that applies to {@code function}: inline SAM policies and those of a role it names. */
    private static List<Statement> statementsOf(String function) {
        Map<String, Object> properties =
                map(map(map(document.get("Resources")).get(function)).get("Properties"));
        List<Statement> statements = new ArrayList<>();
        for (Object policy : asList(properties.get("Policies"))) {
            if (policy instanceof String managed) {
                assertThat(managed)
                        .as("%s: managed policy %s", function, managed)
                        .doesNotContainIgnoringCase("dynamo")
                        .doesNotContainIgnoringCase("FullAccess")
                        .doesNotContainIgnoringCase("Administrator");
            } else if (map(policy).containsKey("Statement") || map(policy).containsKey("PolicyDocument")) {
                statements.addAll(statements(function, policy));
            } else {
                // a SAM policy template such as DynamoDBCrudPolicy: it grants more than the function calls
                throw new AssertionError(function + " uses the SAM policy template "
                        + map(policy).keySet()
                        + "; write the statement out with exactly the actions the function calls");
            }
        }
        Object role = properties.get("Role");
        if (role != null) {
            String roleId = roleLogicalId(role);
            Map<String, Object> roleProperties =
                    map(map(map(document.get("Resources")).get(roleId)).get("Properties"));
            for (Object policy : asList(roleProperties.get("Policies"))) {
                statements.addAll(statements(function + " role " + roleId, policy));
            }
            for (Object managed : asList(roleProperties.get("ManagedPolicyArns"))) {
                assertThat(String.valueOf(managed))
                        .as("%s: managed policy", roleId)
                        .doesNotContainIgnoringCase("dynamo")
                        .doesNotContainIgnoringCase("FullAccess")
                        .doesNotContainIgnoringCase("Administrator");
            }
        }
        return statements;
    }

    private static String roleLogicalId(Object role) {
        Map<String, Object> intrinsic = map(role);
        if (intrinsic.containsKey("Fn::GetAtt")) {
            return String.valueOf(asList(intrinsic.get("Fn::GetAtt")).getFirst());
        }
        if (intrinsic.containsKey("Ref")) {
            return String.valueOf(intrinsic.get("Ref"));
        }
        throw new AssertionError("a function's Role must reference a role of this template, not " + role);
    }

    /** The function logical ids by handler class. */
    private static Map<String, String> functionsByHandler() {
        Map<String, String> byHandler = new LinkedHashMap<>();
        template.functions().values().forEach(f -> byHandler.put(f.handlerClass(), f.logicalId()));
        return byHandler;
    }

    /** Whether a Resource value denotes the todo table itself (its ARN), in any of the usual spellings. */
    private static boolean isTheTable(Object resource) {
        Map<String, Object> intrinsic = map(resource);
        if (intrinsic.containsKey("Fn::GetAtt")) {
            Object target = intrinsic.get("Fn::GetAtt");
            List<Object> parts =
                    target instanceof String dotted ? List.of((Object[]) dotted.split("\\.", 2)) : asList(target);
            return parts.size() == 2 && tableLogicalId.equals(parts.get(0)) && "Arn".equals(parts.get(1));
        }
        if (intrinsic.containsKey("Fn::Sub")) {
            Object sub = intrinsic.get("Fn::Sub");
            String text = String.valueOf(sub instanceof List<?> list ? list.getFirst() : sub);
            return text.equals("${" + tableLogicalId + ".Arn}")
                    || text.matches(
                            "arn:\\$\\{AWS::Partition}:dynamodb:\\$\\{AWS::Region}:\\$\\{AWS::AccountId}:table/\\$\\{"
                                    + tableLogicalId + "}");
        }
        return false;
    }

    @Test
    void everyFunctionOfTheApiIsInTheTemplate() {
        assertThat(functionsByHandler())
                .containsKeys(Arrays.stream(TodoFunction.values())
                        .map(TodoFunction::handlerClass)
                        .toArray(String[]::new));
    }

    @Test
    void eachFunctionMayCallExactlyTheDynamoDbActionsItUses() {
        functionsByHandler().forEach((handler, function) -> {
            Set<String> expected = Arrays.stream(TodoFunction.values())
                    .filter(todoFunction -> todoFunction.handlerClass().equals(handler))
                    .findFirst()
                    .map(TodoFunction::dynamoDbActions)
                    .orElse(null);
            if (expected == null) {
                return;
            }
            Set<String> allowed = new TreeSet<>();
            for (Statement statement : statementsOf(function)) {
                assertThat(statement.body().get("Effect"))
                        .as("%s: only Allow statements", function)
                        .isEqualTo("Allow");
                assertThat(statement.body())
                        .as("%s: no NotAction/NotResource", function)
                        .doesNotContainKeys("NotAction", "NotResource");
                statement.actions().stream()
                        .map(String::valueOf)
                        .filter(a -> a.toLowerCase().startsWith("dynamodb:"))
                        .forEach(allowed::add);
            }
            assertThat(allowed)
                    .as("%s (%s): DynamoDB actions", function, handler)
                    .containsExactlyInAnyOrderElementsOf(expected);
        });
    }

    @Test
    void noFunctionMayScanOrUseBatchOrTransactionCalls() {
        functionsByHandler().values().forEach(function -> {
            for (Statement statement : statementsOf(function)) {
                assertThat(statement.actions())
                        .as(function)
                        .noneMatch(
                                action -> String.valueOf(action)
                                        .matches(
                                                "(?i)dynamodb:(Scan|Batch.*|Transact.*|PartiQL.*|DeleteTable|UpdateTable|CreateTable)"));
            }
        });
    }

    @Test
    void everyDynamoDbStatementIsScopedToTheTableAlone() {
        functionsByHandler().values().forEach(function -> {
            for (Statement statement : statementsOf(function)) {
                boolean dynamo = statement.actions().stream()
                        .anyMatch(a -> String.valueOf(a).toLowerCase().startsWith("dynamodb:"));
                if (dynamo) {
                    assertThat(statement.resources())
                            .as("%s: resources of %s", function, statement.body())
                            .isNotEmpty()
                            .allMatch(IamPolicyTest::isTheTable);
                }
            }
        });
    }

    @Test
    void noPolicyInTheTemplateUsesAWildcard() {
        List<Statement> all = new ArrayList<>();
        functionsByHandler().values().forEach(function -> all.addAll(statementsOf(function)));
        resources("AWS::IAM::Role").forEach((id, role) -> {
            for (Object policy : asList(map(map(role).get("Properties")).get("Policies"))) {
                all.addAll(statements(id, policy));
            }
        });
        resources("AWS::IAM::Policy")
                .forEach((id, policy) ->
                        all.addAll(statements(id, map(map(policy).get("Properties")))));
        for (Statement statement : all) {
            for (Object action : statement.actions()) {
                assertThat(String.valueOf(action))
                        .as("%s: action", statement.where())
                        .doesNotContain("*");
            }
            // Active tracing's two X-Ray actions have no resource type, so IAM takes them only on Resource '*'.
            if (!statement.actions().isEmpty()
                    && XRAY_ACTIONS.containsAll(statement.actions())
                    && statement.resources().equals(List.of("*"))) {
                continue;
            }
            for (Object resource : statement.resources()) {
                if (resource instanceof String text) {
                    assertThat(text)
                            .as("%s: resource", statement.where())
                            .isNotEqualTo("*")
                            .doesNotEndWith(":*")
                            .doesNotEndWith("/*");
                }
            }
        }
    }

    @Test
    void requestBodySchemasAreClosedWithBoundedStrings() {
        Map<String, Object> spec =
                CloudFormationYaml.read(RunningApi.projectDirectory().resolve("openapi.yaml"));
        int bodies = 0;
        for (Map.Entry<String, Object> path : map(spec.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> operation : map(path.getValue()).entrySet()) {
                Map<String, Object> content =
                        map(map(map(operation.getValue()).get("requestBody")).get("content"));
                if (content.isEmpty()) {
                    continue;
                }
                String where = operation.getKey() + " " + path.getKey();
                for (Map.Entry<String, Object> mediaType : content.entrySet()) {
                    Map<String, Object> schema =
                            resolve(spec, map(map(mediaType.getValue()).get("schema")));
                    assertThat(schema.get("additionalProperties"))
                            .as("%s %s: closed schema", where, mediaType.getKey())
                            .isEqualTo(false);
                    map(schema.get("properties")).forEach((name, property) -> {
                        Map<String, Object> resolved = resolve(spec, map(property));
                        String pattern = String.valueOf(resolved.getOrDefault("pattern", ""));
                        boolean boundedByPattern = pattern.startsWith("^")
                                && pattern.endsWith("$")
                                && !pattern.matches(".*[*+].*")
                                && !pattern.matches(".*,}.*");
                        if (String.valueOf(resolved.get("type")).contains("string")
                                && !resolved.containsKey("enum")
                                && !resolved.containsKey("format")
                                && !boundedByPattern) {
                            assertThat(resolved.get("maxLength"))
                                    .as("%s %s: maxLength of %s", where, mediaType.getKey(), name)
                                    .isInstanceOf(Number.class);
                        }
                    });
                    bodies++;
                }
            }
        }
        assertThat(bodies).as("request bodies in the spec").isGreaterThanOrEqualTo(2);
    }

    /** Follows a local {@code $ref} ({@code #/components/schemas/X}) to its schema. */
    private static Map<String, Object> resolve(Map<String, Object> spec, Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        Object target = spec;
        for (String part : String.valueOf(ref).substring(2).split("/")) {
            target = map(target).get(part);
        }
        return resolve(spec, map(target));
    }

    @Test
    void theApiStageIsThrottled() {
        List<Object> limits = new ArrayList<>();
        resources("AWS::Serverless::Api").values().forEach(api -> {
            for (Object setting : asList(map(map(api).get("Properties")).get("MethodSettings"))) {
                limits.add(map(setting).get("ThrottlingRateLimit"));
                limits.add(map(setting).get("ThrottlingBurstLimit"));
            }
        });
        resources("AWS::ApiGateway::UsagePlan").values().forEach(plan -> {
            Map<String, Object> throttle = map(map(map(plan).get("Properties")).get("Throttle"));
            limits.add(throttle.get("RateLimit"));
            limits.add(throttle.get("BurstLimit"));
        });
        List<Double> resolved = limits.stream()
                .filter(limit -> limit != null)
                .map(limit -> template.resolve("throttling limit", limit).orElseThrow())
                .map(Double::parseDouble)
                .toList();
        assertThat(resolved)
                .as("rate and burst limits of the API stage")
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch(limit -> limit > 0);
    }
}
