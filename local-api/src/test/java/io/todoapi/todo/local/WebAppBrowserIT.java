package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The web app in a real browser: web/e2e/run.mjs (the pinned playwright-core driving the OS's headless Chromium)
 * against local-api started in this JVM with its own dynalite. Each browser test is reported as a test of its own,
 * so `./mvnw verify` counts them; the runner's JSON report (target/web-browser-tests/report.json) is what .ci/run
 * prints the count from.
 */
class WebAppBrowserIT {

    /** The tests in web/e2e/tests.mjs: a runner that silently ran fewer must fail here. */
    private static final int BROWSER_TESTS = 12;

    private static final long RUN_TIMEOUT_MINUTES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningApi api;
    private static JsonNode report;
    private static String output;

    @BeforeAll
    static void runBrowserTests() throws IOException, InterruptedException {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(chromium))
                .as(
                        "Chromium is needed for the web app's browser tests and was not found at %s: install it"
                                + " (Debian/Ubuntu: apt-get install -y chromium; .ci/run does) or set CHROMIUM=/path/to/it",
                        chromium)
                .isTrue();
        Path web = RunningApi.projectDirectory().resolve("web");
        assertThat(web.resolve("node_modules/playwright-core"))
                .as("web/node_modules is installed by the web module's build (npm ci): build with ./mvnw verify")
                .isDirectory();

        // local-api serves the app at / (the web module's jar is on its class path) with its own /config.json.
        api = RunningApi.start();
        assertThat(api.server.servesWebApp()).isTrue();
        Path results = Path.of("target", "web-browser-tests").toAbsolutePath();
        Files.createDirectories(results);
        Path reportFile = results.resolve("report.json");
        Files.deleteIfExists(reportFile);
        Path outputFile = results.resolve("output.txt");
        Process runner = new ProcessBuilder(
                        "node",
                        "e2e/run.mjs",
                        "--base-url",
                        api.base().toString(),
                        "--chromium",
                        chromium.toString(),
                        "--report",
                        reportFile.toString(),
                        "--screenshots",
                        results.resolve("screenshots").toString())
                .directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile())
                .start();
        if (!runner.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            runner.destroyForcibly();
        }
        output = Files.readString(outputFile, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(reportFile)
                .as("the browser test runner wrote no report; its output:%n%s", output)
                .exists();
        report = JSON.readTree(reportFile.toFile());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> browserTests() {
        return StreamSupport.stream(report.get("tests").spliterator(), false)
                .map(test -> DynamicTest.dynamicTest(
                        test.get("name").asText(),
                        () -> assertThat(test.get("ok").asBoolean())
                                .as(
                                        "%s%n%s",
                                        test.get("name").asText(),
                                        test.path("error").asText())
                                .isTrue()));
    }

    @Test
    void runsEveryBrowserTestWithoutSeriousAccessibilityViolations() {
        JsonNode summary = report.get("summary");
        assertThat(summary.get("run").asInt()).as(output).isEqualTo(BROWSER_TESTS);
        assertThat(summary.get("passed").asInt()).as(output).isEqualTo(BROWSER_TESTS);
        assertThat(summary.get("axeSeriousOrCritical").asInt()).isZero();
        List<String> screens = new ArrayList<>();
        report.get("axe").forEach(run -> screens.add(run.get("screen").asText()));
        assertThat(screens)
                .contains(
                        "sign-in screen",
                        "sign-in screen (Cognito)",
                        "empty list",
                        "list with todos",
                        "edit form",
                        "delete confirmation",
                        "conflict (412) message",
                        "validation error",
                        "list error (503)",
                        "loading",
                        "list at phone width");
    }
}
