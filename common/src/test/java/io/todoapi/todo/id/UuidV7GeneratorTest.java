package io.todoapi.todo.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UuidV7GeneratorTest {

    private static final Instant T = Instant.parse("2026-11-24T19:02:53.123Z");

    @Test
    void producesLowercaseVersion7VariantRfc9562IdsCarryingTheTime() {
        String id = new UuidV7Generator(Clock.fixed(T, ZoneOffset.UTC)).next();
        UUID uuid = UUID.fromString(id);
        assertThat(id).matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli());
    }

    @Test
    void isStrictlyIncreasingWithinOneMillisecondAndBeyondTheCounter() {
        UuidV7Generator generator = new UuidV7Generator(Clock.fixed(T, ZoneOffset.UTC));
        String previous = generator.next();
        for (int i = 0; i < 10_000; i++) {
            String next = generator.next();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void staysIncreasingWhenTheClockStepsBack() {
        MutableClock clock = new MutableClock(T);
        UuidV7Generator generator = new UuidV7Generator(clock);
        String before = generator.next();
        clock.now = T.minusSeconds(5);
        assertThat(generator.next()).isGreaterThan(before);
    }

    @Test
    void isUniqueAcrossThreads() throws Exception {
        UuidV7Generator generator = new UuidV7Generator(Clock.systemUTC());
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        ids.add(generator.next());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        assertThat(ids).hasSize(40_000);
    }

    @Test
    void reseedingKeepsIdsUniqueAndOrdered() {
        UuidV7Generator generator = new UuidV7Generator(Clock.fixed(T, ZoneOffset.UTC));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ids.add(generator.next());
            generator.reseed();
        }
        assertThat(ids).hasSize(100);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
