package io.todoapi.todo.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the lines of {@code -Xlog:class+load} by where the classes come from (JDK, AWS SDK, Jackson, ...): the
 * profile that explains a class count.
 */
public final class ClassOrigins {

    /** Origins in table order, each with the package prefixes it covers. */
    public static final Map<String, List<String>> ORIGINS = origins();

    private ClassOrigins() {}

    private static Map<String, List<String>> origins() {
        Map<String, List<String>> origins = new LinkedHashMap<>();
        origins.put("JDK", List.of("java.", "javax.", "jdk.", "sun.", "com.sun."));
        origins.put("Lambda runtime client, its serializers, events", List.of("com.amazonaws."));
        origins.put("AWS SDK", List.of("software.amazon.awssdk.", "software.amazon.eventstream."));
        origins.put(
                "Jackson databind/annotations",
                List.of("com.fasterxml.jackson.databind.", "com.fasterxml.jackson.annotation."));
        origins.put("Jackson core (unrelocated)", List.of("com.fasterxml.jackson.core."));
        origins.put("Apache HTTP client", List.of("org.apache.hc.", "org.apache.http.", "org.apache.commons."));
        origins.put(
                "Logback + Powertools + SLF4J",
                List.of("ch.qos.logback.", "software.amazon.lambda.powertools.", "org.slf4j."));
        origins.put("Joda-Time", List.of("org.joda."));
        origins.put("our code", List.of("io.todoapi."));
        return origins;
    }

    /** Classes per origin (plus "other"); {@code lines} are -Xlog:class+load lines. */
    public static Map<String, Integer> count(List<String> lines) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ORIGINS.keySet().forEach(origin -> counts.put(origin, 0));
        counts.put("other", 0);
        for (String line : lines) {
            String className = className(line);
            if (className == null) {
                continue;
            }
            counts.merge(originOf(className), 1, Integer::sum);
        }
        return counts;
    }

    /** The class name of a line such as {@code [0.010s][info][class,load] java.lang.Object source: jrt:/java.base}. */
    static String className(String line) {
        int tag = line.indexOf("[class,load] ");
        if (tag < 0) {
            return null;
        }
        int start = tag + "[class,load] ".length();
        int end = line.indexOf(' ', start);
        return end < 0 ? line.substring(start) : line.substring(start, end);
    }

    static String originOf(String className) {
        for (Map.Entry<String, List<String>> origin : ORIGINS.entrySet()) {
            for (String prefix : origin.getValue()) {
                if (className.startsWith(prefix)) {
                    return origin.getKey();
                }
            }
        }
        return "other";
    }
}
