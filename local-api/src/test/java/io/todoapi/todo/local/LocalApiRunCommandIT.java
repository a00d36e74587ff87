package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's run command itself, as a user (or an IDE, or a supervisor) runs it: Maven from the project directory.
 * Stopping Maven by its process id, politely (SIGTERM, an IDE's stop button) or not (SIGKILL), must stop everything
 * within 5 s: the port closes and no child (the engine's Node.js) is left answering. Its output is the banner and one
 * line per request; a taken port is one line and a non-zero exit, without Maven's error report.
 */
class LocalApiRunCommandIT {

    /** A warm build of what local-api needs; generous, because the machine also runs this build. */
    private static final Duration STARTUP = Duration.ofSeconds(240);

    private static final Duration STOP = Duration.ofSeconds(5);
    private static final Pattern API_URL = Pattern.compile("Todo API +http://localhost:(\\d+)/todos");

    @Test
    void sigtermToMavenStopsTheApiAndTheEngineWithin5Seconds() throws Exception {
        stopsEverything(false);
    }

    @Test
    void sigkillToMavenStopsTheApiAndTheEngineWithin5Seconds() throws Exception {
        stopsEverything(true);
    }

    @Test
    void aTakenPortIsOneLineAndANonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Finished run = Finished.of(
                    runCommand("--port " + taken.getLocalPort())
                            .redirectErrorStream(true)
                            .start(),
                    STARTUP);
            assertThat(run.output())
                    .containsExactly("local-api: port " + taken.getLocalPort() + " (the HTTP port) is"
                            + " already in use on 127.0.0.1: stop what uses it, or choose another port with --port N");
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }

    private static void stopsEverything(boolean kill) throws Exception {
        Process maven = runCommand("--port 0").redirectErrorStream(true).start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8));
            String banner =
                    CompletableFuture.supplyAsync(() -> readBanner(out)).get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            Matcher url = API_URL.matcher(banner);
            assertThat(url.find()).as(banner).isTrue();
            int port = Integer.parseInt(url.group(1));
            HttpResponse<String> list = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/todos"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            String next = CompletableFuture.supplyAsync(() -> nextLine(out)).get(30, TimeUnit.SECONDS);
            assertThat(next)
                    .as("after the banner, one line per request and nothing else")
                    .matches(" {2}GET +/todos 200 \\d+ ms");
            List<ProcessHandle> children = maven.descendants().toList();
            assertThat(children)
                    .as("the engine runs as a child of Maven's JVM")
                    .anyMatch(child -> child.info().command().orElse("").contains("node"));

            long stopped = System.nanoTime();
            if (kill) {
                maven.destroyForcibly(); // SIGKILL: no shutdown hook runs
            } else {
                maven.destroy(); // SIGTERM, to the Maven process only
            }
            long deadline = stopped + STOP.toNanos();
            while (System.nanoTime() < deadline
                    && (maven.isAlive() || children.stream().anyMatch(ProcessHandle::isAlive) || answers(port))) {
                Thread.sleep(50);
            }
            assertThat(maven.isAlive()).as("Maven").isFalse();
            assertThat(children.stream()
                            .filter(ProcessHandle::isAlive)
                            .map(ProcessHandle::pid)
                            .toList())
                    .as("children left behind")
                    .isEmpty();
            assertThat(answers(port)).as("port %d still answers", port).isFalse();
        } finally {
            maven.destroyForcibly();
        }
    }

    private static String readBanner(BufferedReader out) {
        StringBuilder read = new StringBuilder();
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                read.append(line).append('\n');
                if (line.contains("Press Ctrl-C to stop.")) {
                    return read.toString();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the run command ended before its banner: " + read);
    }

    private static String nextLine(BufferedReader out) {
        try {
            String line = out.readLine();
            while (line != null && line.isBlank()) {
                line = out.readLine();
            }
            return line;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /**
     * The first command of the README's "Run the API on your laptop" section, offline (this build already fetched
     * what it needs), with {@code args} for local-api.
     */
    private static ProcessBuilder runCommand(String args) throws IOException {
        Path project = RunningApi.projectDirectory();
        String readme = Files.readString(project.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Run the API on your laptop"));
        String command = section.lines()
                .filter(line -> line.startsWith("./mvnw "))
                .findFirst()
                .orElseThrow();
        List<String> words = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
        words.add(1, "-o");
        words.add("-Dlocal-api.args=" + args);
        ProcessBuilder builder = new ProcessBuilder(words).directory(project.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }
}
