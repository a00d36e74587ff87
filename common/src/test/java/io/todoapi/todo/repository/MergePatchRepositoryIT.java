package io.todoapi.todo.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todoapi.todo.error.VersionMismatchException;
import io.todoapi.todo.id.UuidV7Generator;
import io.todoapi.todo.json.JsonBodyParser;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoPatch;
import io.todoapi.todo.testing.Generators;
import io.todoapi.todo.testing.LocalTodoTable;
import io.todoapi.todo.testing.Property;
import io.todoapi.todo.validation.TodoValidator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The other half of the merge patch property: what {@link TodoPatch#applyTo} says a patch does is exactly what the
 * repository's single UpdateItem stores, for generated todos and generated sequences of patches (with and without
 * If-Match), read back from dynalite.
 */
class MergePatchRepositoryIT {

    private static final Instant T0 = Instant.parse("2026-11-24T19:02:53.123Z");
    private static LocalTodoTable table;

    @BeforeAll
    static void createTable() {
        table = LocalTodoTable.create("merge-patch-it");
    }

    @AfterAll
    static void closeTable() {
        table.close();
    }

    /** A generated valid patch body (see MergePatchPropertyTest for the invalid ones). */
    private static TodoPatch randomPatch(Random random) {
        List<String> members = new ArrayList<>();
        while (members.isEmpty()) {
            if (random.nextInt(3) == 0) {
                members.add("\"title\":"
                        + Generators.jsonString(random, Generators.title(random, 1 + random.nextInt(200))));
            }
            switch (random.nextInt(3)) {
                case 0 -> members.add("\"description\":null");
                case 1 ->
                    members.add("\"description\":"
                            + Generators.jsonString(
                                    random,
                                    Generators.text(
                                            random,
                                            random.nextInt(2001),
                                            List.of(
                                                    Generators.Kind.ASCII,
                                                    Generators.Kind.EMOJI,
                                                    Generators.Kind.TAB_OR_LINE_BREAK,
                                                    Generators.Kind.HEBREW))));
                default -> {}
            }
            if (random.nextInt(3) == 0) {
                members.add("\"completed\":" + random.nextBoolean());
            }
            switch (random.nextInt(3)) {
                case 0 -> members.add("\"dueDate\":null");
                case 1 -> members.add("\"dueDate\":\"" + Generators.date(random) + "\"");
                default -> {}
            }
        }
        Collections.shuffle(members, random);
        String json = "{" + String.join(",", members) + "}";
        return TodoValidator.patch(JsonBodyParser.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whatTheRepositoryStoresIsWhatApplyToSays() {
        UuidV7Generator ids = new UuidV7Generator(Clock.systemUTC());
        DynamoDbTodoRepository repository = table.repository();
        int[] applied = {0};
        int[] refused = {0};
        Property.forAll("merge-patch-repository", 40, (random, trial) -> {
            String owner = "owner-" + UUID.randomUUID();
            Todo model = repository.create(
                    owner,
                    new NewTodo(
                                    Generators.title(random, 1 + random.nextInt(200)),
                                    random.nextBoolean() ? "initial description" : null,
                                    random.nextBoolean(),
                                    random.nextBoolean() ? Generators.date(random) : null)
                            .toTodo(ids.next(), T0));
            for (int step = 1; step <= 6; step++) {
                TodoPatch patch = randomPatch(random);
                Instant now = T0.plusSeconds(step);
                int condition = random.nextInt(4);
                Precondition precondition = switch (condition) {
                    case 0 -> Precondition.NONE;
                    case 1 -> Precondition.anyOf(Set.of(model.version()));
                    case 2 -> Precondition.anyOf(Set.of(model.version(), model.version() + 7));
                    default -> Precondition.anyOf(Set.of(model.version() - 1, model.version() + 1));
                };
                if (condition == 3) {
                    String id = model.id();
                    assertThatThrownBy(() -> repository.update(owner, id, patch, precondition, now))
                            .isInstanceOf(VersionMismatchException.class);
                    refused[0]++;
                } else {
                    Todo expected = patch.applyTo(model, now);
                    Todo returned = repository.update(owner, model.id(), patch, precondition, now);
                    assertThat(returned).as("step %d: %s", step, patch).isEqualTo(expected);
                    model = expected;
                    applied[0]++;
                }
                assertThat(repository.get(owner, model.id())).contains(model);
            }
            assertThat(repository.list(owner, 10, Optional.empty()).items()).containsExactly(model);
        });
        System.out.println("MergePatchRepositoryIT: " + applied[0] + " patches applied, " + refused[0]
                + " refused (stale If-Match), each re-read from dynalite");
        assertThat(applied[0]).isGreaterThan(100);
        assertThat(refused[0]).isGreaterThan(20);
    }
}
