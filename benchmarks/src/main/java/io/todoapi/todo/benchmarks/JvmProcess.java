package io.todoapi.todo.benchmarks;

import io.todoapi.todo.testing.FunctionArtifact;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a main class of this module's class path in a fresh JVM as Lambda starts a function's: the runtime's own
 * flags ({@link ColdStart#LAMBDA_RUNTIME_FLAGS}) and template.yaml's JAVA_TOOL_OPTIONS, in the environment.
 */
final class JvmProcess {

    private JvmProcess() {}

    static ProcessBuilder builder(List<String> extraFlags, String mainClass, String... args) {
        return withClasspath(extraFlags, System.getProperty("java.class.path"), mainClass, args);
    }

    static ProcessBuilder withClasspath(List<String> extraFlags, String classpath, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ColdStart.LAMBDA_RUNTIME_FLAGS);
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("JAVA_TOOL") || name.startsWith("JDK_JAVA"));
        builder.environment().put("JAVA_TOOL_OPTIONS", FunctionArtifact.JAVA_TOOL_OPTIONS);
        return builder;
    }

    /** What one run of {@link StartupProbe} took: to its printed result, and the classes it loaded (or -1). */
    record Startup(double millis, int classesLoaded, Map<String, Integer> classesByOrigin) {}

    static Startup startupProbe(String probe, Path workDir, boolean countClasses)
            throws IOException, InterruptedException {
        return probe(
                builder(flags(workDir, countClasses), StartupProbe.class.getName(), new String[] {probe}),
                probe,
                workDir,
                countClasses);
    }

    /** {@link LoggingProbe} with this module's classes and {@code functionJar} only on the class path. */
    static Startup loggingProbe(Path functionJar, Path workDir, boolean countClasses)
            throws IOException, InterruptedException {
        String classes;
        try {
            classes = Path.of(LoggingProbe.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String classpath = classes + java.io.File.pathSeparator + functionJar;
        return probe(
                withClasspath(flags(workDir, countClasses), classpath, LoggingProbe.class.getName()),
                "logging",
                workDir,
                countClasses);
    }

    /**
     * {@link MetricsProbe} in {@code mode} with this module's classes and {@code functionJar} on the class path, and for
     * Powertools' provider the libraries it needs that the functions leave out (from this module's class path).
     */
    static Startup metricsProbe(String mode, Path functionJar, Path workDir, boolean countClasses)
            throws IOException, InterruptedException {
        StringBuilder classpath = new StringBuilder(codeSource(MetricsProbe.class))
                .append(java.io.File.pathSeparator)
                .append(functionJar);
        if (mode.equals("powertools")) {
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                String name = Path.of(entry).getFileName().toString();
                if (name.startsWith("aws-embedded-metrics-")
                        || name.startsWith("jackson-databind-")
                        || name.startsWith("jackson-annotations-")
                        || name.startsWith("jackson-core-")
                        || name.startsWith("jackson-datatype-jsr310-")
                        || name.startsWith("javatuples-")) {
                    classpath.append(java.io.File.pathSeparator).append(entry);
                }
            }
        }
        ProcessBuilder builder =
                withClasspath(flags(workDir, countClasses), classpath.toString(), MetricsProbe.class.getName(), mode);
        // As on Lambda, where aws-embedded-metrics recognises the environment by this variable (else it probes EC2).
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "probe");
        builder.environment().put("POWERTOOLS_SERVICE_NAME", "todo-api");
        return probe(builder, "metrics-" + mode, workDir, countClasses);
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> flags(Path workDir, boolean countClasses) {
        List<String> flags = new ArrayList<>();
        if (countClasses) {
            flags.add("-Xlog:class+load=info:file=" + workDir.resolve("probe-classes.log"));
        }
        return flags;
    }

    /**
     * Runs the probe {@code builder} starts (with {@link #flags}), timed from process start to its {@code DONE} line;
     * with {@code countClasses}, the classes it loaded.
     */
    static Startup probe(ProcessBuilder builder, String probe, Path workDir, boolean countClasses)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path classLog = workDir.resolve("probe-classes.log");
        Files.deleteIfExists(classLog);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        long started = System.nanoTime();
        Process process = builder.start();
        String line;
        // The logging probe writes its log line first: wait for the DONE line.
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
            while (line != null && !line.startsWith("DONE")) {
                line = out.readLine();
            }
        }
        long done = System.nanoTime();
        if (!process.waitFor(30, TimeUnit.SECONDS)
                || process.exitValue() != 0
                || line == null
                || !line.startsWith("DONE")) {
            process.destroyForcibly();
            throw new IllegalStateException("Start-up probe " + probe + " failed: " + line);
        }
        int classes = -1;
        Map<String, Integer> byOrigin = Map.of();
        if (countClasses) {
            // Counted at exit: the classes of the work plus the few of printing and shutting down.
            byOrigin = ClassOrigins.count(Files.readAllLines(classLog));
            classes = byOrigin.values().stream().mapToInt(Integer::intValue).sum();
            Files.deleteIfExists(classLog);
        }
        return new Startup((done - started) / 1e6, classes, byOrigin);
    }
}
