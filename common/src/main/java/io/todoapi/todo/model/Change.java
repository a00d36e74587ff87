package io.todoapi.todo.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a JSON Merge Patch (RFC 7396) does to one field: leave it (member absent), set it, or remove it
 * ({@code null}).
 */
public sealed interface Change<T> {

    @SuppressWarnings("unchecked")
    static <T> Change<T> keep() {
        return (Change<T>) Keep.INSTANCE;
    }

    static <T> Change<T> set(T value) {
        return new Set<>(value);
    }

    @SuppressWarnings("unchecked")
    static <T> Change<T> remove() {
        return (Change<T>) Remove.INSTANCE;
    }

    /** The value after applying this change to {@code current}. */
    T applyTo(T current);

    default boolean isKeep() {
        return this instanceof Keep;
    }

    default <R> Change<R> map(Function<T, R> mapper) {
        return switch (this) {
            case Set<T> set -> Change.set(mapper.apply(set.value()));
            case Keep<T> keep -> Change.keep();
            case Remove<T> remove -> Change.remove();
        };
    }

    /** The member was absent: the field stays as it is. */
    final class Keep<T> implements Change<T> {
        private static final Keep<?> INSTANCE = new Keep<>();

        private Keep() {}

        @Override
        public T applyTo(T current) {
            return current;
        }

        @Override
        public String toString() {
            return "keep";
        }
    }

    /** The member had a value: the field takes it. */
    record Set<T>(T value) implements Change<T> {
        public Set {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public T applyTo(T current) {
            return value;
        }
    }

    /** The member was {@code null}: the (optional) field is removed. */
    final class Remove<T> implements Change<T> {
        private static final Remove<?> INSTANCE = new Remove<>();

        private Remove() {}

        @Override
        public T applyTo(T current) {
            return null;
        }

        @Override
        public String toString() {
            return "remove";
        }
    }
}
