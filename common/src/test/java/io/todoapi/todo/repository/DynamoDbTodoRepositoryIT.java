package io.todoapi.todo.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todoapi.todo.error.IdempotencyKeyReusedException;
import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.error.TodoNotFoundException;
import io.todoapi.todo.error.VersionMismatchException;
import io.todoapi.todo.id.UuidV7Generator;
import io.todoapi.todo.model.Change;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoPage;
import io.todoapi.todo.model.TodoPatch;
import io.todoapi.todo.testing.Concurrently;
import io.todoapi.todo.testing.FaultInjector;
import io.todoapi.todo.testing.LocalEngine;
import io.todoapi.todo.testing.OperationRecorder;
import io.todoapi.todo.testing.TodoTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The repository against dynalite: every rule of DESIGN.md section 4, concurrency included. */
class DynamoDbTodoRepositoryIT {

    private static final Instant T0 = Instant.parse("2026-11-24T19:02:53.123Z");

    private static final FaultInjector FAULTS = new FaultInjector();
    private static final OperationRecorder CALLS = new OperationRecorder();
    private static DynamoDbClient client;
    private static String table;
    private static DynamoDbTodoRepository repository;

    private final UuidV7Generator ids = new UuidV7Generator(Clock.systemUTC());
    private String alice;
    private String bob;

    @BeforeAll
    static void createTable() {
        client = LocalEngine.client(FAULTS, CALLS);
        table = TodoTables.create(client, "repository-it");
        repository = new DynamoDbTodoRepository(client, table);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @BeforeEach
    void freshOwners() {
        alice = "alice-" + UUID.randomUUID();
        bob = "bob-" + UUID.randomUUID();
        FAULTS.heal();
        CALLS.clear();
    }

    private Todo newTodo(String title) {
        return new NewTodo(title, null, false, null).toTodo(ids.next(), T0);
    }

    private Todo create(String owner, String title) {
        return repository.create(owner, newTodo(title));
    }

    private static TodoPatch titlePatch(String title) {
        return new TodoPatch(Change.set(title), Change.keep(), Change.keep(), Change.keep());
    }

    @Test
    void createsAndReadsBackExactlyWhatWasStoredInOneCallEach() {
        Todo todo = new NewTodo("Buy milk", "2 l", true, LocalDate.of(2026, 12, 1)).toTodo(ids.next(), T0);
        assertThat(repository.create(alice, todo)).isEqualTo(todo);
        assertThat(repository.get(alice, todo.id())).contains(todo);
        assertThat(CALLS.operations()).containsExactly("PutItem", "GetItem");
    }

    @Test
    void storesTheKeyDesignOfDesignSection4() {
        Todo todo = create(alice, "keys");
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table)
                        .key(Map.of(
                                "pk",
                                AttributeValue.fromS("USER#" + alice),
                                "sk",
                                AttributeValue.fromS("TODO#" + todo.id()))))
                .item();
        assertThat(item)
                .containsEntry("title", AttributeValue.fromS("keys"))
                .containsEntry("completed", AttributeValue.fromBool(false))
                .containsEntry("createdAt", AttributeValue.fromS("2026-11-24T19:02:53.123Z"))
                .containsEntry("version", AttributeValue.fromN("1"))
                .doesNotContainKeys("description", "dueDate");
    }

    @Test
    void getOfAnUnknownIdIsEmpty() {
        assertThat(repository.get(alice, ids.next())).isEmpty();
    }

    @Test
    void pagesThrough25TodosTenAtATimeInCreationOrderWithOneQueryPerPage() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            created.add(create(alice, "todo " + i).id());
        }
        CALLS.clear();
        List<Integer> pageSizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Optional<String> start = Optional.empty();
        do {
            TodoPage page = repository.list(alice, 10, start);
            pageSizes.add(page.items().size());
            page.items().forEach(todo -> seen.add(todo.id()));
            start = page.lastId();
        } while (start.isPresent());
        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(CALLS.operations()).containsExactly("Query", "Query", "Query");
        for (var request : CALLS.requests()) {
            QueryRequest query = (QueryRequest) request;
            assertThat(query.limit()).isEqualTo(11);
            assertThat(query.consistentRead()).isTrue();
            assertThat(query.expressionAttributeValues().values())
                    .contains(AttributeValue.fromS("USER#" + alice), AttributeValue.fromS("TODO#"));
        }
    }

    @Test
    void aFullLastPageHasNoNextPage() {
        for (int i = 0; i < 20; i++) {
            create(alice, "todo " + i);
        }
        TodoPage first = repository.list(alice, 10, Optional.empty());
        TodoPage second = repository.list(alice, 10, first.lastId());
        assertThat(second.items()).hasSize(10);
        assertThat(second.lastId()).isEmpty();
    }

    @Test
    void listNeverShowsIdempotencyRecordsOrOtherOwnersTodos() {
        Todo mine = create(alice, "mine");
        repository.create(alice, newTodo("keyed"), new TodoRepository.IdempotencyKey("k1", "f1"));
        create(bob, "bob's");
        assertThat(repository.list(alice, 100, Optional.empty()).items())
                .extracting(Todo::title)
                .containsExactly("mine", "keyed");
        assertThat(repository.list(bob, 100, Optional.empty()).items())
                .extracting(Todo::title)
                .containsExactly("bob's");
        assertThat(repository
                        .list("nobody-" + UUID.randomUUID(), 100, Optional.empty())
                        .items())
                .isEmpty();
        assertThat(mine.title()).isEqualTo("mine");
    }

    @Test
    void anotherOwnerCannotReadChangeOrDeleteATodo() {
        Todo todo = create(alice, "private");
        assertThat(repository.get(bob, todo.id())).isEmpty();
        assertThatThrownBy(() -> repository.update(bob, todo.id(), titlePatch("pwned"), Precondition.NONE, T0))
                .isInstanceOf(TodoNotFoundException.class);
        assertThatThrownBy(() ->
                        repository.update(bob, todo.id(), titlePatch("pwned"), Precondition.anyOf(Set.of(1L)), T0))
                .isInstanceOf(TodoNotFoundException.class);
        assertThatThrownBy(() -> repository.delete(bob, todo.id(), Precondition.NONE))
                .isInstanceOf(TodoNotFoundException.class);
        assertThat(repository.get(alice, todo.id())).contains(todo);
    }

    @Test
    void updateSetsAndRemovesFieldsBumpsTheVersionInOneCall() {
        Todo todo = repository.create(
                alice, new NewTodo("old", "desc", false, LocalDate.of(2026, 12, 1)).toTodo(ids.next(), T0));
        Instant later = T0.plusSeconds(60);
        CALLS.clear();
        Todo updated = repository.update(
                alice,
                todo.id(),
                new TodoPatch(Change.set("new"), Change.remove(), Change.set(true), Change.remove()),
                Precondition.NONE,
                later);
        assertThat(updated).isEqualTo(new Todo(todo.id(), "new", null, true, null, T0, later, 2));
        assertThat(repository.get(alice, todo.id())).contains(updated);
        assertThat(CALLS.operations()).containsExactly("UpdateItem", "GetItem");
    }

    @Test
    void updateWithTheCurrentVersionSucceeds() {
        Todo todo = create(alice, "v1");
        Todo updated = repository.update(alice, todo.id(), titlePatch("v2"), Precondition.anyOf(Set.of(1L)), T0);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(repository
                        .update(alice, todo.id(), titlePatch("v3"), Precondition.anyOf(Set.of(1L, 2L)), T0)
                        .version())
                .isEqualTo(3);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Todo todo = create(alice, "v1");
        Todo v2 = repository.update(alice, todo.id(), titlePatch("v2"), Precondition.NONE, T0);
        assertThatThrownBy(() ->
                        repository.update(alice, todo.id(), titlePatch("stale"), Precondition.anyOf(Set.of(1L)), T0))
                .isInstanceOf(VersionMismatchException.class);
        assertThatThrownBy(() -> repository.delete(alice, todo.id(), Precondition.anyOf(Set.of(1L))))
                .isInstanceOf(VersionMismatchException.class);
        assertThatThrownBy(() ->
                        repository.update(alice, todo.id(), titlePatch("never"), Precondition.anyOf(Set.of()), T0))
                .isInstanceOf(VersionMismatchException.class);
        assertThat(repository.get(alice, todo.id())).contains(v2);
    }

    @Test
    void updateOrDeleteOfAMissingTodoIs404WithOrWithoutIfMatch() {
        String missing = ids.next();
        assertThatThrownBy(() -> repository.update(alice, missing, titlePatch("x"), Precondition.NONE, T0))
                .isInstanceOf(TodoNotFoundException.class);
        assertThatThrownBy(() -> repository.update(alice, missing, titlePatch("x"), Precondition.anyOf(Set.of(1L)), T0))
                .isInstanceOf(TodoNotFoundException.class);
        assertThatThrownBy(() -> repository.update(alice, missing, titlePatch("x"), Precondition.anyOf(Set.of()), T0))
                .isInstanceOf(TodoNotFoundException.class);
        assertThatThrownBy(() -> repository.delete(alice, missing, Precondition.NONE))
                .isInstanceOf(TodoNotFoundException.class);
        assertThatThrownBy(() -> repository.delete(alice, missing, Precondition.anyOf(Set.of(1L))))
                .isInstanceOf(TodoNotFoundException.class);
    }

    @Test
    void updateDoesNotCreateATodo() {
        String missing = ids.next();
        assertThatThrownBy(() -> repository.update(alice, missing, titlePatch("x"), Precondition.NONE, T0))
                .isInstanceOf(TodoNotFoundException.class);
        assertThat(repository.get(alice, missing)).isEmpty();
    }

    @Test
    void deleteRemovesTheTodoOnceAndHonoursIfMatch() {
        Todo todo = create(alice, "bye");
        repository.delete(alice, todo.id(), Precondition.anyOf(Set.of(1L)));
        assertThat(repository.get(alice, todo.id())).isEmpty();
        assertThatThrownBy(() -> repository.delete(alice, todo.id(), Precondition.NONE))
                .isInstanceOf(TodoNotFoundException.class);
    }

    @Test
    void sixteenConcurrentPatchesOfDifferentFieldsAreAllApplied() throws Exception {
        Todo todo = create(alice, "start");
        String[] fields = {"title", "description", "completed", "dueDate"};
        List<Todo> results = concurrently(
                16,
                i -> () -> repository.update(
                        alice,
                        todo.id(),
                        switch (fields[i % 4]) {
                            case "title" ->
                                new TodoPatch(Change.set("title " + i), Change.keep(), Change.keep(), Change.keep());
                            case "description" ->
                                new TodoPatch(
                                        Change.keep(), Change.set("description " + i), Change.keep(), Change.keep());
                            case "completed" ->
                                new TodoPatch(Change.keep(), Change.keep(), Change.set(i % 8 == 2), Change.keep());
                            default ->
                                new TodoPatch(
                                        Change.keep(),
                                        Change.keep(),
                                        Change.keep(),
                                        Change.set(LocalDate.of(2027, 1, 1 + i)));
                        },
                        Precondition.NONE,
                        T0.plusMillis(i)));

        // every patch got its own version: none was lost or applied twice
        assertThat(results)
                .extracting(Todo::version)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.rangeClosed(2, 17).boxed().toList());
        Todo end = repository.get(alice, todo.id()).orElseThrow();
        assertThat(end.version()).isEqualTo(17);
        // and each field holds the value of the last patch (highest version) that wrote it
        for (int f = 0; f < 4; f++) {
            int field = f;
            int lastWriter = -1;
            long lastVersion = 0;
            for (int i = field; i < 16; i += 4) {
                if (results.get(i).version() > lastVersion) {
                    lastVersion = results.get(i).version();
                    lastWriter = i;
                }
            }
            switch (fields[field]) {
                case "title" -> assertThat(end.title()).isEqualTo("title " + lastWriter);
                case "description" -> assertThat(end.description()).isEqualTo("description " + lastWriter);
                case "completed" -> assertThat(end.completed()).isEqualTo(lastWriter % 8 == 2);
                default -> assertThat(end.dueDate()).isEqualTo(LocalDate.of(2027, 1, 1 + lastWriter));
            }
        }
    }

    @Test
    void ofSixteenConcurrentIfMatchPatchesOnOneVersionExactlyOneWins() throws Exception {
        Todo todo = create(alice, "contested");
        List<Object> outcomes = concurrently(16, i -> () -> {
            try {
                return repository.update(
                        alice, todo.id(), titlePatch("winner " + i), Precondition.anyOf(Set.of(1L)), T0);
            } catch (VersionMismatchException e) {
                return e;
            }
        });
        List<Todo> winners = outcomes.stream()
                .filter(Todo.class::isInstance)
                .map(Todo.class::cast)
                .toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes)
                .filteredOn(VersionMismatchException.class::isInstance)
                .hasSize(15);
        assertThat(repository.get(alice, todo.id())).contains(winners.getFirst());
        assertThat(winners.getFirst().version()).isEqualTo(2);
    }

    @Test
    void eightConcurrentCreatesWithOneKeyMakeOneTodoAndAnswerTheSame() throws Exception {
        NewTodo request = new NewTodo("once", "only once", false, null);
        TodoRepository.IdempotencyKey key =
                new TodoRepository.IdempotencyKey("key-" + UUID.randomUUID(), request.fingerprint());
        List<Todo> results =
                concurrently(8, i -> () -> repository.create(alice, request.toTodo(ids.next(), T0.plusMillis(i)), key));
        assertThat(new HashSet<>(results)).hasSize(1);
        List<Todo> stored = repository.list(alice, 100, Optional.empty()).items();
        assertThat(stored).containsExactly(results.getFirst());
    }

    @Test
    void aRepeatAfterAChangeReplaysTheOriginalResponse() {
        NewTodo request = new NewTodo("first", null, false, null);
        TodoRepository.IdempotencyKey key = new TodoRepository.IdempotencyKey("k", request.fingerprint());
        Todo first = repository.create(alice, request.toTodo(ids.next(), T0), key);
        repository.update(alice, first.id(), titlePatch("changed"), Precondition.NONE, T0.plusSeconds(1));
        Todo again = repository.create(alice, request.toTodo(ids.next(), T0.plusSeconds(2)), key);
        assertThat(again).isEqualTo(first);
        assertThat(repository.list(alice, 100, Optional.empty()).items()).hasSize(1);
    }

    @Test
    void deletingATodoDeletesTheRecordOfItsIdempotencyKeyWhichHeldACopyOfIt() {
        NewTodo request = new NewTodo("private", "a copy must not outlive the todo", false, null);
        TodoRepository.IdempotencyKey key = new TodoRepository.IdempotencyKey("k", request.fingerprint());
        Todo todo = repository.create(alice, request.toTodo(ids.next(), T0), key);
        Map<String, AttributeValue> recordKey =
                Map.of("pk", AttributeValue.fromS("USER#" + alice), "sk", AttributeValue.fromS("IDEMPOTENCY#k"));
        assertThat(client.getItem(b -> b.tableName(table).key(recordKey).consistentRead(true))
                        .item())
                .containsKey("todo");
        CALLS.clear();

        repository.delete(alice, todo.id(), Precondition.NONE);

        assertThat(CALLS.operations()).containsExactly("DeleteItem", "DeleteItem");
        assertThat(client.getItem(b -> b.tableName(table).key(recordKey).consistentRead(true))
                        .hasItem())
                .isFalse();
        // The key is free again: a late retry creates a new todo rather than bringing back the deleted one.
        Todo again = repository.create(alice, request.toTodo(ids.next(), T0.plusSeconds(1)), key);
        assertThat(again.id()).isNotEqualTo(todo.id());
    }

    @Test
    void deletingATodoCreatedWithoutAKeyIsOneCall() {
        Todo todo = create(alice, "no key");
        CALLS.clear();
        repository.delete(alice, todo.id(), Precondition.NONE);
        assertThat(CALLS.operations()).containsExactly("DeleteItem");
    }

    @Test
    void theSameKeyWithADifferentBodyIsRejectedAndCreatesNothing() {
        TodoRepository.IdempotencyKey first = new TodoRepository.IdempotencyKey("k", "fingerprint-a");
        repository.create(alice, newTodo("a"), first);
        assertThatThrownBy(() ->
                        repository.create(alice, newTodo("b"), new TodoRepository.IdempotencyKey("k", "fingerprint-b")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(repository.list(alice, 100, Optional.empty()).items())
                .extracting(Todo::title)
                .containsExactly("a");
    }

    @Test
    void keysArePerOwner() {
        TodoRepository.IdempotencyKey key = new TodoRepository.IdempotencyKey("shared", "f");
        Todo a = repository.create(alice, newTodo("a"), key);
        Todo b = repository.create(bob, newTodo("b"), key);
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(repository.get(bob, b.id())).contains(b);
    }

    @Test
    void anExpiredKeyCanBeUsedForANewRequest() {
        repository.create(alice, newTodo("old"), new TodoRepository.IdempotencyKey("k", "f-old"));
        Todo later = new NewTodo("new", null, false, null).toTodo(ids.next(), T0.plus(Duration.ofHours(25)));
        assertThat(repository.create(alice, later, new TodoRepository.IdempotencyKey("k", "f-new")))
                .isEqualTo(later);
        assertThat(repository.list(alice, 100, Optional.empty()).items())
                .extracting(Todo::title)
                .containsExactly("old", "new");
    }

    @Test
    void aCreateInterruptedBetweenItsTwoWritesIsCompletedByTheRetry() {
        NewTodo request = new NewTodo("interrupted", null, false, null);
        TodoRepository.IdempotencyKey key = new TodoRepository.IdempotencyKey("k", request.fingerprint());
        FaultInjector faults = new FaultInjector();
        try (DynamoDbClient flaky = LocalEngine.client(faults)) {
            DynamoDbTodoRepository flakyRepository = new DynamoDbTodoRepository(flaky, table);
            // the key's record is written; all three attempts of the todo write are throttled
            faults.failAfter(1, 3, FaultInjector.Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
            assertThatThrownBy(() -> flakyRepository.create(alice, request.toTodo(ids.next(), T0), key))
                    .isInstanceOf(StorageUnavailableException.class);
            assertThat(faults.attempts()).isEqualTo(4);
        }
        assertThat(repository.list(alice, 100, Optional.empty()).items()).isEmpty();

        Todo retried = repository.create(alice, request.toTodo(ids.next(), T0.plusSeconds(5)), key);
        assertThat(retried.title()).isEqualTo("interrupted");
        assertThat(retried.createdAt()).isEqualTo(T0);
        assertThat(repository.list(alice, 100, Optional.empty()).items()).containsExactly(retried);
    }

    @Test
    void throttlingIsRetriedABoundedNumberOfTimes() {
        Todo todo = create(alice, "throttled");
        FAULTS.resetAttempts();
        FAULTS.failNext(2, FaultInjector.Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
        assertThat(repository.get(alice, todo.id())).contains(todo);
        assertThat(FAULTS.attempts()).isEqualTo(3);

        FAULTS.resetAttempts();
        FAULTS.failNext(100, FaultInjector.Fault.THROTTLING);
        assertThatThrownBy(() -> repository.get(alice, todo.id())).isInstanceOf(StorageUnavailableException.class);
        assertThat(FAULTS.attempts()).isEqualTo(3);
        FAULTS.heal();
    }

    @Test
    void everyKindOfThrottlingAndServerErrorIsStorageUnavailable() {
        Todo todo = create(alice, "faults");
        for (FaultInjector.Fault fault : List.of(
                FaultInjector.Fault.PROVISIONED_THROUGHPUT_EXCEEDED,
                FaultInjector.Fault.THROTTLING,
                FaultInjector.Fault.REQUEST_LIMIT_EXCEEDED,
                FaultInjector.Fault.INTERNAL_SERVER_ERROR)) {
            FAULTS.failNext(3, fault);
            assertThatThrownBy(() -> repository.update(alice, todo.id(), titlePatch("x"), Precondition.NONE, T0))
                    .as(fault.name())
                    .isInstanceOf(StorageUnavailableException.class);
        }
        assertThat(repository.get(alice, todo.id())).contains(todo);
    }

    @Test
    void aHangingTableTimesOutWithinTheApiCallTimeout() {
        ClientOverrideConfiguration fast = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(Duration.ofMillis(200))
                .apiCallTimeout(Duration.ofMillis(700))
                .build();
        FaultInjector hangs = new FaultInjector();
        try (DynamoDbClient hanging = LocalEngine.client(hangs, fast)) {
            DynamoDbTodoRepository slow = new DynamoDbTodoRepository(hanging, table);
            hangs.failNext(100, FaultInjector.Fault.HANG);
            long started = System.nanoTime();
            assertThatThrownBy(() -> slow.list(alice, 10, Optional.empty()))
                    .isInstanceOf(StorageUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(hangs.injected()).isPositive();
        }
    }

    private static <T> List<T> concurrently(int n, IntFunction<Callable<T>> task) throws InterruptedException {
        return Concurrently.run(n, task);
    }
}
