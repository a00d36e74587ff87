package io.todoapi.todo.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Writes the maps, lists and scalars of a parsed YAML document as JSON (for the SAM translator's input). */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not writable as JSON", e);
        }
    }
}
