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

    /** {@code median (min–max)} with no decimals, e.g. {@code 812 (790–845)}. */
    public String format() {
        return String.format(java.util.Locale.ROOT, "%.0f (%.0f–%.0f)", median, min, max);
    }

    /** {@code median (min–max)} with one decimal, e.g. {@code 21.4 (20.9–23.0)}. */
    public String formatDecimal() {
        return String.format(java.util.Locale.ROOT, "%.1f (%.1f–%.1f)", median, min, max);
    }
}
