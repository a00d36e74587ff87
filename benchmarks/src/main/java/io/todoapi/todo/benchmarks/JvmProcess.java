package io.todoapi.todo.benchmarks;

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

/** Starts a main class of this module's class path in a fresh JVM with Lambda's JVM flags. */
final class JvmProcess {

    private JvmProcess() {
    }

    static ProcessBuilder builder(List<String> extraFlags, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ColdStart.LAMBDA_JVM_FLAGS);
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("JAVA_TOOL") || name.startsWith("JDK_JAVA"));
        return builder;
    }

    /** What one run of {@link JsonStartup} took: to its printed result, and the classes it loaded (or -1). */
    record Startup(double millis, int classesLoaded, Map<String, Integer> classesByOrigin) {
    }

    static Startup jsonStartup(String library, Path workDir, boolean countClasses)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path classLog = workDir.resolve("json-classes-" + System.nanoTime() + ".log");
        List<String> flags = countClasses ? List.of("-Xlog:class+load=info:file=" + classLog) : List.of();
        ProcessBuilder builder = builder(flags, JsonStartup.class.getName(), library)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long started = System.nanoTime();
        Process process = builder.start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        long done = System.nanoTime();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || line == null
                || !line.startsWith("DONE")) {
            process.destroyForcibly();
            throw new IllegalStateException("JsonStartup " + library + " failed: " + line);
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
