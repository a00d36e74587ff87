package io.todoapi.todo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todoapi.todo.error.InvalidRequestException;
import io.todoapi.todo.json.JsonBodyParser;
import io.todoapi.todo.json.TodoJson;
import io.todoapi.todo.testing.Generators;
import io.todoapi.todo.testing.Json;
import io.todoapi.todo.testing.Property;
import io.todoapi.todo.validation.TodoValidator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSON Merge Patch (RFC 7396) as updateTodo implements it: the validator turns the body into a {@link TodoPatch}
 * and {@link TodoPatch#applyTo} states its effect. Checked against a literal implementation of the RFC's
 * MergePatch pseudo-code (section 2) on the todo's JSON: the RFC's own examples (appendix A) adapted to the flat
 * Todo schema, then generated todos and patches. Where the RFC would produce a document that breaks the schema
 * (a non-object patch, a required member removed, a member of the wrong type, an unknown member), the API answers
 * 400 instead and the todo is unchanged.
 */
class MergePatchPropertyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ID = "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60";
    private static final Instant CREATED = Instant.parse("2026-11-24T19:02:53.123Z");
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00.000Z");
    private static final List<String> FIELDS = List.of("title", "description", "completed", "dueDate");

    /** RFC 7396 section 2, verbatim: the reference the implementation is compared with. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (patch.isObject()) {
            ObjectNode result = target != null && target.isObject()
                    ? ((ObjectNode) target).deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> member : patch.properties()) {
                if (member.getValue().isNull()) {
                    result.remove(member.getKey());
                } else {
                    result.set(member.getKey(), mergePatch(result.get(member.getKey()), member.getValue()));
                }
            }
            return result;
        }
        return patch;
    }

    /** The fields a patch may change, as the API renders them. */
    private static JsonNode patchable(Todo todo) {
        ObjectNode node = (ObjectNode) Json.parse(TodoJson.todo(todo));
        node.retain(FIELDS);
        return node;
    }

    private static TodoPatch parse(String json) {
        return TodoValidator.patch(JsonBodyParser.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Todo todo(String json) {
        JsonNode node = Json.parse(json);
        return new Todo(
                ID,
                node.get("title").asText(),
                node.has("description") ? node.get("description").asText() : null,
                node.path("completed").asBoolean(false),
                node.has("dueDate") ? LocalDate.parse(node.get("dueDate").asText()) : null,
                CREATED,
                CREATED,
                3);
    }

    // ---- RFC 7396 appendix A, adapted ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # target                                         | patch                                       | result (or 400)
            {"title":"b"}                                    | {"title":"c"}                               | {"title":"c","completed":false}
            {"title":"b"}                                    | {"description":"c"}                         | {"title":"b","description":"c","completed":false}
            {"title":"b","description":"c"}                  | {"description":null}                        | {"title":"b","completed":false}
            {"title":"b"}                                    | {"description":null}                        | {"title":"b","completed":false}
            {"title":"b","description":"c","dueDate":"2027-01-01"} | {"description":null,"dueDate":"2027-02-02"} | {"title":"b","completed":false,"dueDate":"2027-02-02"}
            {"title":"b","dueDate":"2027-01-01"}             | {"dueDate":null,"completed":true}           | {"title":"b","completed":true}
            {"title":"b","completed":true}                   | {"completed":false,"title":"b"}             | {"title":"b","completed":false}
            {"title":"b"}                                    | {"title":"c","description":"d","completed":true,"dueDate":"2030-12-31"} | {"title":"c","description":"d","completed":true,"dueDate":"2030-12-31"}
            {"title":"b"}                                    | {"title":["c"]}                             | 400
            {"title":"b","description":"c"}                  | {"description":{"b":"d","c":null}}          | 400
            {"title":"b"}                                    | {"description":[1]}                         | 400
            {"title":"b"}                                    | ["c","d"]                                   | 400
            {"title":"b"}                                    | null                                        | 400
            {"title":"b"}                                    | "bar"                                       | 400
            {"title":"b"}                                    | {"e":null,"title":"x"}                      | 400
            {"title":"b"}                                    | {"title":null}                              | 400
            {"title":"b"}                                    | {"completed":null}                          | 400
            {"title":"b"}                                    | {}                                          | 400
            {"title":"b"}                                    | {"id":"x"}                                  | 400
            {"title":"b"}                                    | {"version":7}                               | 400
            {"title":"b"}                                    | {"completed":"true"}                        | 400
            {"title":"b"}                                    | {"dueDate":"2027-02-30"}                    | 400
            """)
    void rfc7396ExamplesAdaptedToTheTodoSchema(String target, String patch, String result) {
        Todo before = todo(target);
        if (result.equals("400")) {
            assertThatThrownBy(() -> parse(patch)).isInstanceOf(InvalidRequestException.class);
            return;
        }
        Todo after = parse(patch).applyTo(before, NOW);
        assertThat(patchable(after)).isEqualTo(Json.parse(result));
        assertThat(patchable(after)).isEqualTo(mergePatch(patchable(before), Json.parse(patch)));
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.updatedAt()).isEqualTo(NOW);
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.id()).isEqualTo(before.id());
    }

    // ---- generated todos and patches -----------------------------------------------------------------------

    /** A todo with each optional field present or absent at random. */
    static Todo randomTodo(Random random) {
        return new Todo(
                ID,
                Generators.title(random, 1 + random.nextInt(30)),
                random.nextBoolean() ? Generators.text(random, random.nextInt(40), Generators.TITLE_SAFE) : null,
                random.nextBoolean(),
                random.nextBoolean() ? Generators.date(random) : null,
                CREATED,
                CREATED.plusSeconds(random.nextInt(1000)),
                1 + random.nextInt(50));
    }

    /** A generated patch body and whether the contract allows it. */
    record GeneratedPatch(String json, boolean valid) {}

    /**
     * A patch of a random subset of the fields, in random order with random whitespace: each member sets a valid
     * value, removes the field ({@code null}), or (sometimes) breaks a rule.
     */
    static GeneratedPatch randomPatch(Random random, boolean allowInvalid) {
        List<String> members = new ArrayList<>();
        boolean valid = true;
        for (String field : FIELDS) {
            boolean required = field.equals("title") || field.equals("completed");
            int choice = random.nextInt(allowInvalid ? 10 : 8);
            if (choice < 3) {
                continue; // keep
            }
            if (!allowInvalid && required && choice >= 6) {
                choice = 3; // a valid patch never removes a required field
            }
            String value;
            if (choice < 6) {
                value = switch (field) {
                    case "title" -> Generators.jsonString(random, Generators.title(random, 1 + random.nextInt(200)));
                    case "description" ->
                        Generators.jsonString(
                                random, Generators.text(random, random.nextInt(60), Generators.TITLE_SAFE));
                    case "completed" -> Boolean.toString(random.nextBoolean());
                    default -> "\"" + Generators.date(random) + "\"";
                };
            } else if (choice < 8) {
                value = "null";
                valid &= field.equals("description") || field.equals("dueDate");
            } else {
                value = Generators.pick(
                        random,
                        "1",
                        "1e999",
                        "-0",
                        "[]",
                        "{}",
                        "[\"a\"]",
                        "{\"a\":null}",
                        "true",
                        "\"\"",
                        "\"2027-13-01\"",
                        "\"   \"");
                boolean stillValid = switch (field) {
                    case "title" -> value.equals("\"2027-13-01\""); // "" and blank are not titles; others: types
                    case "description" -> value.startsWith("\"");
                    case "completed" -> value.equals("true");
                    default -> false;
                };
                valid &= stillValid;
            }
            members.add(Generators.jsonString(random, field) + ws(random) + ":" + ws(random) + value);
        }
        if (allowInvalid && random.nextInt(12) == 0) {
            members.add("\""
                    + Generators.pick(random, "id", "version", "createdAt", "updatedAt", "owner", "Title", "completed ")
                    + "\":" + "\"x\"");
            valid = false;
        }
        if (!allowInvalid && members.isEmpty()) {
            members.add("\"completed\":" + random.nextBoolean());
        }
        Collections.shuffle(members, random);
        valid &= !members.isEmpty();
        return new GeneratedPatch(
                ws(random) + "{" + ws(random) + String.join("," + ws(random), members) + ws(random) + "}" + ws(random),
                valid);
    }

    private static String ws(Random random) {
        return Generators.pick(random, "", "", "", " ", "\n", "\t", "\r\n  ");
    }

    @Test
    void applyingAGeneratedPatchIsRfc7396MergePatchOfTheTodo() {
        Property.forAll("merge-patch-equals-rfc", 3000, (random, trial) -> {
            Todo before = randomTodo(random);
            GeneratedPatch generated = randomPatch(random, true);
            TodoPatch patch;
            try {
                patch = parse(generated.json());
            } catch (InvalidRequestException e) {
                assertThat(generated.valid())
                        .as("rejected %s: %s", generated.json(), e.errors())
                        .isFalse();
                return;
            }
            assertThat(generated.valid()).as("accepted %s", generated.json()).isTrue();
            Todo after = patch.applyTo(before, NOW);
            assertThat(patchable(after))
                    .as("patch %s", generated.json())
                    .isEqualTo(mergePatch(patchable(before), Json.parse(generated.json())));
            assertThat(after)
                    .extracting(Todo::id, Todo::createdAt, Todo::updatedAt, Todo::version)
                    .containsExactly(before.id(), before.createdAt(), NOW, before.version() + 1);
        });
    }

    @Test
    void aMergePatchIsIdempotentOnTheFields() {
        Property.forAll("merge-patch-idempotent", 1000, (random, trial) -> {
            Todo before = randomTodo(random);
            TodoPatch patch = parse(randomPatch(random, false).json());
            Todo once = patch.applyTo(before, NOW);
            Todo twice = patch.applyTo(once, NOW);
            assertThat(patchable(twice)).isEqualTo(patchable(once));
        });
    }

    @Test
    void membersAbsentFromThePatchAreLeftAlone() {
        Property.forAll("merge-patch-keeps-absent", 1000, (random, trial) -> {
            Todo before = randomTodo(random);
            String json = randomPatch(random, false).json();
            JsonNode members = Json.parse(json);
            Todo after = parse(json).applyTo(before, NOW);
            for (String field : FIELDS) {
                if (!members.has(field)) {
                    assertThat(patchable(after).get(field))
                            .as(field)
                            .isEqualTo(patchable(before).get(field));
                }
            }
        });
    }

    @Test
    void theReferenceImplementationIsTheRfcs() throws Exception {
        // Guards the oracle itself with the RFC's generic (non-schema) examples from appendix A.
        String[][] examples = {
            {"{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"},
            {"{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"},
            {"{\"a\":\"b\"}", "{\"a\":null}", "{}"},
            {"{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"},
            {"{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"},
            {"{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"},
            {"{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"},
            {"{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"},
            {"[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"},
            {"{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"},
            {"{\"a\":\"foo\"}", "null", "null"},
            {"{\"a\":\"foo\"}", "\"bar\"", "\"bar\""},
            {"{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"},
            {"[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"},
            {"{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"},
        };
        for (String[] example : examples) {
            assertThat(mergePatch(MAPPER.readTree(example[0]), MAPPER.readTree(example[1])))
                    .as("%s + %s", example[0], example[1])
                    .isEqualTo(MAPPER.readTree(example[2]));
        }
    }
}
