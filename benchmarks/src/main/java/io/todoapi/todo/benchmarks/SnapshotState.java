package io.todoapi.todo.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SnapStart snapshot would hold of a function JVM, read at the snapshot point (the runtime waiting for
 * {@code restore/next}) with {@code jcmd}: the heap in use after a full GC ({@code GC.run}, then
 * {@code GC.heap_info}), which is what a restore has to bring back, and the JIT's state ({@code Compiler.codelist},
 * {@code Compiler.queue}): the methods already compiled, by compiler, and the compilations still pending, which
 * a restored environment would finish on its own CPU time.
 *
 * <p>The runtime client itself calls {@code System.gc()} after the {@code beforeCheckpoint} hooks, just before it
 * asks for {@code restore/next}, so on Lambda too the snapshot is taken right after a full GC; the GC here only makes
 * the figure independent of that.
 */
record SnapshotState(
        long heapUsedBytes, long heapCommittedBytes, int c1Methods, int c2Methods, int pendingCompilations) {

    private static final List<String> COMMANDS =
            List.of("GC.run", "GC.heap_info", "Compiler.codelist", "Compiler.queue");
    /**
     * A heap or generation line of {@code GC.heap_info}, which starts in the first column: Serial
     * ({@code DefNew     total 116224K, used 2067K [...}), Parallel ({@code PSYoungGen total ..., used ...}) or G1
     * ({@code garbage-first heap   total reserved 6184960K, committed 393216K, used 10546K [...}).
     */
    private static final Pattern HEAP_LINE =
            Pattern.compile("^\\S.*?\\s+total (?:reserved \\d+K, committed (\\d+)K|(\\d+)K), used (\\d+)K");
    /** A line of {@code Compiler.codelist}: {@code <compile id> <level> <state> <method> [...]}; state 0 is in use. */
    private static final Pattern CODE_LINE = Pattern.compile("^\\d+ (\\d) (\\d) \\S");
    /**
     * A compilation in {@code Compiler.queue}, running (after the compiler thread's name) or waiting:
     * {@code  642   !   3       a.B::c (60 bytes)}; the headers and "Empty" name no method.
     */
    private static final Pattern QUEUED_LINE = Pattern.compile("\\d+\\s.*\\S::\\S");

    /** Runs the {@code jcmd} commands above against {@code pid} and reads their output. */
    static SnapshotState measure(long pid) {
        Path commands = null;
        try {
            commands = Files.createTempFile("snapshot-commands-", ".txt");
            Files.write(commands, COMMANDS);
            String output = jcmd(pid, "-f", commands.toString());
            return parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (commands != null) {
                try {
                    Files.deleteIfExists(commands);
                } catch (IOException e) {
                    // a temp file left behind
                }
            }
        }
    }

    /** The class histogram of {@code pid}'s live objects ({@code GC.class_histogram}), written to {@code file}. */
    static void writeHistogram(long pid, Path file) {
        try {
            Files.writeString(file, jcmd(pid, "GC.class_histogram"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jcmd(long pid, String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return output;
    }

    /** Reads the output of {@link #COMMANDS}; fails if it holds no heap figure. */
    static SnapshotState parse(String jcmdOutput) {
        long usedKilobytes = 0;
        long committedKilobytes = 0;
        boolean heapSeen = false;
        int c1 = 0;
        int c2 = 0;
        int pending = 0;
        boolean inQueue = false;
        for (String line : jcmdOutput.split("\\R")) {
            Matcher heap = HEAP_LINE.matcher(line);
            Matcher code = CODE_LINE.matcher(line);
            if (heap.find()) {
                heapSeen = true;
                committedKilobytes += Long.parseLong(heap.group(1) != null ? heap.group(1) : heap.group(2));
                usedKilobytes += Long.parseLong(heap.group(3));
            } else if (code.find()) {
                int level = Integer.parseInt(code.group(1));
                boolean inUse = code.group(2).equals("0");
                if (inUse && level >= 1 && level <= 3) {
                    c1++;
                } else if (inUse && level == 4) {
                    c2++;
                }
            } else if (line.startsWith("Current compiles:")) {
                inQueue = true;
            } else if (inQueue && QUEUED_LINE.matcher(line).find()) {
                pending++;
            }
        }
        if (!heapSeen) {
            throw new IllegalStateException("no heap figures in the jcmd output:\n" + jcmdOutput);
        }
        return new SnapshotState(usedKilobytes * 1024, committedKilobytes * 1024, c1, c2, pending);
    }

    double heapUsedMegabytes() {
        return heapUsedBytes / 1e6;
    }
}
