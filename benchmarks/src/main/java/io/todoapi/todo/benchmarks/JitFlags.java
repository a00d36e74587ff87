package io.todoapi.todo.benchmarks;

import io.todoapi.todo.testing.FunctionArtifact;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A value of the functions' {@code JAVA_TOOL_OPTIONS} to measure SnapStart with: C1 only (Lambda's default for a
 * java25 function without SnapStart), full tiered compilation (the JVM's default, which Lambda keeps for java25 with
 * SnapStart or provisioned concurrency), and whatever template.yaml declares, if it is neither.
 */
record JitFlags(String name, String javaToolOptions) {

    /** Both sets keep template.yaml's heap setting, so that they differ in the JIT only. */
    static final JitFlags C1_ONLY =
            new JitFlags("C1 only", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:MarkSweepDeadRatio=0");

    static final JitFlags FULL_TIERED =
            new JitFlags("full tiered (C1+C2)", "-XX:+TieredCompilation -XX:MarkSweepDeadRatio=0");

    /** template.yaml's JAVA_TOOL_OPTIONS (which the contract tests keep equal to {@link FunctionArtifact}'s). */
    static JitFlags template() {
        String declared = FunctionArtifact.JAVA_TOOL_OPTIONS;
        for (JitFlags known : List.of(C1_ONLY, FULL_TIERED)) {
            if (known.sameOptionsAs(declared)) {
                return known;
            }
        }
        return new JitFlags("template.yaml's", declared);
    }

    /** The flag sets of the SnapStart comparison: the template's first, then the others. */
    static List<JitFlags> compared() {
        List<JitFlags> flags = new ArrayList<>();
        flags.add(template());
        for (JitFlags known : List.of(C1_ONLY, FULL_TIERED)) {
            if (!flags.contains(known)) {
                flags.add(known);
            }
        }
        return flags;
    }

    /**
     * The flag sets {@code list} names, separated by {@code |} (e.g. {@code -XX:TieredStopAtLevel=1|-XX:+TieredCompilation}),
     * the known ones by their name; blank: {@link #compared()}.
     */
    static List<JitFlags> parse(String list) {
        if (list == null || list.isBlank()) {
            return compared();
        }
        List<JitFlags> flags = new ArrayList<>();
        for (String options : list.split("\\|")) {
            if (options.isBlank()) {
                continue;
            }
            JitFlags known = compared().stream()
                    .filter(k -> k.sameOptionsAs(options))
                    .findFirst()
                    .orElse(new JitFlags("other", options.trim()));
            if (!flags.contains(known)) {
                flags.add(known);
            }
        }
        return flags;
    }

    /** A short name for file names and the CSV: {@code c1-only}, {@code full-tiered}, or the options themselves. */
    String slug() {
        if (equals(C1_ONLY)) {
            return "c1-only";
        }
        if (equals(FULL_TIERED)) {
            return "full-tiered";
        }
        return javaToolOptions.replaceAll("[^A-Za-z0-9=+-]+", "_").replaceAll("^_+|_+$", "");
    }

    private boolean sameOptionsAs(String options) {
        return words(javaToolOptions).equals(words(options));
    }

    private static List<String> words(String options) {
        return Arrays.stream(options.trim().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .sorted()
                .toList();
    }
}
