package io.todoapi.todo.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Powertools' {@link Metrics} written as CloudWatch embedded metric format (EMF): each {@link #flush()} writes one
 * JSON line ({@code _aws.Timestamp}, {@code _aws.CloudWatchMetrics} with the namespace, one dimension set and the
 * metric definitions, then the dimension and metric values as members) to the function's output, where Lambda sends
 * it to CloudWatch Logs and CloudWatch extracts the metrics: no API call. It is Powertools' metrics API on the
 * Jackson core the SDK already loads, instead of Powertools' own implementation, which would add Jackson databind
 * (with its JSR-310 module) and the aws-embedded-metrics library to every function (benchmarks/README.md, "Metrics"). Not thread-safe: one
 * instance per function, used by one invocation at a time, as Lambda runs them.
 */
public final class EmfMetrics implements Metrics {

    /** EMF: at most 100 metrics in one directive, 30 dimensions in a set; a namespace of 1..255 characters. */
    static final int MAX_METRICS = 100;

    static final int MAX_DIMENSIONS = 30;
    private static final JsonFactory JSON = new JsonFactory();

    private final Consumer<String> out;
    private final Clock clock;
    private String namespace;
    private boolean raiseOnEmptyMetrics;
    private final Map<String, String> defaultDimensions = new LinkedHashMap<>();
    private final Map<String, String> dimensions = new LinkedHashMap<>();
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private Instant timestamp;

    /** One metric of a line: its unit and resolution, and every value added since the last flush. */
    private record Metric(MetricUnit unit, MetricResolution resolution, List<Double> values) {}

    /** Writes each line to {@code out} (stdout on Lambda), stamped with {@code clock}'s time unless set. */
    public EmfMetrics(String namespace, Consumer<String> out, Clock clock) {
        this.out = out;
        this.clock = clock;
        setNamespace(namespace);
    }

    @Override
    public void addMetric(String name, double value, MetricUnit unit, MetricResolution resolution) {
        requireName("metric", name);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + name + " must be a finite number, not " + value);
        }
        if (!metrics.containsKey(name) && metrics.size() == MAX_METRICS) {
            throw new IllegalStateException("at most " + MAX_METRICS + " metrics per line");
        }
        Metric metric = metrics.computeIfAbsent(name, key -> new Metric(unit, resolution, new ArrayList<>()));
        if (metric.unit() != unit || metric.resolution() != resolution) {
            throw new IllegalArgumentException("metric " + name + " was added with " + metric.unit() + "/"
                    + metric.resolution() + " before, not " + unit + "/" + resolution);
        }
        metric.values().add(value);
    }

    /**
     * One dimension of this line, checked here rather than through {@link DimensionSet#of}: Powertools' validator
     * initializes commons-lang3's {@code StringUtils}, whose Unicode patterns cost a fresh JVM about 15 ms and 28
     * classes before the first line (benchmarks/README.md, "Metrics").
     */
    @Override
    public void addDimension(String name, String value) {
        put(dimensions, name, value);
    }

    @Override
    public void addDimension(DimensionSet dimensionSet) {
        dimensionSet.getDimensions().forEach((name, value) -> put(dimensions, name, value));
    }

    @Override
    public void setTimestamp(Instant timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public void addMetadata(String key, Object value) {
        requireName("metadata", key);
        metadata.put(key, value);
    }

    @Override
    public void setDefaultDimensions(DimensionSet dimensionSet) {
        defaultDimensions.clear();
        dimensionSet.getDimensions().forEach((name, value) -> put(defaultDimensions, name, value));
    }

    @Override
    public DimensionSet getDefaultDimensions() {
        return DimensionSet.of(defaultDimensions);
    }

    @Override
    public void setNamespace(String namespace) {
        if (namespace == null || namespace.isBlank() || namespace.length() > 255) {
            throw new IllegalArgumentException("an EMF namespace has 1 to 255 characters: " + namespace);
        }
        this.namespace = namespace;
    }

    @Override
    public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {
        this.raiseOnEmptyMetrics = raiseOnEmptyMetrics;
    }

    @Override
    public void clearDefaultDimensions() {
        defaultDimensions.clear();
    }

    /**
     * Writes the metrics added since the last flush as one line, then forgets them (and the line's own dimensions,
     * metadata and timestamp); the default dimensions stay. Nothing to write is no line, or an exception when
     * {@link #setRaiseOnEmptyMetrics} asked for it.
     */
    @Override
    public void flush() {
        try {
            if (metrics.isEmpty()) {
                if (raiseOnEmptyMetrics) {
                    throw new IllegalStateException("no metrics to flush");
                }
                return;
            }
            out.accept(line());
        } finally {
            metrics.clear();
            dimensions.clear();
            metadata.clear();
            timestamp = null;
        }
    }

    /** A line of its own with {@code ColdStart = 1} and {@code dimensions} (beside the defaults). */
    @Override
    public void captureColdStartMetric(Context context, DimensionSet dimensions) {
        flushMetrics(metrics -> {
            metrics.addDimension(dimensions);
            if (context != null) {
                metrics.addMetadata("function_request_id", context.getAwsRequestId());
            }
            metrics.addMetric(ApiMetrics.COLD_START, 1, MetricUnit.COUNT);
        });
    }

    @Override
    public void captureColdStartMetric(DimensionSet dimensions) {
        captureColdStartMetric(null, dimensions);
    }

    /** Metrics written on a line of their own, with this instance's namespace and default dimensions. */
    @Override
    public void flushMetrics(Consumer<Metrics> metricsFunction) {
        EmfMetrics separate = new EmfMetrics(namespace, out, clock);
        separate.setDefaultDimensions(getDefaultDimensions());
        metricsFunction.accept(separate);
        separate.flush();
    }

    private String line() {
        Map<String, String> allDimensions = new LinkedHashMap<>(defaultDimensions);
        allDimensions.putAll(dimensions);
        if (allDimensions.size() > MAX_DIMENSIONS) {
            throw new IllegalStateException("at most " + MAX_DIMENSIONS + " dimensions in a set");
        }
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", (timestamp != null ? timestamp : clock.instant()).toEpochMilli());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", namespace);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            for (String name : allDimensions.keySet()) {
                json.writeString(name);
            }
            json.writeEndArray();
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Map.Entry<String, Metric> metric : metrics.entrySet()) {
                json.writeStartObject();
                json.writeStringField("Name", metric.getKey());
                json.writeStringField("Unit", unit(metric.getValue().unit()));
                if (metric.getValue().resolution() == MetricResolution.HIGH) {
                    json.writeNumberField("StorageResolution", 1);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            for (Map.Entry<String, String> dimension : allDimensions.entrySet()) {
                json.writeStringField(dimension.getKey(), dimension.getValue());
            }
            for (Map.Entry<String, Metric> metric : metrics.entrySet()) {
                List<Double> values = metric.getValue().values();
                json.writeFieldName(metric.getKey());
                if (values.size() == 1) {
                    number(json, values.getFirst());
                } else {
                    json.writeStartArray();
                    for (double value : values) {
                        number(json, value);
                    }
                    json.writeEndArray();
                }
            }
            for (Map.Entry<String, Object> entry : metadata.entrySet()) {
                if (!allDimensions.containsKey(entry.getKey()) && !metrics.containsKey(entry.getKey())) {
                    json.writeStringField(entry.getKey(), String.valueOf(entry.getValue()));
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Whole numbers without a fraction ({@code 1}, not {@code 1.0}): how CloudWatch's own examples write counts. */
    private static void number(JsonGenerator json, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.writeNumber((long) value);
        } else {
            json.writeNumber(value);
        }
    }

    /** CloudWatch's name of a unit: {@code COUNT} is {@code Count}, {@code BYTES_SECOND} is {@code Bytes/Second}. */
    static String unit(MetricUnit unit) {
        StringBuilder name = new StringBuilder();
        for (String part : unit.name().split("_")) {
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static void put(Map<String, String> dimensions, String name, String value) {
        requireName("dimension", name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("dimension " + name + " needs a value");
        }
        dimensions.put(name, value);
    }

    private static void requireName(String what, String name) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("a " + what + " name has 1 to 255 characters: " + name);
        }
    }
}
