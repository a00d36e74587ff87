package io.todoapi.todo.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}, what {@code uptime} prints), noted at
 * the start and the end of a run: on a shared machine they say how far the absolute figures can be trusted.
 */
record Load(double oneMinute, double fiveMinutes, double fifteenMinutes) {

    /** Now, or {@code null} where {@code /proc/loadavg} cannot be read. */
    static Load now() {
        try {
            return parse(Files.readString(Path.of("/proc/loadavg")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The first three fields of a {@code /proc/loadavg} line, e.g. {@code 16.42 12.03 9.90 3/812 12345}. */
    static Load parse(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        return new Load(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f, %.2f, %.2f", oneMinute, fiveMinutes, fifteenMinutes);
    }
}
