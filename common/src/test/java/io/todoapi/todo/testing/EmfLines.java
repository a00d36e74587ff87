package io.todoapi.todo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.metrics.ApiMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks CloudWatch embedded metric format (EMF) lines against the specification's structure ("Specification:
 * Embedded metric format", CloudWatch User Guide) and against what the functions promise to write. The specification:
 * the root is a JSON object whose {@code _aws} member holds {@code Timestamp} (a number, milliseconds since the epoch)
 * and {@code CloudWatchMetrics}, an array of directives, each with {@code Namespace} (a string), {@code Dimensions} (an
 * array of dimension sets, each an array of at most 30 strings, each naming a root member whose value is a string)
 * and {@code Metrics} (at most 100 definitions, each with {@code Name}, optionally {@code Unit} and
 * {@code StorageResolution}); every metric's value is a root member, a number or an array of at most 100 numbers.
 */
public final class EmfLines {

    /** CloudWatch's units (MetricDatum.Unit), the only values a Unit may take. */
    private static final Set<String> UNITS = Set.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Kilobits",
            "Megabits",
            "Gigabits",
            "Terabits",
            "Percent",
            "Count",
            "Bytes/Second",
            "Kilobytes/Second",
            "Megabytes/Second",
            "Gigabytes/Second",
            "Terabytes/Second",
            "Bits/Second",
            "Kilobits/Second",
            "Megabits/Second",
            "Gigabits/Second",
            "Terabits/Second",
            "Count/Second",
            "None");
    /** The functions' metrics with the unit each is written with. */
    private static final Map<String, String> OWN_METRICS = Map.of(
            ApiMetrics.REQUESTS_2XX,
            "Count",
            ApiMetrics.REQUESTS_4XX,
            "Count",
            ApiMetrics.REQUESTS_5XX,
            "Count",
            ApiMetrics.LATENCY,
            "Milliseconds",
            ApiMetrics.CONFLICTS,
            "Count",
            ApiMetrics.IDEMPOTENT_REPLAYS,
            "Count",
            ApiMetrics.COLD_START,
            "Count");

    private EmfLines() {}

    /** The lines of {@code output} that are EMF documents: JSON objects with an {@code _aws} member. */
    public static List<String> in(List<String> output) {
        List<String> emf = new ArrayList<>();
        for (String line : output) {
            String trimmed = line.strip();
            if (trimmed.startsWith("{") && Json.parse(trimmed).has("_aws")) {
                emf.add(trimmed);
            }
        }
        return emf;
    }

    /** {@code line} parsed, after checking it against the specification's structure; an AssertionError says why not. */
    public static JsonNode valid(String line) {
        JsonNode root = Json.parse(line);
        require(root.isObject(), line, "the root is not a JSON object");
        JsonNode aws = root.get("_aws");
        require(aws != null && aws.isObject(), line, "no _aws object");
        require(
                aws.path("Timestamp").isIntegralNumber() && aws.get("Timestamp").asLong() > 1_000_000_000_000L,
                line,
                "_aws.Timestamp is not a number of milliseconds since the epoch");
        JsonNode directives = aws.get("CloudWatchMetrics");
        require(
                directives != null && directives.isArray() && !directives.isEmpty(),
                line,
                "_aws.CloudWatchMetrics is not a non-empty array");
        for (JsonNode directive : directives) {
            require(
                    directive.path("Namespace").isTextual()
                            && !directive.get("Namespace").asText().isBlank(),
                    line,
                    "a directive has no Namespace string");
            JsonNode dimensionSets = directive.get("Dimensions");
            require(dimensionSets != null && dimensionSets.isArray(), line, "a directive has no Dimensions array");
            for (JsonNode dimensionSet : dimensionSets) {
                require(
                        dimensionSet.isArray() && dimensionSet.size() <= 30,
                        line,
                        "a dimension set is not an array of at most 30 names");
                for (JsonNode name : dimensionSet) {
                    require(name.isTextual(), line, "a dimension name is not a string");
                    require(
                            root.path(name.asText()).isTextual(),
                            line,
                            "dimension " + name + " is not a member of the line with a string value");
                }
            }
            JsonNode metrics = directive.get("Metrics");
            require(
                    metrics != null && metrics.isArray() && metrics.size() <= 100,
                    line,
                    "a directive has no Metrics array of at most 100 definitions");
            for (JsonNode metric : metrics) {
                require(metric.path("Name").isTextual(), line, "a metric definition has no Name");
                String name = metric.get("Name").asText();
                require(
                        !metric.has("Unit") || UNITS.contains(metric.get("Unit").asText()),
                        line,
                        "metric " + name + " has a unit CloudWatch does not know: " + metric.get("Unit"));
                require(
                        !metric.has("StorageResolution")
                                || metric.get("StorageResolution").asInt() == 1
                                || metric.get("StorageResolution").asInt() == 60,
                        line,
                        "metric " + name + " has a StorageResolution other than 1 or 60");
                JsonNode value = root.get(name);
                require(value != null, line, "metric " + name + " has no value member");
                require(
                        value.isNumber() || value.isArray() && value.size() <= 100 && allNumbers(value),
                        line,
                        "metric " + name + "'s value is not a number or numbers");
            }
        }
        return root;
    }

    /**
     * {@code line} is valid EMF and exactly what a function writes for {@code operation}: one directive, namespace
     * TodoApi, the one dimension set [service, operation] with service todo-api (what template.yaml sets and the
     * alarms' contract expects), only ApiMetrics' metrics in their units, the three status classes with exactly one
     * of them 1, a latency, and no other member than these and the Lambda request id: no user, no todo.
     */
    public static JsonNode ofOperation(String line, String operation) {
        JsonNode root = valid(line);
        JsonNode directives = root.at("/_aws/CloudWatchMetrics");
        require(directives.size() == 1, line, "not one directive");
        JsonNode directive = directives.get(0);
        require(ApiMetrics.NAMESPACE.equals(directive.get("Namespace").asText()), line, "namespace is not TodoApi");
        require(
                directive.get("Dimensions").toString().equals("[[\"service\",\"operation\"]]"),
                line,
                "the dimension sets are not [[service, operation]]");
        require("todo-api".equals(root.get(ApiMetrics.SERVICE).asText()), line, "service is not todo-api");
        require(operation.equals(root.get(ApiMetrics.OPERATION).asText()), line, "operation is not " + operation);
        Set<String> names = new HashSet<>();
        for (JsonNode metric : directive.get("Metrics")) {
            String name = metric.get("Name").asText();
            require(OWN_METRICS.containsKey(name), line, name + " is none of ApiMetrics' metrics");
            require(
                    OWN_METRICS.get(name).equals(metric.path("Unit").asText()),
                    line,
                    name + " is not in " + OWN_METRICS.get(name));
            require(root.get(name).isNumber(), line, name + " is not one number");
            names.add(name);
        }
        require(
                names.containsAll(Set.of(
                        ApiMetrics.REQUESTS_2XX, ApiMetrics.REQUESTS_4XX, ApiMetrics.REQUESTS_5XX, ApiMetrics.LATENCY)),
                line,
                "the status classes or the latency are missing");
        require(
                root.get(ApiMetrics.REQUESTS_2XX).asInt()
                                + root.get(ApiMetrics.REQUESTS_4XX).asInt()
                                + root.get(ApiMetrics.REQUESTS_5XX).asInt()
                        == 1,
                line,
                "not exactly one status class is 1");
        for (String optional : List.of(ApiMetrics.CONFLICTS, ApiMetrics.IDEMPOTENT_REPLAYS, ApiMetrics.COLD_START)) {
            require(!names.contains(optional) || root.get(optional).asInt() == 1, line, optional + " is not 1");
        }
        Set<String> members = new HashSet<>(names);
        members.addAll(Set.of("_aws", ApiMetrics.SERVICE, ApiMetrics.OPERATION, "function_request_id"));
        for (Iterator<String> fields = root.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            require(members.contains(field), line, "unexpected member " + field);
        }
        return root;
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean condition, String line, String problem) {
        if (!condition) {
            throw new AssertionError("not a valid EMF line (" + problem + "): " + line);
        }
    }
}
