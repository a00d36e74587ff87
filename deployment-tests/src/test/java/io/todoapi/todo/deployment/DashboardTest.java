package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoapi.todo.metrics.ApiMetrics;
import io.todoapi.todo.testing.TodoFunction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard of template.yaml: its body is JSON whose substitutions all name something of the stack, every metric
 * of its widgets is one the stack emits (the same contract as the alarms'), and it shows what an on-call person looks
 * at: the alarms, requests, errors, latency percentiles of the API and of each operation, cold starts and the table.
 */
class DashboardTest {

    private static final String DASHBOARD = "TodoDashboard";
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]+)}");
    private static final Set<String> PSEUDO_PARAMETERS =
            Set.of("AWS::Region", "AWS::StackName", "AWS::AccountId", "AWS::Partition", "AWS::URLSuffix");

    /** One metric of a widget, with the statistic it is shown with. */
    record WidgetMetric(String widget, MetricContract.Metric metric, String stat, Map<String, Object> options) {}

    @Test
    void theBodyIsJsonAndEverySubstitutionNamesSomethingOfTheStack() {
        assertThat(widgets(body(Project.template())))
                .as("widgets of the template's dashboard")
                .isNotEmpty();
        Map<String, Object> output = transformed();
        String body = body(output);
        Map<String, Object> resources = map(output.get("Resources"));
        Set<String> parameters = map(output.get("Parameters")).keySet();
        Matcher substitution = SUBSTITUTION.matcher(body);
        Set<String> named = new TreeSet<>();
        while (substitution.find()) {
            String name = substitution.group(1);
            named.add(name);
            String resource = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            assertThat(PSEUDO_PARAMETERS.contains(name) || parameters.contains(name) || resources.containsKey(resource))
                    .as("the dashboard substitutes ${%s}, which the transformed stack does not have", name)
                    .isTrue();
            if (name.contains(".")) {
                assertThat(name)
                        .as("the only attribute the dashboard reads is an alarm's ARN")
                        .endsWith(".Arn");
                assertThat(map(resources.get(resource)).get("Type")).isEqualTo("AWS::CloudWatch::Alarm");
            }
        }
        assertThat(named)
                .as("the stage the dashboard names is the one SAM creates")
                .contains("TodoApiprodStage")
                .doesNotContain("TodoApi.Stage");
    }

    @Test
    void everyWidgetMetricIsOneTheStackEmits() {
        Map<String, Object> output = transformed();
        MetricContract contract = new MetricContract(output);
        List<String> problems = new ArrayList<>();
        List<WidgetMetric> metrics = metrics(body(output));
        for (WidgetMetric metric : metrics) {
            problems.addAll(contract.problems(metric.metric()));
        }
        System.out.println("dashboard: " + widgets(body(output)).size() + " widgets, " + metrics.size()
                + " metrics checked against the transformed stack and ApiMetrics");
        assertThat(problems)
                .as("metrics the dashboard shows that the stack does not emit")
                .isEmpty();
    }

    @Test
    void everyMetricWidgetIsOfThisRegionAndItsExpressionsReadItsOwnMetrics() {
        Pattern identifier = Pattern.compile("(?<![A-Za-z0-9_])[a-z][A-Za-z0-9_]*");
        for (Map<String, Object> widget : widgets(body(Project.template()))) {
            if (!"metric".equals(widget.get("type"))) {
                continue;
            }
            Map<String, Object> properties = map(widget.get("properties"));
            assertThat(properties)
                    .as("widget %s", properties.get("title"))
                    .containsEntry("region", "${AWS::Region}")
                    .containsKeys("title", "metrics", "stat", "period");
            Set<String> ids = new TreeSet<>();
            List<String> expressions = new ArrayList<>();
            for (Object entry : list(properties.get("metrics"))) {
                List<Object> items = list(entry);
                Map<String, Object> options = map(items.getLast());
                if (options.get("id") != null) {
                    ids.add(String.valueOf(options.get("id")));
                }
                if (options.containsKey("expression")) {
                    assertThat(items).as("an expression stands alone").hasSize(1);
                    expressions.add(String.valueOf(options.get("expression")));
                } else {
                    assertThat(items)
                            .as("%s: the shorthand \".\" is not used", properties.get("title"))
                            .doesNotContain(".");
                }
            }
            for (String expression : expressions) {
                Matcher reference = identifier.matcher(expression);
                while (reference.find()) {
                    assertThat(ids)
                            .as("%s: expression %s reads %s", properties.get("title"), expression, reference.group())
                            .contains(reference.group());
                }
            }
        }
    }

    @Test
    void itShowsRequestsErrorsLatencyPercentilesColdStartsAndTheTable() {
        List<WidgetMetric> metrics = metrics(body(Project.template()));
        Set<String> shown = new TreeSet<>();
        for (WidgetMetric m : metrics) {
            Map<String, String> d = m.metric().dimensions();
            String of = d.containsKey(ApiMetrics.OPERATION)
                    ? d.get(ApiMetrics.OPERATION)
                    : d.containsKey("Operation")
                            ? d.get("Operation")
                            : d.containsKey("FunctionName") ? d.get("FunctionName") : "";
            shown.add(
                    m.metric().namespace() + " " + m.metric().name() + " " + m.stat() + (of.isEmpty() ? "" : " " + of));
        }
        List<String> expected = new ArrayList<>(List.of(
                "AWS/ApiGateway Count Sum",
                "AWS/ApiGateway 4XXError Sum",
                "AWS/ApiGateway 5XXError Sum",
                "AWS/ApiGateway Latency p50",
                "AWS/ApiGateway Latency p90",
                "AWS/ApiGateway Latency p99",
                "AWS/DynamoDB ConsumedReadCapacityUnits Sum",
                "AWS/DynamoDB ConsumedWriteCapacityUnits Sum"));
        for (String operation : ApiMetrics.OPERATIONS) {
            expected.add(ApiMetrics.NAMESPACE + " " + ApiMetrics.REQUESTS_5XX + " Sum " + operation);
            expected.add(ApiMetrics.NAMESPACE + " " + ApiMetrics.COLD_START + " Sum " + operation);
            for (String percentile : List.of("p50", "p90", "p99")) {
                expected.add(ApiMetrics.NAMESPACE + " " + ApiMetrics.LATENCY + " " + percentile + " " + operation);
            }
        }
        for (TodoFunction function : TodoFunction.values()) {
            for (String name : List.of("Invocations", "Errors", "Throttles")) {
                expected.add("AWS/Lambda " + name + " Sum ${" + function.logicalId() + "}");
            }
            for (String action : function.dynamoDbActions()) {
                String operation = action.substring("dynamodb:".length());
                expected.add("AWS/DynamoDB ThrottledRequests Sum " + operation);
                expected.add("AWS/DynamoDB SystemErrors Sum " + operation);
            }
        }
        assertThat(shown).containsAll(expected);
    }

    @Test
    void theAlarmWidgetShowsEveryAlarmOfTheStack() {
        List<Map<String, Object>> alarmWidgets = widgets(body(Project.template())).stream()
                .filter(widget -> "alarm".equals(widget.get("type")))
                .toList();
        assertThat(alarmWidgets).hasSize(1);
        List<Object> alarms =
                list(map(alarmWidgets.getFirst().get("properties")).get("alarms"));
        assertThat(alarms)
                .containsExactlyInAnyOrderElementsOf(Project.resources("AWS::CloudWatch::Alarm").keySet().stream()
                        .map(id -> "${" + id + ".Arn}")
                        .toList());
    }

    @Test
    void theWidgetsFitTheGridWithoutOverlapping() {
        List<Map<String, Object>> widgets = widgets(body(Project.template()));
        Set<String> cells = new TreeSet<>();
        for (Map<String, Object> widget : widgets) {
            int x = (Integer) widget.get("x");
            int y = (Integer) widget.get("y");
            int width = (Integer) widget.get("width");
            int height = (Integer) widget.get("height");
            assertThat(x + width)
                    .as("widget at %d,%d within the 24 columns", x, y)
                    .isLessThanOrEqualTo(24);
            for (int column = x; column < x + width; column++) {
                for (int row = y; row < y + height; row++) {
                    assertThat(cells.add(column + "," + row))
                            .as("cell %d,%d taken twice", column, row)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void theDashboardUrlOutputOpensThisDashboard() {
        Map<String, Object> dashboard = Project.properties(DASHBOARD);
        assertThat(dashboard.get("DashboardName"))
                .as("dashboards are global to the account: the Region in the name")
                .isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-${AWS::Region}"));
        assertThat(Project.resources("AWS::CloudWatch::Dashboard").keySet()).containsExactly(DASHBOARD);
        Object url = map(map(map(Project.template().get("Outputs")).get("DashboardUrl"))
                        .get("Value"))
                .get("Fn::Sub");
        assertThat(String.valueOf(url))
                .isEqualTo("https://${AWS::Region}.console.aws.amazon.com/cloudwatch/home"
                        + "?region=${AWS::Region}#dashboards/dashboard/${" + DASHBOARD + "}");
    }

    private static Map<String, Object> transformed() {
        assumeTrue(SamTransform.unavailable() == null, SamTransform.unavailable());
        return SamTransform.output();
    }

    /** The dashboard's body in {@code template}: the string of its Fn::Sub. */
    private static String body(Map<String, Object> template) {
        Object body = map(map(map(map(template.get("Resources")).get(DASHBOARD)).get("Properties"))
                .get("DashboardBody"));
        Object sub = map(body).get("Fn::Sub");
        assertThat(sub).as("DashboardBody is one Fn::Sub string").isInstanceOf(String.class);
        return (String) sub;
    }

    private static List<Map<String, Object>> widgets(String body) {
        Map<String, Object> dashboard;
        try {
            dashboard = map(new ObjectMapper().readValue(body, Map.class));
        } catch (IOException e) {
            throw new AssertionError("DashboardBody is not JSON: " + e.getMessage(), e);
        }
        return list(dashboard.get("widgets")).stream().map(Project::map).toList();
    }

    /**
     * Every metric of the metric widgets: {@code [namespace, name, dimension, value, ..., {options}]}, shown with the
     * options' stat, else the widget's.
     */
    static List<WidgetMetric> metrics(String body) {
        List<WidgetMetric> metrics = new ArrayList<>();
        for (Map<String, Object> widget : widgets(body)) {
            Map<String, Object> properties = map(widget.get("properties"));
            for (Object entry : list(properties.get("metrics"))) {
                List<Object> items = new ArrayList<>(list(entry));
                Map<String, Object> options = items.getLast() instanceof Map<?, ?> ? map(items.removeLast()) : Map.of();
                if (options.containsKey("expression")) {
                    continue;
                }
                assertThat(items.size() % 2)
                        .as("%s: namespace, name and dimension pairs", entry)
                        .isZero();
                Map<String, String> dimensions = new LinkedHashMap<>();
                for (int i = 2; i < items.size(); i += 2) {
                    dimensions.put(String.valueOf(items.get(i)), String.valueOf(items.get(i + 1)));
                }
                String title = String.valueOf(properties.get("title"));
                Object stat = options.containsKey("stat") ? options.get("stat") : properties.get("stat");
                metrics.add(new WidgetMetric(
                        title,
                        new MetricContract.Metric(
                                "widget \"" + title + "\"",
                                String.valueOf(items.get(0)),
                                String.valueOf(items.get(1)),
                                dimensions),
                        String.valueOf(stat),
                        options));
            }
        }
        return metrics;
    }
}
