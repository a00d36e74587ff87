package io.todoapi.todo.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install step as the build runs it (its own JVM here; in Maven's under exec:java): a Node.js that is too old is
 * one line naming the version found and the one needed, and a non-zero exit.
 */
class NpmInstallTest {

    @Test
    void aNodeJsTooOldIsOneLineAndANonZeroExit(@TempDir Path bin) throws Exception {
        Path node = bin.resolve("node");
        Files.writeString(node, "#!/bin/sh\necho v18.19.0\n");
        assertThat(node.toFile().setExecutable(true)).isTrue();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        NpmInstall.class.getName(),
                        Path.of("").toAbsolutePath().toString())
                .redirectErrorStream(true);
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> lines = output.lines().toList();
        assertThat(lines)
                .singleElement()
                .asString()
                .startsWith("[local-dynamodb] Node.js 20+ and npm are required (found Node.js v18.19.0)");
        assertThat(process.exitValue()).isEqualTo(1);
    }
}
