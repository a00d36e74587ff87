package io.todoapi.todo.testing.envreads.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the rewritten {@code System.getenv} reports (see {@code EnvironmentReadsAgent}): each name once, appended to
 * the file the agent was given. It comes in a jar of its own on the boot class path (where java.lang.System can see
 * it), so it uses nothing but the JDK.
 */
public final class EnvironmentReads {

    /** The name reported for {@code System.getenv()}, which hands out every variable. */
    public static final String WHOLE_ENVIRONMENT = "(the whole environment)";

    public static final String FILE_PROPERTY = "io.todoapi.todo.testing.envreads.file";

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<Boolean> RECORDING = new ThreadLocal<>();

    private EnvironmentReads() {}

    public static void read(String name) {
        // Writing the file must not report the reads it makes itself.
        if (name == null || RECORDING.get() != null || !SEEN.add(name)) {
            return;
        }
        RECORDING.set(Boolean.TRUE);
        try {
            Files.writeString(
                    Path.of(System.getProperty(FILE_PROPERTY)),
                    name + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            SEEN.remove(name);
        } finally {
            RECORDING.remove();
        }
    }
}
