package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What a process that ends by itself printed (stdout and stderr merged, in order) and its exit code. */
record Finished(List<String> output, int exitCode) {

    /** Waits up to {@code timeout} for {@code process} (started with stderr merged into stdout) to end. */
    static Finished of(Process process, Duration timeout) throws Exception {
        try {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS))
                    .as("ended in time")
                    .isTrue();
            return new Finished(output.get(5, TimeUnit.SECONDS).lines().toList(), process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }
}
