package io.todoapi.todo.model;

import java.util.Set;

/**
 * The If-Match condition of a write. The todo must exist in every case; {@link Versions} also requires its current
 * version to be one of those listed (an empty set can never match).
 */
public sealed interface Precondition {

    /** No If-Match header, or {@code If-Match: *}. */
    Precondition NONE = new None();

    static Precondition anyOf(Set<Long> versions) {
        return new Versions(versions);
    }

    record None() implements Precondition {}

    record Versions(Set<Long> versions) implements Precondition {
        public Versions {
            versions = Set.copyOf(versions);
        }
    }
}
