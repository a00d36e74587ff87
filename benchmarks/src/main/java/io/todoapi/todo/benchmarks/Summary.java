package io.todoapi.todo.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Minimum, median and maximum of a few measurements (the median of an even count is the mean of the middle two). */
public record Summary(double min, double median, double max, int count) {

    public static Summary of(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        List<Double> sorted = new ArrayList<>();
        values.forEach(value -> sorted.add(value.doubleValue()));
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(sorted.getFirst(), median, sorted.getLast(), n);
    }

    /**
     * The {@code percent} percentile of {@code values} by the nearest-rank method: the smallest value that at least
     * {@code percent}% of the values do not exceed (of 100 values, p99 is the second largest, p50 the 50th). A measured
     * value, never an interpolation between two.
     */
    public static double percentile(List<? extends Number> values, double percent) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + percent);
        }
        List<Double> sorted = new ArrayList<>();
        values.forEach(value -> sorted.add(value.doubleValue()));
        Collections.sort(sorted);
        int rank = Math.max(1, (int) Math.ceil(percent * sorted.size() / 100)); // multiply first: exact for integers
        return sorted.get(rank - 1);
    }

    /** {@code median (min–max)} with no decimals, e.g. {@code 812 (790–845)}. */
    public String format() {
        return String.format(java.util.Locale.ROOT, "%.0f (%.0f–%.0f)", median, min, max);
    }

    /** {@code median (min–max)} with one decimal, e.g. {@code 21.4 (20.9–23.0)}. */
    public String formatDecimal() {
        return String.format(java.util.Locale.ROOT, "%.1f (%.1f–%.1f)", median, min, max);
    }
}
