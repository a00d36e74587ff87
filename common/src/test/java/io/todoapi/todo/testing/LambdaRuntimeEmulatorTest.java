package io.todoapi.todo.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The emulator's timing for the benchmarks, with this test playing the runtime client: an invocation is timed from
 * the runtime's poll answered to its response, and the snapshot point is noted when the runtime asks for
 * {@code restore/next}. (Running real artifacts is what the {@code *ArtifactIT} tests do.)
 */
class LambdaRuntimeEmulatorTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void timesAnInvocationFromThePollToTheResponse() throws Exception {
        try (LambdaRuntimeEmulator emulator = LambdaRuntimeEmulator.start()) {
            CompletableFuture<LambdaRuntimeEmulator.TimedResponse> invocation = CompletableFuture.supplyAsync(() -> {
                try {
                    return emulator.invokeTimed("{\"n\":1}", Duration.ofSeconds(30));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            HttpResponse<String> next = http.send(
                    HttpRequest.newBuilder(api(emulator, "/2018-06-01/runtime/invocation/next"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String requestId =
                    next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            Thread.sleep(200);
            http.send(
                    HttpRequest.newBuilder(api(emulator, "/2018-06-01/runtime/invocation/" + requestId + "/response"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"statusCode\":200}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            LambdaRuntimeEmulator.TimedResponse response = invocation.get();
            assertThat(next.body()).isEqualTo("{\"n\":1}");
            assertThat(response.body()).isEqualTo("{\"statusCode\":200}");
            assertThat(response.millis()).isGreaterThanOrEqualTo(200).isLessThan(10_000);
        }
    }

    @Test
    void notesTheSnapshotPointWhenTheRuntimeAsksForRestoreNext() throws Exception {
        try (LambdaRuntimeEmulator emulator = LambdaRuntimeEmulator.start()) {
            assertThat(emulator.snapshotNanos()).isZero();
            long before = System.nanoTime();

            HttpResponse<String> restore = http.send(
                    HttpRequest.newBuilder(api(emulator, "/2018-06-01/runtime/restore/next"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(restore.statusCode()).isEqualTo(200);
            assertThat(emulator.snapshotNanos()).isBetween(before, System.nanoTime());
        }
    }

    private static URI api(LambdaRuntimeEmulator emulator, String path) {
        return URI.create("http://" + emulator.address() + path);
    }
}
