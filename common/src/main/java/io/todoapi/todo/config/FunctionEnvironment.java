package io.todoapi.todo.config;

import java.util.Optional;

/**
 * Reads a function's configuration. Each setting is the environment variable of that name (what Lambda sets from
 * template.yaml), unless a JVM system property of the same name overrides it, as the AWS SDK does for its own
 * settings. The override lets a runtime that hosts the functions in one JVM (local-api) hand them their
 * configuration. Only the handlers' no-arg constructor path calls this.
 */
public final class FunctionEnvironment {

    private FunctionEnvironment() {}

    public static Optional<String> get(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** A {@code true}/{@code false} setting (any case), false when unset; anything else is a configuration error. */
    public static boolean flag(String name) {
        return get(name)
                .map(value -> {
                    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(value);
                    }
                    throw new IllegalStateException(
                            "The environment variable " + name + " must be true or false, not '" + value + "'.");
                })
                .orElse(false);
    }

    public static String require(String name) {
        return get(name)
                .orElseThrow(() -> new IllegalStateException("The environment variable " + name
                        + " is not set (template.yaml sets it for every function)."));
    }
}
