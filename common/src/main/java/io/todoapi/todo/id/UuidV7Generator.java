package io.todoapi.todo.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then a 12-bit counter, then 62 random bits. Ids from one generator
 * are strictly increasing, also within one millisecond (the counter, seeded randomly each millisecond, is RFC 9562
 * method 1) and when the clock steps back (the generator keeps its own time). Because ids sort by creation time,
 * the todo sort key {@code TODO#<id>} lists todos in creation order.
 */
public final class UuidV7Generator implements IdGenerator {

    private static final int COUNTER_BITS = 12;
    private static final int COUNTER_MAX = (1 << COUNTER_BITS) - 1;
    /** A fresh millisecond starts the counter in its lower half, leaving room for at least 2048 more ids. */
    private static final int COUNTER_SEED_BOUND = 1 << (COUNTER_BITS - 1);

    private final Clock clock;
    private SecureRandom random;
    private long lastMillis = Long.MIN_VALUE;
    private int counter;

    public UuidV7Generator(Clock clock) {
        this.clock = clock;
        this.random = new SecureRandom();
    }

    @Override
    public synchronized String next() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = random.nextInt(COUNTER_SEED_BOUND);
        } else if (counter < COUNTER_MAX) {
            counter++;
        } else {
            // 4096 ids in one millisecond (or a clock that went back): borrow the next millisecond.
            lastMillis++;
            counter = random.nextInt(COUNTER_SEED_BOUND);
        }
        long mostSignificant = (lastMillis << 16) | 0x7000L | counter;
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    /**
     * Starts a new random stream. Called after a SnapStart restore so that execution environments restored from
     * one snapshot never share random state.
     */
    public synchronized void reseed() {
        random = new SecureRandom();
        lastMillis = Long.MIN_VALUE;
    }
}
