package io.todoapi.todo.json;

/**
 * A member value of a request body, as far as the API needs to know it: the todo schemas are flat, so nested
 * objects and arrays are recognised (to report a type error) but not kept.
 */
public sealed interface JsonValue {

    /** The JSON type name used in error messages ("string", "number", ...). */
    String typeName();

    record JsonString(String value) implements JsonValue {
        @Override
        public String typeName() {
            return "string";
        }
    }

    record JsonBoolean(boolean value) implements JsonValue {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    enum Other implements JsonValue {
        NULL("null"),
        NUMBER("number"),
        OBJECT("object"),
        ARRAY("array");

        private final String typeName;

        Other(String typeName) {
            this.typeName = typeName;
        }

        @Override
        public String typeName() {
            return typeName;
        }
    }
}
