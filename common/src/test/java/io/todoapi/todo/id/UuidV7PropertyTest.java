package io.todoapi.todo.id;

import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.testing.Property;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * UUIDv7 ids under generated clocks and loads: every id is a well-formed RFC 9562 version 7 UUID carrying the
 * clock's millisecond (or a later one it borrowed); the ids of one generator strictly increase, in the order the
 * table sorts them (as strings), within a millisecond, past the 12-bit counter and when the clock steps back; and
 * no two ids are equal, across threads or across generators (two Lambda environments).
 */
class UuidV7PropertyTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        final AtomicLong millis;

        ManualClock(long millis) {
            this.millis = new AtomicLong(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    private static long timestampOf(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    private static void assertWellFormed(String id) {
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void idsWithinOneMillisecondStrictlyIncreaseAndCarryThatMillisecond() {
        Property.forAll("uuid-one-millisecond", 40, (random, trial) -> {
            long now = 1_700_000_000_000L + random.nextInt(1_000_000_000);
            UuidV7Generator generator = new UuidV7Generator(new ManualClock(now));
            int count = 1 + random.nextInt(10_000);
            String previous = null;
            long borrowed = now;
            for (int i = 0; i < count; i++) {
                String id = generator.next();
                assertWellFormed(id);
                long timestamp = timestampOf(UUID.fromString(id));
                // the counter starts below 2048, so at least 2048 ids carry the real millisecond
                if (i < 2048) {
                    assertThat(timestamp).isEqualTo(now);
                }
                assertThat(timestamp).isBetween(borrowed, borrowed + 1);
                borrowed = timestamp;
                if (previous != null) {
                    assertThat(id).as("id %d of %d", i, count).isGreaterThan(previous);
                }
                previous = id;
            }
        });
    }

    @Test
    void idsStrictlyIncreaseWhateverTheClockDoes() {
        Property.forAll("uuid-clock-walk", 200, (random, trial) -> {
            ManualClock clock = new ManualClock(1_700_000_000_000L + random.nextInt(1_000_000));
            UuidV7Generator generator = new UuidV7Generator(clock);
            String previous = generator.next();
            long maxClock = clock.millis();
            for (int i = 0; i < 500; i++) {
                int step = random.nextInt(10);
                if (step < 5) {
                    clock.millis.addAndGet(0); // same millisecond
                } else if (step < 8) {
                    clock.millis.addAndGet(1 + random.nextInt(5));
                } else {
                    clock.millis.addAndGet(-1 - random.nextInt(1000)); // NTP step back, leap smear
                }
                maxClock = Math.max(maxClock, clock.millis());
                String id = generator.next();
                assertWellFormed(id);
                assertThat(id).isGreaterThan(previous);
                assertThat(timestampOf(UUID.fromString(id))).isGreaterThanOrEqualTo(maxClock);
                previous = id;
            }
        });
    }

    @Test
    void stringOrderIsTimeOrder() {
        // The table sorts TODO#<id> as strings: for canonical lowercase ids that is the numeric order of the UUID.
        Property.forAll("uuid-string-order", 2000, (random, trial) -> {
            UuidV7Generator a = new UuidV7Generator(new ManualClock(random.nextLong(0, 1L << 47)));
            UuidV7Generator b = new UuidV7Generator(new ManualClock(random.nextLong(0, 1L << 47)));
            UUID x = UUID.fromString(a.next());
            UUID y = UUID.fromString(b.next());
            int numeric = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits()) != 0
                    ? Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits())
                    : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
            assertThat(Integer.signum(x.toString().compareTo(y.toString()))).isEqualTo(Integer.signum(numeric));
            if (timestampOf(x) != timestampOf(y)) {
                assertThat(x.toString().compareTo(y.toString()) < 0).isEqualTo(timestampOf(x) < timestampOf(y));
            }
        });
    }

    @Test
    void idsAreUniqueAcrossThreadsAndIncreasingInEachThread() throws Exception {
        int threads = 16;
        int perThread = Property.trials(5_000);
        UuidV7Generator generator = new UuidV7Generator(Clock.systemUTC());
        Set<String> all = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        mine.add(generator.next());
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                List<String> mine = result.get();
                for (int i = 1; i < mine.size(); i++) {
                    assertThat(mine.get(i)).isGreaterThan(mine.get(i - 1));
                }
                all.addAll(mine);
            }
        }
        assertThat(all).hasSize(threads * perThread);
    }

    @Test
    void twoGeneratorsOnTheSameMillisecondNeverCollide() {
        // Two execution environments (or one restored twice from a SnapStart snapshot and reseeded) minting ids in
        // the same millisecond: the random bits keep them apart.
        Property.forAll("uuid-two-generators", 20, (random, trial) -> {
            long now = 1_700_000_000_000L + random.nextInt(1_000_000);
            UuidV7Generator first = new UuidV7Generator(new ManualClock(now));
            UuidV7Generator second = new UuidV7Generator(new ManualClock(now));
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 4096; i++) {
                ids.add(first.next());
                ids.add(second.next());
            }
            assertThat(ids).hasSize(2 * 4096);
            second.reseed();
            for (int i = 0; i < 1024; i++) {
                assertThat(ids.add(second.next())).isTrue();
            }
        });
    }
}
