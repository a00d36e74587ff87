package io.todoapi.todo.validation;

import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.InvalidRequestException;
import io.todoapi.todo.json.JsonValue;
import io.todoapi.todo.model.Change;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.TodoLimits;
import io.todoapi.todo.model.TodoPatch;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed request body into a {@link NewTodo} or a {@link TodoPatch}, or rejects it naming every offending
 * member: unknown members, server-set members, wrong types, limits. The rules match NewTodo and TodoPatch in
 * openapi.yaml.
 */
public final class TodoValidator {

    private static final Set<String> SERVER_SET = Set.of("id", "version", "createdAt", "updatedAt");
    private static final String TITLE = "title";
    private static final String DESCRIPTION = "description";
    private static final String COMPLETED = "completed";
    private static final String DUE_DATE = "dueDate";

    private TodoValidator() {}

    public static NewTodo newTodo(Map<String, JsonValue> body) {
        Errors errors = new Errors();
        errors.rejectUnknownMembers(body);
        String title = null;
        JsonValue titleValue = body.get(TITLE);
        if (titleValue == null) {
            errors.add(TITLE, "is required");
        } else {
            title = errors.title(titleValue);
        }
        String description = body.containsKey(DESCRIPTION) ? errors.description(body.get(DESCRIPTION)) : null;
        Boolean completed = body.containsKey(COMPLETED) ? errors.bool(COMPLETED, body.get(COMPLETED)) : Boolean.FALSE;
        LocalDate dueDate = body.containsKey(DUE_DATE) ? errors.date(body.get(DUE_DATE)) : null;
        errors.throwIfAny();
        return new NewTodo(title, description, completed, dueDate);
    }

    public static TodoPatch patch(Map<String, JsonValue> body) {
        Errors errors = new Errors();
        errors.rejectUnknownMembers(body);
        Change<String> title = Change.keep();
        Change<String> description = Change.keep();
        Change<Boolean> completed = Change.keep();
        Change<LocalDate> dueDate = Change.keep();
        if (body.containsKey(TITLE)) {
            JsonValue value = body.get(TITLE);
            if (value == JsonValue.Other.NULL) {
                errors.add(TITLE, "cannot be removed: a todo always has a title");
            } else {
                title = setIfValid(errors.title(value));
            }
        }
        if (body.containsKey(DESCRIPTION)) {
            JsonValue value = body.get(DESCRIPTION);
            description = value == JsonValue.Other.NULL ? Change.remove() : setIfValid(errors.description(value));
        }
        if (body.containsKey(COMPLETED)) {
            JsonValue value = body.get(COMPLETED);
            if (value == JsonValue.Other.NULL) {
                errors.add(COMPLETED, "cannot be removed: set it to true or false");
            } else {
                completed = setIfValid(errors.bool(COMPLETED, value));
            }
        }
        if (body.containsKey(DUE_DATE)) {
            JsonValue value = body.get(DUE_DATE);
            dueDate = value == JsonValue.Other.NULL ? Change.remove() : setIfValid(errors.date(value));
        }
        if (body.isEmpty()) {
            errors.addWholeBody("must change at least one field (title, description, completed, dueDate)");
        }
        errors.throwIfAny();
        return new TodoPatch(title, description, completed, dueDate);
    }

    private static <T> Change<T> setIfValid(T value) {
        return value == null ? Change.keep() : Change.set(value);
    }

    /** Collects every problem of one body, then throws them together. */
    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String member, String detail) {
            list.add(FieldError.body(member, detail));
        }

        void addWholeBody(String detail) {
            list.add(FieldError.wholeBody(detail));
        }

        void rejectUnknownMembers(Map<String, JsonValue> body) {
            for (String member : body.keySet()) {
                if (SERVER_SET.contains(member)) {
                    add(member, "is read-only: the server sets it");
                } else if (!member.equals(TITLE)
                        && !member.equals(DESCRIPTION)
                        && !member.equals(COMPLETED)
                        && !member.equals(DUE_DATE)) {
                    add(member, "is not a known field");
                }
            }
        }

        String title(JsonValue value) {
            String text = string(TITLE, value);
            if (text == null) {
                return null;
            }
            String problem = TextRules.problem(text, TodoLimits.TITLE_MIN_LENGTH, TodoLimits.TITLE_MAX_LENGTH, false);
            if (problem == null && TextRules.isBlank(text)) {
                problem = "must not be blank";
            }
            return accept(TITLE, text, problem);
        }

        String description(JsonValue value) {
            String text = string(DESCRIPTION, value);
            if (text == null) {
                return null;
            }
            return accept(DESCRIPTION, text, TextRules.problem(text, 0, TodoLimits.DESCRIPTION_MAX_LENGTH, true));
        }

        Boolean bool(String member, JsonValue value) {
            if (value instanceof JsonValue.JsonBoolean bool) {
                return bool.value();
            }
            add(member, "must be a boolean, not " + value.typeName());
            return null;
        }

        LocalDate date(JsonValue value) {
            String text = string(DUE_DATE, value);
            if (text == null) {
                return null;
            }
            if (!TodoLimits.DUE_DATE.matcher(text).matches()) {
                add(DUE_DATE, "must be a date in YYYY-MM-DD format");
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                add(DUE_DATE, "is not a valid calendar date");
                return null;
            }
        }

        private String string(String member, JsonValue value) {
            if (value instanceof JsonValue.JsonString string) {
                return string.value();
            }
            add(member, "must be a string, not " + value.typeName());
            return null;
        }

        private String accept(String member, String text, String problem) {
            if (problem != null) {
                add(member, problem);
                return null;
            }
            return text;
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new InvalidRequestException("The request body is invalid: see errors.", list);
            }
        }
    }
}
