package io.todoapi.todo.testing.envreads;

import io.todoapi.todo.testing.envreads.boot.EnvironmentReads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The agent's two jars, written once per test JVM from these classes: the agent itself, and the recorder, which goes
 * on the function JVM's boot class path.
 */
public final class EnvironmentReadsJar {

    private static List<Path> jars;

    private EnvironmentReadsJar() {}

    /** The JVM option that records the environment variables the JVM reads into {@code file}, one name per line. */
    public static synchronized String javaAgentOption(Path file) {
        try {
            if (jars == null) {
                Manifest manifest = new Manifest();
                manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                manifest.getMainAttributes().putValue("Premain-Class", EnvironmentReadsAgent.class.getName());
                manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
                jars = List.of(
                        write(
                                "environment-reads-agent-",
                                manifest,
                                EnvironmentReadsAgent.class,
                                Class.forName(EnvironmentReadsAgent.class.getName() + "$Transformer"),
                                Class.forName(EnvironmentReadsAgent.class.getName() + "$Prepend")),
                        write("environment-reads-recorder-", new Manifest(), EnvironmentReads.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return "-javaagent:" + jars.get(0) + "=" + jars.get(1) + "|" + file;
    }

    private static Path write(String prefix, Manifest manifest, Class<?>... classes) throws IOException {
        Path file = Files.createTempFile(prefix, ".jar");
        file.toFile().deleteOnExit();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Class<?> type : classes) {
                String entry = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return file;
    }
}
