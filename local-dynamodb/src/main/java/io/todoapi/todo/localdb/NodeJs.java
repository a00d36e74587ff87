package io.todoapi.todo.localdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds Node.js and npm on the PATH and fails with one clear message when they are missing or too old. */
final class NodeJs {

    static final int MIN_MAJOR = 20;

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    private static final Pattern VERSION = Pattern.compile("^v(\\d+)\\.");

    private NodeJs() {}

    static String node() {
        return WINDOWS ? "node.exe" : "node";
    }

    static String npm() {
        return WINDOWS ? "npm.cmd" : "npm";
    }

    /** Checks that {@code node --version} reports at least {@link #MIN_MAJOR}; returns the version. */
    static String requireSupportedNode() {
        String version;
        try {
            Process process = new ProcessBuilder(node(), "--version")
                    .redirectErrorStream(true)
                    .start();
            version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(missing("`node --version` failed: " + version));
            }
        } catch (IOException e) {
            throw new IllegalStateException(missing("`node` was not found on the PATH"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the Node.js version", e);
        }
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.find() || Integer.parseInt(matcher.group(1)) < MIN_MAJOR) {
            throw new IllegalStateException(missing("found Node.js " + version));
        }
        return version;
    }

    static String missing(String what) {
        return "Node.js " + MIN_MAJOR + "+ and npm are required (" + what + "). They run dynalite, the in-memory"
                + " DynamoDB engine used by the tests and by local-api, and build the web app. Install Node.js "
                + MIN_MAJOR + " or newer from https://nodejs.org and make sure `node` and `npm` are on the PATH."
                + " To package the functions without tests, build with -DskipTests -Ddynalite.skipInstall -Dweb.skip.";
    }
}
