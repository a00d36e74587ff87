package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static io.todoapi.todo.deployment.Project.operation;
import static io.todoapi.todo.deployment.Project.parameter;
import static io.todoapi.todo.deployment.Project.resolve;
import static io.todoapi.todo.deployment.Project.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.model.Change;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoLimits;
import io.todoapi.todo.model.TodoPatch;
import io.todoapi.todo.testing.TodoFunction;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The schemas of openapi.yaml against the Java model: the members of Todo, NewTodo and TodoPatch are the components
 * of the records of the same name (by reflection), with matching types, required members and nullability (found by
 * constructing the records), and every limit equals its constant in TodoLimits. A drift on either side fails.
 */
class ModelContractTest {

    private static final String SCHEMAS = "#/components/schemas/";

    @Test
    void todoHasTheComponentsOfTheTodoRecordWithMatchingTypes() {
        assertMembersMatch("Todo", Todo.class);
    }

    @Test
    void todoRequiresWhatTheRecordAlwaysHas() {
        // A response member is always present when the record can't be built without it (primitives included).
        Set<String> always = new TreeSet<>();
        for (RecordComponent component : Todo.class.getRecordComponents()) {
            if (component.getType().isPrimitive()
                    || rejectsNull(Todo.class, component.getName(), ModelContractTest::sampleTodoArgs)) {
                always.add(component.getName());
            }
        }
        assertThat(always).containsExactlyInAnyOrder("id", "title", "completed", "createdAt", "updatedAt", "version");
        assertThat(required("Todo")).containsExactlyInAnyOrderElementsOf(always);
        assertThat(schema("Todo")).containsEntry("additionalProperties", false);
    }

    @Test
    void newTodoHasTheComponentsOfTheNewTodoRecordAndRequiresOnlyWhatItCannotDefault() {
        assertMembersMatch("NewTodo", NewTodo.class);
        Set<String> needed = new TreeSet<>();
        for (RecordComponent component : NewTodo.class.getRecordComponents()) {
            Map<String, Object> property = property("NewTodo", component.getName());
            if (component.getType().isPrimitive()) {
                // Absent in a request means the Java default, which the spec must state.
                assertThat(property.get("default"))
                        .as("NewTodo.%s default", component.getName())
                        .isEqualTo(defaultValue(component.getType()));
            } else if (rejectsNull(NewTodo.class, component.getName(), ModelContractTest::sampleNewTodoArgs)) {
                needed.add(component.getName());
            }
        }
        assertThat(needed).containsExactly("title");
        assertThat(required("NewTodo")).containsExactlyInAnyOrderElementsOf(needed);
        assertThat(schema("NewTodo")).containsEntry("additionalProperties", false);
    }

    @Test
    void todoPatchHasTheComponentsOfTheTodoPatchRecordAndNullMeansWhatTheRecordAllows() throws Exception {
        assertMembersMatch("TodoPatch", TodoPatch.class);
        Map<String, Object> patch = schema("TodoPatch");
        assertThat(patch)
                .containsEntry("additionalProperties", false)
                .containsEntry("minProperties", 1)
                .doesNotContainKey("required");
        RecordComponent[] components = TodoPatch.class.getRecordComponents();
        Constructor<TodoPatch> constructor = TodoPatch.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        Set<String> removable = new TreeSet<>();
        for (int i = 0; i < components.length; i++) {
            Object[] args = new Object[components.length];
            Arrays.fill(args, Change.keep());
            args[i] = Change.remove();
            try {
                constructor.newInstance(args);
                removable.add(components[i].getName());
            } catch (InvocationTargetException rejected) {
                assertThat(rejected.getCause()).isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(removable).containsExactlyInAnyOrder("description", "dueDate");
        for (RecordComponent component : components) {
            assertThat(property("TodoPatch", component.getName()).get("nullable"))
                    .as("TodoPatch.%s nullable", component.getName())
                    .isEqualTo(removable.contains(component.getName()) ? true : null);
        }
        assertThat(property("Todo", "description")).doesNotContainKey("nullable");
    }

    @Test
    void textLimitsAreThoseOfTodoLimits() {
        for (String schema : List.of("Todo", "NewTodo", "TodoPatch")) {
            Map<String, Object> title = property(schema, "title");
            assertThat(title)
                    .as("%s.title", schema)
                    .containsEntry("minLength", TodoLimits.TITLE_MIN_LENGTH)
                    .containsEntry("maxLength", TodoLimits.TITLE_MAX_LENGTH)
                    .containsEntry("pattern", "\\S");
            Map<String, Object> description = property(schema, "description");
            assertThat(description)
                    .as("%s.description", schema)
                    .containsEntry("maxLength", TodoLimits.DESCRIPTION_MAX_LENGTH)
                    .doesNotContainKey("minLength");
            Map<String, Object> dueDate = property(schema, "dueDate");
            assertThat(dueDate)
                    .as("%s.dueDate", schema)
                    .containsEntry("format", "date")
                    .containsEntry("pattern", TodoLimits.DUE_DATE_PATTERN);
        }
        assertThat(property("Todo", "id")).containsEntry("pattern", TodoLimits.TODO_ID_PATTERN);
        assertThat(property("Todo", "version")).containsEntry("minimum", 1).containsEntry("type", "integer");
    }

    @Test
    void parameterLimitsAreThoseOfTodoLimits() {
        for (TodoFunction function : List.of(TodoFunction.GET, TodoFunction.UPDATE, TodoFunction.DELETE)) {
            Map<String, Object> todoId = parameter(function.path(), function.method(), "path", "todoId");
            assertThat(todoId).containsEntry("required", true);
            assertThat(map(todoId.get("schema"))).containsEntry("pattern", TodoLimits.TODO_ID_PATTERN);
        }
        Map<String, Object> limit =
                map(parameter("/todos", "get", "query", "limit").get("schema"));
        assertThat(limit)
                .containsEntry("type", "integer")
                .containsEntry("minimum", TodoLimits.LIST_MIN_LIMIT)
                .containsEntry("maximum", TodoLimits.LIST_MAX_LIMIT)
                .containsEntry("default", TodoLimits.LIST_DEFAULT_LIMIT);
        Map<String, Object> nextToken =
                map(parameter("/todos", "get", "query", "nextToken").get("schema"));
        assertThat(nextToken).containsEntry("maxLength", TodoLimits.NEXT_TOKEN_MAX_LENGTH);
        assertThat(map(map(schema("TodoList").get("properties")).get("nextToken")))
                .containsEntry("maxLength", TodoLimits.NEXT_TOKEN_MAX_LENGTH);
        assertThat(map(map(schema("TodoList").get("properties")).get("items")))
                .containsEntry("maxItems", TodoLimits.LIST_MAX_LIMIT)
                .containsEntry("items", Map.of("$ref", SCHEMAS + "Todo"));

        Map<String, Object> key = parameter("/todos", "post", "header", "Idempotency-Key");
        assertThat(key).containsEntry("required", false);
        Map<String, Object> keySchema = map(key.get("schema"));
        assertThat(keySchema).containsEntry("pattern", TodoLimits.IDEMPOTENCY_KEY_PATTERN);
        Matcher bounds = Pattern.compile("\\{(\\d+),(\\d+)}").matcher(TodoLimits.IDEMPOTENCY_KEY_PATTERN);
        assertThat(bounds.find()).isTrue();
        assertThat(keySchema)
                .containsEntry("minLength", Integer.parseInt(bounds.group(1)))
                .containsEntry("maxLength", Integer.parseInt(bounds.group(2)));

        String location = String.valueOf(
                map(resolve(Map.of("$ref", "#/components/headers/Location")).get("schema"))
                        .get("pattern"));
        assertThat(location).isEqualTo("^/todos/" + TodoLimits.TODO_ID_PATTERN.substring(1));
        assertThat(parameter("/todos/{todoId}", "get", "header", "If-None-Match"))
                .containsEntry("required", false);
        assertThat(parameter("/todos/{todoId}", "patch", "header", "If-Match")).containsEntry("required", false);
        assertThat(parameter("/todos/{todoId}", "delete", "header", "If-Match")).containsEntry("required", false);
    }

    @Test
    void bodySizeLimitIsThatOfTodoLimits() {
        for (TodoFunction function : List.of(TodoFunction.CREATE, TodoFunction.UPDATE)) {
            Map<String, Object> body =
                    map(operation(function.path(), function.method()).get("requestBody"));
            assertThat(body)
                    .as(function.operationId())
                    .containsEntry("required", true)
                    .containsEntry("x-max-body-bytes", TodoLimits.MAX_BODY_BYTES);
            assertThat(String.valueOf(body.get("description"))).contains(TodoLimits.MAX_BODY_BYTES + " bytes");
        }
        assertThat(String.valueOf(resolve(Map.of("$ref", "#/components/responses/ContentTooLarge"))
                        .get("description")))
                .contains(String.valueOf(TodoLimits.MAX_BODY_BYTES));
    }

    @Test
    void thePatternsOfTheSpecAcceptWhatJavaAcceptsAndRejectTheRest() {
        Pattern id = Pattern.compile(String.valueOf(property("Todo", "id").get("pattern")));
        assertThat(id.matcher("0193c1d2-7a4e-7b1c-9d2e-3f4a5b6c7d8e").matches()).isTrue();
        assertThat(id.matcher("0193C1D2-7A4E-7B1C-9D2E-3F4A5B6C7D8E").matches())
                .as("uppercase")
                .isFalse();
        Pattern title =
                Pattern.compile(String.valueOf(property("NewTodo", "title").get("pattern")));
        assertThat(title.matcher("  x ").find()).isTrue();
        assertThat(title.matcher(" \t ").find()).as("blank title").isFalse();
    }

    // --------------------------------------------------------------------------------------------------------------

    /** The members of schema {@code name} are the record's components, with the JSON types of their Java types. */
    private static void assertMembersMatch(String name, Class<? extends Record> record) {
        Map<String, Object> properties = map(schema(name).get("properties"));
        List<String> components = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(properties.keySet())
                .as("members of %s vs components of %s", name, record.getName())
                .containsExactlyInAnyOrderElementsOf(components);
        for (RecordComponent component : record.getRecordComponents()) {
            Map<String, Object> property = map(properties.get(component.getName()));
            Map<String, Object> expected = jsonType(valueType(component.getGenericType()));
            assertThat(property)
                    .as("%s.%s (Java %s)", name, component.getName(), component.getGenericType())
                    .containsAllEntriesOf(expected);
        }
    }

    /** The value type of a component: {@code T} of {@code Change<T>} (a patch), else the component's type. */
    private static Type valueType(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Change.class) {
            return parameterized.getActualTypeArguments()[0];
        }
        return type;
    }

    private static Map<String, Object> jsonType(Type type) {
        Map<String, Object> expected = new LinkedHashMap<>();
        if (type == String.class) {
            expected.put("type", "string");
        } else if (type == boolean.class || type == Boolean.class) {
            expected.put("type", "boolean");
        } else if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            expected.put("type", "integer");
        } else if (type == LocalDate.class) {
            expected.put("type", "string");
            expected.put("format", "date");
        } else if (type == Instant.class) {
            expected.put("type", "string");
            expected.put("format", "date-time");
        } else {
            throw new AssertionError("No JSON type known for the Java type " + type + ": extend ModelContractTest");
        }
        return expected;
    }

    private static Object defaultValue(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == long.class || primitive == int.class) {
            return 0;
        }
        throw new AssertionError("No default known for " + primitive);
    }

    private static List<String> required(String schemaName) {
        return list(schema(schemaName).get("required")).stream()
                .map(String::valueOf)
                .toList();
    }

    private static Map<String, Object> property(String schemaName, String member) {
        Map<String, Object> property =
                map(map(schema(schemaName).get("properties")).get(member));
        assertThat(property).as("%s.%s", schemaName, member).isNotEmpty();
        return property;
    }

    /** Whether the canonical constructor of {@code record} throws when {@code component} is null. */
    private static boolean rejectsNull(
            Class<? extends Record> record, String component, java.util.function.Supplier<Object[]> validArgs) {
        RecordComponent[] components = record.getRecordComponents();
        try {
            Constructor<?> constructor = record.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            Object[] args = validArgs.get();
            constructor.newInstance(args); // valid as given
            List<String> names = new ArrayList<>(
                    Arrays.stream(components).map(RecordComponent::getName).toList());
            args[names.indexOf(component)] = null;
            try {
                constructor.newInstance(args);
                return false;
            } catch (InvocationTargetException rejected) {
                return true;
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Cannot construct " + record.getName() + ": " + e, e);
        }
    }

    private static Object[] sampleTodoArgs() {
        return sampleArgs(Todo.class);
    }

    private static Object[] sampleNewTodoArgs() {
        return sampleArgs(NewTodo.class);
    }

    private static Object[] sampleArgs(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(component -> {
                    Class<?> type = component.getType();
                    if (type == String.class) {
                        return component.getName().equals("id") ? "0193c1d2-7a4e-7b1c-9d2e-3f4a5b6c7d8e" : "text";
                    }
                    if (type == boolean.class) {
                        return false;
                    }
                    if (type == long.class) {
                        return 1L;
                    }
                    if (type == int.class) {
                        return 1;
                    }
                    if (type == LocalDate.class) {
                        return LocalDate.of(2026, 12, 31);
                    }
                    if (type == Instant.class) {
                        return Instant.parse("2026-11-24T19:02:53.123Z");
                    }
                    throw new AssertionError("No sample value for " + type + " (" + record.getSimpleName() + "."
                            + component.getName() + "): extend ModelContractTest");
                })
                .toArray();
    }
}
