package io.todoapi.todo.localdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Build step (bound to {@code process-classes} by this module's pom, and used by the web module the same way):
 * installs the npm packages pinned in a directory's {@code package-lock.json} (here dynalite) with {@code npm ci}.
 * It reinstalls only when the lock file changed, so repeated builds cost nothing, and it fails with a message that
 * names Node.js 20+ when Node is missing.
 */
public final class NpmInstall {

    static final String STAMP = ".installed-lock.sha256";

    private NpmInstall() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: NpmInstall <directory holding package.json>");
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path lock = home.resolve("package-lock.json");
        Path stamp = home.resolve("node_modules").resolve(STAMP);
        String lockHash = sha256(Files.readAllBytes(lock));

        String label = "[" + home.getFileName() + "] ";
        String nodeVersion;
        try {
            nodeVersion = NodeJs.requireSupportedNode();
        } catch (IllegalStateException e) {
            // One line (the version found and the one needed), not Maven's error report around an exception: this
            // runs in Maven's JVM (exec:java), also on the README's run command.
            System.err.println(label + e.getMessage());
            System.exit(1);
            return;
        }
        // npm writes node_modules/.package-lock.json at the end of every install: a half-deleted tree reinstalls.
        if (Files.isRegularFile(stamp)
                && Files.readString(stamp).trim().equals(lockHash)
                && Files.isRegularFile(home.resolve("node_modules/.package-lock.json"))) {
            return; // silent: the README's run command prints its banner and nothing else
        }
        System.out.println(label + "npm ci (node " + nodeVersion + ") in " + home);
        Process npm;
        try {
            // --ignore-scripts: nothing from the registry runs at install time; the in-memory store needs no
            // native build, and esbuild and TypeScript take their platform binaries from optional dependencies.
            npm = new ProcessBuilder(
                            NodeJs.npm(), "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(home.toFile())
                    .inheritIO()
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(NodeJs.missing("`npm` was not found on the PATH"), e);
        }
        int exit = npm.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("`npm ci` failed with exit code " + exit + " in " + home
                    + "; see its output above (is the npm registry reachable?)");
        }
        Files.writeString(stamp, lockHash + "\n", StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
