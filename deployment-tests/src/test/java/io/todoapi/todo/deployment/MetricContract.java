package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;

import io.todoapi.todo.metrics.ApiMetrics;
import io.todoapi.todo.testing.TodoFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The CloudWatch metrics this stack emits, so that an alarm or a dashboard widget can be checked against them: for
 * AWS's metrics the namespace, name and dimension set AWS documents, with each dimension value pointing at a resource
 * of the SAM transform's output (the stage SAM creates, a function's alias "live", the table); for the functions' own
 * metrics exactly the names of {@link ApiMetrics}. Values are compared in one canonical form, a string in which a
 * reference is written as in Fn::Sub: {@code ${CreateTodoFunction}:live}.
 */
final class MetricContract {

    /** One metric as an alarm or a widget names it; {@code where} says which, for messages. */
    record Metric(String where, String namespace, String name, Map<String, String> dimensions) {}

    /*
     * The documented metrics and dimension sets (only the sets this stack's alarms and dashboard may use):
     * - AWS/ApiGateway: "Amazon API Gateway dimensions and metrics" (REST APIs): Count, 4XXError, 5XXError, Latency,
     *   IntegrationLatency; dimensions ApiName and Stage for a stage (also ApiName alone, and with Method and Resource
     *   for detailed metrics). ApiName is the API's name, not its id.
     * - AWS/Lambda: "Types of metrics for Lambda functions": Invocations, Errors, Throttles, Duration; dimension
     *   FunctionName with Resource for an alias or version (value <function name>:<alias>), as the CloudWatch console
     *   and the AWS CDK's Alias.metric() name them.
     * - AWS/DynamoDB: "DynamoDB Metrics and dimensions": ThrottledRequests and SystemErrors (and
     *   SuccessfulRequestLatency) only per TableName and Operation; ConsumedRead/WriteCapacityUnits and
     *   Read/WriteThrottleEvents per TableName.
     */
    private static final Set<String> STAGE = Set.of("ApiName", "Stage");
    private static final Set<String> ALIAS = Set.of("FunctionName", "Resource");
    private static final Set<String> TABLE = Set.of("TableName");
    private static final Set<String> TABLE_OPERATION = Set.of("TableName", "Operation");
    private static final Map<String, Map<String, Set<String>>> DOCUMENTED = Map.of(
            "AWS/ApiGateway",
                    Map.of(
                            "Count",
                            STAGE,
                            "4XXError",
                            STAGE,
                            "5XXError",
                            STAGE,
                            "Latency",
                            STAGE,
                            "IntegrationLatency",
                            STAGE),
            "AWS/Lambda", Map.of("Invocations", ALIAS, "Errors", ALIAS, "Throttles", ALIAS, "Duration", ALIAS),
            "AWS/DynamoDB",
                    Map.of(
                            "ThrottledRequests",
                            TABLE_OPERATION,
                            "SystemErrors",
                            TABLE_OPERATION,
                            "SuccessfulRequestLatency",
                            TABLE_OPERATION,
                            "ConsumedReadCapacityUnits",
                            TABLE,
                            "ConsumedWriteCapacityUnits",
                            TABLE,
                            "ReadThrottleEvents",
                            TABLE,
                            "WriteThrottleEvents",
                            TABLE));

    /** The functions' own metrics: what ApiMetrics names, with its two dimensions on every one. */
    static final Set<String> OWN_METRICS = Set.of(
            ApiMetrics.REQUESTS_2XX,
            ApiMetrics.REQUESTS_4XX,
            ApiMetrics.REQUESTS_5XX,
            ApiMetrics.LATENCY,
            ApiMetrics.CONFLICTS,
            ApiMetrics.IDEMPOTENT_REPLAYS,
            ApiMetrics.COLD_START);

    private final Map<String, Object> resources;
    private final String apiName;
    private final String stage;
    private final Map<String, String> aliasResources = new TreeMap<>();
    private final String table;
    private final Set<String> tableOperations = new TreeSet<>();
    private final Set<String> services = new TreeSet<>();

    /** What the stack emits, from the SAM transform's output of template.yaml. */
    MetricContract(Map<String, Object> transformed) {
        this.resources = map(transformed.get("Resources"));
        Map<String, Map<String, Object>> apis = SamTransform.resources(transformed, "AWS::ApiGateway::RestApi");
        Map<String, Map<String, Object>> stages = SamTransform.resources(transformed, "AWS::ApiGateway::Stage");
        Map<String, Map<String, Object>> tables = SamTransform.resources(transformed, "AWS::DynamoDB::Table");
        if (apis.size() != 1 || stages.size() != 1 || tables.size() != 1) {
            throw new AssertionError("expected one REST API, one stage and one table, got " + apis.keySet() + ", "
                    + stages.keySet() + ", " + tables.keySet());
        }
        apiName =
                canonical(map(apis.values().iterator().next().get("Properties")).get("Name"));
        stage = "${" + stages.keySet().iterator().next() + "}";
        table = "${" + tables.keySet().iterator().next() + "}";
        for (TodoFunction function : TodoFunction.values()) {
            Map<String, Object> alias =
                    map(map(resources.get(function.aliasLogicalId())).get("Properties"));
            if (!Map.of("Ref", function.logicalId()).equals(alias.get("FunctionName"))) {
                throw new AssertionError("no alias " + function.aliasLogicalId() + " of " + function.logicalId());
            }
            aliasResources.put(
                    "${" + function.logicalId() + "}", "${" + function.logicalId() + "}:" + alias.get("Name"));
            Map<String, Object> lambda =
                    map(map(resources.get(function.logicalId())).get("Properties"));
            services.add(String.valueOf(
                    map(map(lambda.get("Environment")).get("Variables")).get("POWERTOOLS_SERVICE_NAME")));
            ExecutionRoles.dynamoDbActions(resources, function)
                    .forEach(action -> tableOperations.add(action.substring("dynamodb:".length())));
        }
        if (tableOperations.isEmpty()) {
            throw new AssertionError("the functions' roles allow no DynamoDB action");
        }
    }

    /** What is wrong with {@code metric}: nothing (an empty list) when the stack emits it. */
    List<String> problems(Metric metric) {
        List<String> problems = new ArrayList<>();
        String where = metric.where() + ": " + metric.namespace() + " " + metric.name() + " " + metric.dimensions();
        Set<String> expected;
        if (ApiMetrics.NAMESPACE.equals(metric.namespace())) {
            if (!OWN_METRICS.contains(metric.name())) {
                problems.add(where + ": ApiMetrics names no metric " + metric.name() + " (only " + OWN_METRICS + ")");
            }
            expected = Set.of(ApiMetrics.SERVICE, ApiMetrics.OPERATION);
        } else if (DOCUMENTED.containsKey(metric.namespace())) {
            expected = DOCUMENTED.get(metric.namespace()).get(metric.name());
            if (expected == null) {
                problems.add(where + ": not a documented metric of " + metric.namespace() + " that this stack uses");
                return problems;
            }
        } else {
            problems.add(where + ": no metric of this stack is in namespace " + metric.namespace());
            return problems;
        }
        if (!metric.dimensions().keySet().equals(expected)) {
            problems.add(where + ": dimensions must be exactly " + new TreeSet<>(expected));
            return problems;
        }
        metric.dimensions().forEach((name, value) -> {
            String wrong = wrongValue(metric.dimensions(), name, value);
            if (wrong != null) {
                problems.add(where + ": " + name + " " + value + " " + wrong);
            }
        });
        return problems;
    }

    /** Why {@code value} of dimension {@code name} names nothing of this stack, or null when it does. */
    private String wrongValue(Map<String, String> dimensions, String name, String value) {
        return switch (name) {
            case "ApiName" -> value.equals(apiName) ? null : "is not the REST API's name " + apiName;
            case "Stage" -> value.equals(stage) ? null : "is not the stage SAM creates, " + stage;
            case "FunctionName" ->
                aliasResources.containsKey(value) ? null : "is none of the functions " + aliasResources.keySet();
            case "Resource" ->
                value.equals(aliasResources.get(dimensions.get("FunctionName")))
                        ? null
                        : "is not the alias API Gateway invokes, " + aliasResources.get(dimensions.get("FunctionName"));
            case "TableName" -> value.equals(table) ? null : "is not the table " + table;
            case "Operation" ->
                tableOperations.contains(value)
                        ? null
                        : "is no operation the functions' roles allow " + tableOperations;
            case ApiMetrics.SERVICE ->
                services.equals(Set.of(value)) ? null : "is not the functions' POWERTOOLS_SERVICE_NAME " + services;
            case ApiMetrics.OPERATION ->
                ApiMetrics.OPERATIONS.contains(value)
                        ? null
                        : "is none of ApiMetrics.OPERATIONS " + ApiMetrics.OPERATIONS;
            default -> "is no dimension this stack's metrics have";
        };
    }

    /** The DynamoDB operations the functions call: their roles' actions on the table, without the prefix. */
    Set<String> tableOperations() {
        return tableOperations;
    }

    /** The Resource dimension value of {@code function}'s alias. */
    String aliasResource(TodoFunction function) {
        return aliasResources.get("${" + function.logicalId() + "}");
    }

    /**
     * A CloudFormation value as one string, references written as in Fn::Sub: {@code {Ref: X}} is {@code ${X}},
     * {@code {Fn::GetAtt: [X, Y]}} is {@code ${X.Y}}, {@code {Fn::Sub: s}} is {@code s}; anything else is its JSON,
     * which equals no expected value.
     */
    static String canonical(Object value) {
        if (value instanceof String text) {
            return text;
        }
        Map<String, Object> intrinsic = map(value);
        if (intrinsic.size() == 1 && intrinsic.get("Ref") instanceof String ref) {
            return "${" + ref + "}";
        }
        if (intrinsic.size() == 1 && intrinsic.get("Fn::Sub") instanceof String sub) {
            return sub;
        }
        if (intrinsic.size() == 1 && list(intrinsic.get("Fn::GetAtt")).size() == 2) {
            return "${" + list(intrinsic.get("Fn::GetAtt")).get(0) + "."
                    + list(intrinsic.get("Fn::GetAtt")).get(1) + "}";
        }
        return Json.write(value);
    }

    /** The dimensions of an alarm's or a MetricStat's Metric ({@code [{Name, Value}]}), canonical values. */
    static Map<String, String> dimensions(Object dimensionList) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (Object dimension : list(dimensionList)) {
            dimensions.put(
                    String.valueOf(map(dimension).get("Name")),
                    canonical(map(dimension).get("Value")));
        }
        return dimensions;
    }
}
