package io.todoapi.todo.testing;

import java.util.Random;
import java.util.function.ObjIntConsumer;

/**
 * Seeded property checks without a property-testing engine (jqwik 1.10 is built on JUnit Platform 1.x; this
 * project runs JUnit 6). A property runs {@code trials} times, each trial with its own {@link Random} derived from
 * one base seed, the property's name and the trial number, so that a failure names the seed and trial that
 * reproduce it. The base seed is fixed by default and can be overridden with {@code -Dtodo.seed=N}; the number of
 * trials can be scaled with {@code -Dtodo.trials.factor=N}.
 */
public final class Property {

    /** System property that overrides the base seed of every generated test. */
    public static final String SEED_PROPERTY = "todo.seed";

    public static final long DEFAULT_SEED = 20261124L;

    static {
        System.out.println(
                "Generated tests: base seed " + seed() + " (reproduce with -D" + SEED_PROPERTY + "=" + seed() + ")");
    }

    private Property() {}

    /** The base seed: {@value #SEED_PROPERTY} when set, else {@value #DEFAULT_SEED}. */
    public static long seed() {
        return Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    }

    /** {@code trials} scaled by {@code -Dtodo.trials.factor} (default 1). */
    public static int trials(int trials) {
        return Math.max(1, trials * Integer.getInteger("todo.trials.factor", 1));
    }

    /** The random source of one trial of one property. */
    public static Random random(String property, int trial) {
        return new Random(seed() ^ ((long) property.hashCode() << 32) ^ (trial * 0x9E3779B97F4A7C15L));
    }

    /**
     * Runs {@code check} for trials 0..n-1 (n scaled as {@link #trials}); a failing trial is reported with the seed
     * that reproduces it.
     */
    public static void forAll(String property, int trials, ObjIntConsumer<Random> check) {
        int n = trials(trials);
        for (int trial = 0; trial < n; trial++) {
            try {
                check.accept(random(property, trial), trial);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "property '" + property + "' failed at trial " + trial + " of " + n
                                + " (base seed " + seed() + "; rerun with -D" + SEED_PROPERTY + "=" + seed() + "): "
                                + e.getMessage(),
                        e);
            }
        }
    }
}
