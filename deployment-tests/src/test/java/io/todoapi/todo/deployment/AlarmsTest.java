package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static io.todoapi.todo.deployment.Project.properties;
import static io.todoapi.todo.deployment.Project.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.todoapi.todo.metrics.ApiMetrics;
import io.todoapi.todo.testing.TodoFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The alarms of template.yaml: each names a metric the stack really emits (checked on the SAM transform's output,
 * where the stage and the aliases exist, and against ApiMetrics for the functions' own metrics), together they watch
 * what a person must act on, each says what to do first and notifies the e-mail subscription only when there is one,
 * and that subscription's topic is encrypted and admits only this stack's alarms.
 */
class AlarmsTest {

    private static final String ALARM = "AWS::CloudWatch::Alarm";
    private static final Object ACTIONS = Map.of(
            "Fn::If",
            List.of("AlarmNotifications", List.of(Map.of("Ref", "AlarmTopic")), Map.of("Ref", "AWS::NoValue")));
    /** CloudWatch's limit on AlarmDescription. */
    private static final int DESCRIPTION_LIMIT = 1024;

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]+)}");

    /** One metric an alarm reads: its id in a metric-math alarm (null for a single-metric alarm) and statistic. */
    record AlarmMetric(String id, MetricContract.Metric metric, String stat, Object period) {}

    @Test
    void everyAlarmNamesAMetricTheStackEmits() {
        Map<String, Object> output = transformed();
        MetricContract contract = new MetricContract(output);
        List<String> problems = new ArrayList<>();
        int metrics = 0;
        for (Map.Entry<String, Map<String, Object>> alarm :
                SamTransform.resources(output, ALARM).entrySet()) {
            for (AlarmMetric read : metricsOf(alarm.getKey(), alarm.getValue())) {
                problems.addAll(contract.problems(read.metric()));
                metrics++;
            }
        }
        System.out.println("alarms: " + SamTransform.resources(output, ALARM).size() + " alarms, " + metrics
                + " metrics checked against the transformed stack and ApiMetrics");
        assertThat(problems)
                .as("metrics the alarms name that the stack does not emit")
                .isEmpty();
    }

    @Test
    void theDimensionValuesAreTheNamesTheSamTransformGivesTheStageAndTheAliases() {
        Map<String, Object> output = transformed();
        Map<String, Object> resources = map(output.get("Resources"));
        // The stage: SAM names it <Api>Stage with the StageName in between; its Ref is the stage's name.
        assertThat(SamTransform.resources(output, "AWS::ApiGateway::Stage").keySet())
                .containsExactly("TodoApiprodStage");
        assertThat(map(map(resources.get("TodoApiprodStage")).get("Properties")))
                .containsEntry("StageName", "prod")
                .containsEntry("RestApiId", Map.of("Ref", "TodoApi"));
        // The API's name, which API Gateway's metrics carry as ApiName: the Name the template gives, not the spec's
        // title.
        Object name = map(map(resources.get("TodoApi")).get("Properties")).get("Name");
        assertThat(name).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-todo-api"));
        // Each alias: <TodoFunction>Alias<name>, named live, whose metrics carry Resource <function name>:live.
        for (TodoFunction function : TodoFunction.values()) {
            assertThat(map(map(resources.get(function.aliasLogicalId())).get("Properties")))
                    .containsEntry("Name", TodoFunction.ALIAS)
                    .containsEntry("FunctionName", Map.of("Ref", function.logicalId()));
        }

        Set<Object> apiNames = new TreeSet<>();
        Set<Object> stages = new TreeSet<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        SamTransform.resources(output, ALARM).forEach((id, alarm) -> {
            for (AlarmMetric read : metricsOf(id, alarm)) {
                Map<String, String> dimensions = read.metric().dimensions();
                if (dimensions.containsKey("ApiName")) {
                    apiNames.add(dimensions.get("ApiName"));
                    stages.add(dimensions.get("Stage"));
                }
                if (dimensions.containsKey("Resource")) {
                    aliases.put(dimensions.get("FunctionName"), dimensions.get("Resource"));
                }
            }
        });
        assertThat(apiNames).containsExactly(MetricContract.canonical(name));
        assertThat(stages).containsExactly("${TodoApiprodStage}");
        Map<String, String> expected = new LinkedHashMap<>();
        for (TodoFunction function : TodoFunction.values()) {
            expected.put("${" + function.logicalId() + "}", "${" + function.logicalId() + "}:" + TodoFunction.ALIAS);
        }
        assertThat(aliases).isEqualTo(expected);
    }

    @Test
    void theAlarmsWatchTheApiTheFunctionsTheTableAndEachOperation() {
        Map<String, Object> output = transformed();
        MetricContract contract = new MetricContract(output);
        Map<String, List<AlarmMetric>> alarms = new LinkedHashMap<>();
        SamTransform.resources(output, ALARM).forEach((id, alarm) -> alarms.put(id, metricsOf(id, alarm)));

        // The API's 5XX rate: 5XXError / Count of the stage, only with enough requests; a rate, not a count.
        String apiRateId = onlyAlarmReading(alarms, "AWS/ApiGateway", "5XXError");
        Map<String, Object> apiRate = alarmProperties(output, apiRateId);
        List<AlarmMetric> read = alarms.get(apiRateId);
        AlarmMetric errors = metric(read, "AWS/ApiGateway", "5XXError");
        AlarmMetric requests = metric(read, "AWS/ApiGateway", "Count");
        assertThat(List.of(errors.stat(), requests.stat())).containsExactly("Sum", "Sum");
        assertThat(returnedExpression(apiRate))
                .isEqualTo("IF(" + requests.id() + " >= ${AlarmErrorRateMinRequests}, 100 * " + errors.id() + " / "
                        + requests.id() + ", 0)");
        assertThat(apiRate)
                .containsEntry("Threshold", Map.of("Ref", "AlarmErrorRatePercent"))
                .containsEntry("ComparisonOperator", "GreaterThanThreshold");

        // The API's p99 latency, judged only on periods with enough requests for a p99.
        Map<String, Object> latency = alarmProperties(output, onlyAlarmReading(alarms, "AWS/ApiGateway", "Latency"));
        assertThat(latency)
                .containsEntry("ExtendedStatistic", "p99")
                .containsEntry("EvaluateLowSampleCountPercentile", "ignore")
                .containsEntry("Threshold", Map.of("Ref", "AlarmLatencyP99Ms"))
                .doesNotContainKey("Statistic");

        // Lambda's errors and throttles of each function's alias live.
        for (TodoFunction function : TodoFunction.values()) {
            for (String name : List.of("Errors", "Throttles")) {
                List<String> watching = alarms.entrySet().stream()
                        .filter(alarm -> alarm.getValue().stream()
                                .anyMatch(m -> m.metric().name().equals(name)
                                        && contract.aliasResource(function)
                                                .equals(m.metric().dimensions().get("Resource"))))
                        .map(Map.Entry::getKey)
                        .toList();
                assertThat(watching)
                        .as("alarms on %s %s of its alias", function.logicalId(), name)
                        .hasSize(1);
                assertThat(metric(alarms.get(watching.getFirst()), "AWS/Lambda", name)
                                .stat())
                        .isEqualTo("Sum");
            }
        }

        // DynamoDB throttled requests and system errors, of every operation the functions call, summed.
        for (String name : List.of("ThrottledRequests", "SystemErrors")) {
            String tableId = onlyAlarmReading(alarms, "AWS/DynamoDB", name);
            Map<String, Object> table = alarmProperties(output, tableId);
            List<AlarmMetric> perOperation = alarms.get(tableId);
            assertThat(perOperation.stream()
                            .map(m -> m.metric().dimensions().get("Operation"))
                            .toList())
                    .as("operations of the %s alarm", name)
                    .containsExactlyInAnyOrderElementsOf(contract.tableOperations());
            assertThat(returnedExpression(table))
                    .as("the %s alarm sums every operation", name)
                    .isEqualTo(perOperation.stream()
                            .map(m -> "FILL(" + m.id() + ", 0)")
                            .collect(Collectors.joining(" + ")));
        }

        // Each operation's own 5xx rate: Requests5xx of all its requests (2xx + 4xx + 5xx), with enough requests.
        for (String operation : ApiMetrics.OPERATIONS) {
            List<String> watching = alarms.entrySet().stream()
                    .filter(alarm -> alarm.getValue().stream()
                            .anyMatch(m -> m.metric().name().equals(ApiMetrics.REQUESTS_5XX)
                                    && operation.equals(m.metric().dimensions().get(ApiMetrics.OPERATION))))
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(watching).as("alarms on the 5xx of %s", operation).hasSize(1);
            List<AlarmMetric> own = alarms.get(watching.getFirst());
            assertThat(own.stream().map(m -> m.metric().name()).toList())
                    .containsExactlyInAnyOrder(
                            ApiMetrics.REQUESTS_5XX, ApiMetrics.REQUESTS_2XX, ApiMetrics.REQUESTS_4XX);
            assertThat(own)
                    .allSatisfy(
                            m -> assertThat(m.metric().dimensions()).containsEntry(ApiMetrics.OPERATION, operation));
            Map<String, Object> alarm = alarmProperties(output, watching.getFirst());
            String failed =
                    metric(own, ApiMetrics.NAMESPACE, ApiMetrics.REQUESTS_5XX).id();
            assertThat(returnedExpression(alarm))
                    .isEqualTo("IF(requests >= ${AlarmErrorRateMinRequests}, 100 * FILL(" + failed
                            + ", 0) / requests, 0)");
            assertThat(Set.of(expression(alarm, "requests").split(" \\+ ")))
                    .as("requests of %s", operation)
                    .isEqualTo(own.stream().map(m -> "FILL(" + m.id() + ", 0)").collect(Collectors.toSet()));
            assertThat(alarm).containsEntry("Threshold", Map.of("Ref", "AlarmErrorRatePercent"));
        }

        assertThat(alarms)
                .as("2 API alarms, 2 per function, 1 per operation, 2 on the table")
                .hasSize(2 + 2 * TodoFunction.values().length + ApiMetrics.OPERATIONS.size() + 2);
    }

    @Test
    void eachAlarmSaysWhatToDoFirstAndNamesOnlyWhatTheStackHas() {
        Set<String> names = new TreeSet<>();
        Set<String> logGroups = new TreeSet<>();
        Project.resources("AWS::Logs::LogGroup")
                .values()
                .forEach(group -> logGroups.add(
                        MetricContract.canonical(map(group.get("Properties")).get("LogGroupName"))));
        Map<String, Object> parameters = map(Project.template().get("Parameters"));
        Project.resources(ALARM).forEach((id, alarm) -> {
            Map<String, Object> properties = map(alarm.get("Properties"));
            String name = MetricContract.canonical(properties.get("AlarmName"));
            assertThat(name)
                    .as("%s AlarmName: the topic policy admits alarms named after the stack", id)
                    .matches("\\$\\{AWS::StackName}-[A-Za-z0-9-]+");
            assertThat(names.add(name))
                    .as("%s AlarmName %s is unique", id, name)
                    .isTrue();

            String description = MetricContract.canonical(properties.get("AlarmDescription"));
            assertThat(description)
                    .as("%s AlarmDescription says what to do first", id)
                    .contains(" First: ");
            Matcher substitution = SUBSTITUTION.matcher(description);
            while (substitution.find()) {
                assertThat(substitution.group(1))
                        .as("%s AlarmDescription substitutes", id)
                        .isIn(concat(parameters.keySet(), Set.of("AWS::StackName", "AWS::Region")));
            }
            assertThat(worstCaseLength(description))
                    .as("%s AlarmDescription with the longest values", id)
                    .isLessThanOrEqualTo(DESCRIPTION_LIMIT);
            Matcher logGroup = Pattern.compile("(/aws/(?:lambda|apigateway)/\\$\\{AWS::StackName}/[A-Za-z]+)")
                    .matcher(description);
            while (logGroup.find()) {
                assertThat(logGroups)
                        .as("%s names the log group %s", id, logGroup.group(1))
                        .contains(logGroup.group(1));
            }
        });
        assertThat(names).hasSize(Project.resources(ALARM).size());
    }

    @Test
    void eachAlarmChoosesItsMissingDataAndNotifiesOnlyWhenThereIsAnAddress() {
        Project.resources(ALARM).forEach((id, alarm) -> {
            Map<String, Object> properties = map(alarm.get("Properties"));
            assertThat(alarm)
                    .as("%s exists with or without an e-mail address", id)
                    .doesNotContainKey("Condition");
            // Every metric here has data points only while requests arrive (or only when something went wrong): no
            // data means nothing failed, and an alarm back in OK when traffic stops tells its OK too.
            assertThat(properties).as("%s TreatMissingData", id).containsEntry("TreatMissingData", "notBreaching");
            assertThat(properties)
                    .as("%s actions", id)
                    .containsEntry("AlarmActions", ACTIONS)
                    .containsEntry("OKActions", ACTIONS)
                    .doesNotContainKey("InsufficientDataActions");
            Object threshold = map(properties.get("Threshold")).get("Ref");
            Map<String, Object> parameter =
                    map(map(Project.template().get("Parameters")).get(threshold));
            assertThat(parameter)
                    .as("%s Threshold: a parameter with a default", id)
                    .containsEntry("Type", "Number")
                    .containsKeys("Default", "MinValue", "Description");
            assertThat(properties.get("EvaluationPeriods")).as("%s", id).isInstanceOf(Integer.class);
            assertThat((Integer) properties.get("DatapointsToAlarm"))
                    .as("%s DatapointsToAlarm", id)
                    .isEqualTo(properties.get("EvaluationPeriods"));
        });
        assertThat(map(Project.template().get("Conditions")).get("AlarmNotifications"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmEmail"), "")))));
    }

    @Test
    void thresholdDefaultsAreTheDocumentedOnes() {
        Map<String, Object> parameters = map(Project.template().get("Parameters"));
        Map<String, Object> defaults = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> {
            if (name.startsWith("Alarm")) {
                defaults.put(name, map(parameter).get("Default"));
            }
        });
        assertThat(defaults)
                .containsExactly(
                        Map.entry("AlarmEmail", ""),
                        Map.entry("AlarmErrorRatePercent", 5),
                        Map.entry("AlarmErrorRateMinRequests", 20),
                        Map.entry("AlarmLatencyP99Ms", 2000),
                        Map.entry("AlarmFunctionErrors", 5),
                        Map.entry("AlarmFunctionThrottles", 5),
                        Map.entry("AlarmTableThrottles", 10),
                        Map.entry("AlarmTableSystemErrors", 5));
        String guide = Project.read("docs/deploy.md");
        defaults.forEach((name, value) -> {
            if (!name.equals("AlarmEmail")) {
                assertThat(guide)
                        .as("docs/deploy.md states the default of %s", name)
                        .contains("`" + name + "`, default " + value);
            }
        });
    }

    @Test
    void everyMetricMathAlarmReadsOnlyItsOwnMetricsAndAlarmsOnOneSeries() {
        Set<String> parameters = map(Project.template().get("Parameters")).keySet();
        Pattern identifier = Pattern.compile("(?<![${A-Za-z0-9_])[a-z][A-Za-z0-9_]*");
        int expressions = 0;
        for (Map.Entry<String, Map<String, Object>> alarm :
                Project.resources(ALARM).entrySet()) {
            List<Object> queries = list(map(alarm.getValue().get("Properties")).get("Metrics"));
            if (queries.isEmpty()) {
                continue;
            }
            String id = alarm.getKey();
            Set<String> defined = new TreeSet<>();
            Set<String> used = new TreeSet<>();
            List<String> returned = new ArrayList<>();
            for (Object query : queries) {
                Map<String, Object> q = map(query);
                String queryId = String.valueOf(q.get("Id"));
                assertThat(queryId).as("%s query id", id).matches("[a-z][A-Za-z0-9_]*");
                if (Boolean.TRUE.equals(q.get("ReturnData"))) {
                    returned.add(queryId);
                } else {
                    assertThat(q).as("%s %s", id, queryId).containsEntry("ReturnData", false);
                }
                if (q.containsKey("Expression")) {
                    expressions++;
                    String expression = MetricContract.canonical(q.get("Expression"));
                    Matcher substitution = SUBSTITUTION.matcher(expression);
                    while (substitution.find()) {
                        assertThat(substitution.group(1))
                                .as("%s %s substitutes", id, queryId)
                                .isIn(parameters);
                    }
                    Matcher reference =
                            identifier.matcher(SUBSTITUTION.matcher(expression).replaceAll("0"));
                    while (reference.find()) {
                        assertThat(defined)
                                .as("%s: %s reads %s, defined before it", id, queryId, reference.group())
                                .contains(reference.group());
                        used.add(reference.group());
                    }
                } else {
                    assertThat(map(q.get("MetricStat")))
                            .as("%s %s", id, queryId)
                            .containsEntry("Period", 300)
                            .containsKey("Stat");
                }
                assertThat(defined.add(queryId))
                        .as("%s: %s defined once", id, queryId)
                        .isTrue();
            }
            assertThat(returned).as("%s: the one series it alarms on", id).hasSize(1);
            Set<String> unused = new TreeSet<>(defined);
            unused.removeAll(used);
            assertThat(unused)
                    .as("%s: every query but the alarm's series is read", id)
                    .containsExactlyElementsOf(returned);
            assertThat(map(alarm.getValue().get("Properties")))
                    .as(id)
                    .doesNotContainKeys("MetricName", "Namespace", "Statistic", "Period");
        }
        assertThat(expressions).isPositive();
    }

    @Test
    void notificationsGoToAnEncryptedTopicThatOnlyThisStacksAlarmsPublishTo() {
        for (String id : List.of("AlarmTopicKey", "AlarmTopic", "AlarmTopicPolicy", "AlarmEmailSubscription")) {
            assertThat(resource(id)).as(id).containsEntry("Condition", "AlarmNotifications");
        }
        assertThat(map(map(Project.template().get("Outputs")).get("AlarmTopicArn")))
                .containsEntry("Condition", "AlarmNotifications")
                .containsEntry("Value", Map.of("Ref", "AlarmTopic"));

        Map<String, Object> key = properties("AlarmTopicKey");
        assertThat(key).containsEntry("EnableKeyRotation", true);
        List<Object> keyStatements = list(map(key.get("KeyPolicy")).get("Statement"));
        assertThat(keyStatements).hasSize(2);
        assertThat(map(keyStatements.get(0)))
                .containsEntry(
                        "Principal",
                        Map.of("AWS", Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:root")));
        // Not the AWS managed key alias/aws/sns: its policy does not let CloudWatch encrypt, so alarms could not
        // publish.
        assertThat(map(keyStatements.get(1)))
                .containsEntry("Effect", "Allow")
                .containsEntry("Principal", Map.of("Service", "cloudwatch.amazonaws.com"))
                .containsEntry("Action", List.of("kms:GenerateDataKey*", "kms:Decrypt"));
        assertThat(properties("AlarmTopic")).containsEntry("KmsMasterKeyId", Map.of("Ref", "AlarmTopicKey"));

        assertThat(properties("AlarmEmailSubscription"))
                .containsEntry("Protocol", "email")
                .containsEntry("Endpoint", Map.of("Ref", "AlarmEmail"))
                .containsEntry("TopicArn", Map.of("Ref", "AlarmTopic"));

        Map<String, Object> policy = properties("AlarmTopicPolicy");
        assertThat(list(policy.get("Topics"))).containsExactly(Map.of("Ref", "AlarmTopic"));
        assertThat(list(map(policy.get("PolicyDocument")).get("Statement")))
                .containsExactly(Map.of(
                        "Sid",
                        "AlarmsOfThisStackPublish",
                        "Effect",
                        "Allow",
                        "Principal",
                        Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action",
                        "sns:Publish",
                        "Resource",
                        Map.of("Ref", "AlarmTopic"),
                        "Condition",
                        Map.of(
                                "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")),
                                "ArnLike",
                                        Map.of(
                                                "aws:SourceArn",
                                                Map.of(
                                                        "Fn::Sub",
                                                        "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:"
                                                                + "${AWS::StackName}-*")))));

        Map<String, Object> email =
                map(map(Project.template().get("Parameters")).get("AlarmEmail"));
        assertThat(email).containsEntry("Default", "");
        Pattern allowed = Pattern.compile(String.valueOf(email.get("AllowedPattern")));
        assertThat(List.of("", "oncall@example.com", "first.last+todo@ops.example.co.uk"))
                .allMatch(address -> allowed.matcher(address).matches());
        assertThat(List.of("oncall", "oncall@example", "a@example.com b@example.com", " oncall@example.com"))
                .noneMatch(address -> allowed.matcher(address).matches());
    }

    @Test
    void theContractRejectsMetricsTheStackDoesNotEmit() {
        MetricContract contract = new MetricContract(transformed());
        String function = "${CreateTodoFunction}";
        Map<String, String> alias = Map.of("FunctionName", function, "Resource", function + ":live");
        assertThat(contract.problems(metric("AWS/Lambda", "Errors", alias))).isEmpty();
        assertThat(contract.problems(metric(
                        ApiMetrics.NAMESPACE,
                        ApiMetrics.COLD_START,
                        Map.of(ApiMetrics.SERVICE, "todo-api", ApiMetrics.OPERATION, "getTodo"))))
                .isEmpty();

        List<MetricContract.Metric> wrong = List.of(
                metric("AWS/Lambda", "Error", alias),
                metric("AWS/Lambda", "Errors", Map.of("FunctionName", function)),
                metric("AWS/Lambda", "Errors", Map.of("FunctionName", function, "Resource", function + ":prod")),
                metric(
                        "AWS/Lambda",
                        "Errors",
                        Map.of("FunctionName", "${NoSuchFunction}", "Resource", "${NoSuchFunction}:live")),
                metric("AWS/Lambda", "Errors", Map.of("FunctionName", function, "Resource", "${GetTodoFunction}:live")),
                metric("AWS/ApiGateway", "5XXError", Map.of("ApiName", "Todo API", "Stage", "${TodoApiprodStage}")),
                metric("AWS/ApiGateway", "5XXError", Map.of("ApiName", "${AWS::StackName}-todo-api", "Stage", "prod")),
                metric(
                        "AWS/ApiGateway",
                        "5xxError",
                        Map.of("ApiName", "${AWS::StackName}-todo-api", "Stage", "${TodoApiprodStage}")),
                metric("AWS/DynamoDB", "ThrottledRequests", Map.of("TableName", "${TodoTable}")),
                metric("AWS/DynamoDB", "ThrottledRequests", Map.of("TableName", "${TodoTable}", "Operation", "Scan")),
                metric("AWS/DynamoDB", "SystemErrors", Map.of("TableName", "todos", "Operation", "Query")),
                metric(
                        "TodoAPI",
                        ApiMetrics.REQUESTS_5XX,
                        Map.of(ApiMetrics.SERVICE, "todo-api", ApiMetrics.OPERATION, "getTodo")),
                metric(
                        ApiMetrics.NAMESPACE,
                        "Requests500",
                        Map.of(ApiMetrics.SERVICE, "todo-api", ApiMetrics.OPERATION, "getTodo")),
                metric(ApiMetrics.NAMESPACE, ApiMetrics.REQUESTS_5XX, Map.of(ApiMetrics.SERVICE, "todo-api")),
                metric(
                        ApiMetrics.NAMESPACE,
                        ApiMetrics.REQUESTS_5XX,
                        Map.of("Service", "todo-api", ApiMetrics.OPERATION, "getTodo")),
                metric(
                        ApiMetrics.NAMESPACE,
                        ApiMetrics.REQUESTS_5XX,
                        Map.of(ApiMetrics.SERVICE, "todo", ApiMetrics.OPERATION, "getTodo")),
                metric(
                        ApiMetrics.NAMESPACE,
                        ApiMetrics.REQUESTS_5XX,
                        Map.of(ApiMetrics.SERVICE, "todo-api", ApiMetrics.OPERATION, "GetTodoFunction")));
        for (MetricContract.Metric metric : wrong) {
            assertThat(contract.problems(metric))
                    .as("%s %s %s", metric.namespace(), metric.name(), metric.dimensions())
                    .isNotEmpty();
        }
    }

    /** The metrics an alarm reads, with their statistic: its own metric, or each MetricStat of its Metrics. */
    static List<AlarmMetric> metricsOf(String id, Map<String, Object> alarm) {
        Map<String, Object> properties = map(alarm.get("Properties"));
        List<AlarmMetric> metrics = new ArrayList<>();
        if (properties.containsKey("MetricName")) {
            Object stat = properties.containsKey("Statistic")
                    ? properties.get("Statistic")
                    : properties.get("ExtendedStatistic");
            metrics.add(new AlarmMetric(
                    null,
                    new MetricContract.Metric(
                            "alarm " + id,
                            String.valueOf(properties.get("Namespace")),
                            String.valueOf(properties.get("MetricName")),
                            MetricContract.dimensions(properties.get("Dimensions"))),
                    String.valueOf(stat),
                    properties.get("Period")));
        }
        for (Object query : list(properties.get("Metrics"))) {
            Map<String, Object> stat = map(map(query).get("MetricStat"));
            if (!stat.isEmpty()) {
                Map<String, Object> metric = map(stat.get("Metric"));
                metrics.add(new AlarmMetric(
                        String.valueOf(map(query).get("Id")),
                        new MetricContract.Metric(
                                "alarm " + id + " " + map(query).get("Id"),
                                String.valueOf(metric.get("Namespace")),
                                String.valueOf(metric.get("MetricName")),
                                MetricContract.dimensions(metric.get("Dimensions"))),
                        String.valueOf(stat.get("Stat")),
                        stat.get("Period")));
            }
        }
        assertThat(metrics).as("alarm %s reads a metric", id).isNotEmpty();
        return metrics;
    }

    private static Map<String, Object> transformed() {
        assumeTrue(SamTransform.unavailable() == null, SamTransform.unavailable());
        return SamTransform.output();
    }

    /** The logical id of the one alarm that reads {@code namespace} {@code name}. */
    private static String onlyAlarmReading(Map<String, List<AlarmMetric>> alarms, String namespace, String name) {
        List<String> reading = alarms.entrySet().stream()
                .filter(alarm -> alarm.getValue().stream()
                        .anyMatch(m -> m.metric().namespace().equals(namespace)
                                && m.metric().name().equals(name)))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(reading).as("alarms on %s %s", namespace, name).hasSize(1);
        return reading.getFirst();
    }

    private static Map<String, Object> alarmProperties(Map<String, Object> output, String id) {
        return map(map(map(output.get("Resources")).get(id)).get("Properties"));
    }

    private static AlarmMetric metric(List<AlarmMetric> metrics, String namespace, String name) {
        return metrics.stream()
                .filter(m -> m.metric().namespace().equals(namespace)
                        && m.metric().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + namespace + " " + name + " in " + metrics));
    }

    /** The expression of the query the alarm alarms on (ReturnData true). */
    private static String returnedExpression(Map<String, Object> alarm) {
        return list(alarm.get("Metrics")).stream()
                .map(Project::map)
                .filter(query -> Boolean.TRUE.equals(query.get("ReturnData")))
                .map(query -> MetricContract.canonical(query.get("Expression")))
                .findFirst()
                .orElseThrow();
    }

    private static String expression(Map<String, Object> alarm, String id) {
        return list(alarm.get("Metrics")).stream()
                .map(Project::map)
                .filter(query -> id.equals(query.get("Id")))
                .map(query -> MetricContract.canonical(query.get("Expression")))
                .findFirst()
                .orElseThrow();
    }

    private static MetricContract.Metric metric(String namespace, String name, Map<String, String> dimensions) {
        return new MetricContract.Metric("test", namespace, name, dimensions);
    }

    /**
     * The length of a description once CloudFormation has substituted it, with the longest values possible: a stack
     * name of 128 characters, a Region of 20, a number of 10 digits.
     */
    private static int worstCaseLength(String description) {
        Matcher substitution = SUBSTITUTION.matcher(description);
        StringBuilder rendered = new StringBuilder();
        while (substitution.find()) {
            int length = switch (substitution.group(1)) {
                case "AWS::StackName" -> 128;
                case "AWS::Region" -> 20;
                default -> 10;
            };
            substitution.appendReplacement(rendered, "x".repeat(length));
        }
        substitution.appendTail(rendered);
        return rendered.length();
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
