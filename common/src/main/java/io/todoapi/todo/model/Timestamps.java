package io.todoapi.todo.model;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Server time as the API states it: millisecond precision, so what is stored is exactly what is returned. */
public final class Timestamps {

    private Timestamps() {}

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
