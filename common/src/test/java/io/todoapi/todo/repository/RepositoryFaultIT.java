package io.todoapi.todo.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todoapi.todo.config.DynamoDbClients;
import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.error.TodoNotFoundException;
import io.todoapi.todo.error.VersionMismatchException;
import io.todoapi.todo.id.UuidV7Generator;
import io.todoapi.todo.localdb.LocalDynamoDb;
import io.todoapi.todo.model.Change;
import io.todoapi.todo.model.NewTodo;
import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoPatch;
import io.todoapi.todo.testing.FaultInjector;
import io.todoapi.todo.testing.FaultInjector.Fault;
import io.todoapi.todo.testing.LocalEngine;
import io.todoapi.todo.testing.LostResponses;
import io.todoapi.todo.testing.LostResponses.Mode;
import io.todoapi.todo.testing.TodoTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The repository against dynalite with faults injected per HTTP attempt, through the functions' own retry strategy
 * and timeouts (3 attempts, 2 s each, 5 s in all): throttling, 5xx, resets and hangs before the request reaches
 * the table (nothing applied), and responses lost after it was applied. Every operation either succeeds with
 * exactly one effect or fails with {@link StorageUnavailableException} (the 503) within the time budget; a write
 * that was applied but not acknowledged is recognised when the SDK retries it, and a client can tell afterwards.
 */
class RepositoryFaultIT {

    private static final Instant T0 = Instant.parse("2026-11-24T19:02:53.123Z");
    /** apiCallTimeout (5 s) plus slack for a loaded CI machine: no call may take longer, whatever fails. */
    private static final Duration BUDGET = Duration.ofMillis(8_000);

    private static final FaultInjector FAULTS = new FaultInjector();
    private static final LostResponses LOST = new LostResponses();
    private static final Map<Fault, Integer> INJECTED = new EnumMap<>(Fault.class);
    private static final Map<Mode, Integer> LOST_BY_MODE = new EnumMap<>(Mode.class);
    private static DynamoDbClient clean;
    private static DynamoDbClient faultyClient;
    private static DynamoDbClient lossyClient;
    private static DynamoDbTodoRepository repository;
    private static DynamoDbTodoRepository faulty;
    private static DynamoDbTodoRepository lossy;
    private static long slowest;
    private static String table;

    private final UuidV7Generator ids = new UuidV7Generator(Clock.systemUTC());
    private String owner;

    @BeforeAll
    static void createTable() {
        clean = LocalEngine.client();
        table = TodoTables.create(clean, "fault-it");
        faultyClient = LocalEngine.client(FAULTS);
        lossyClient = LocalDynamoDb.shared()
                .clientBuilder()
                .overrideConfiguration(DynamoDbClients.overrides())
                .httpClient(LOST)
                .build();
        repository = new DynamoDbTodoRepository(clean, table);
        faulty = new DynamoDbTodoRepository(faultyClient, table);
        lossy = new DynamoDbTodoRepository(lossyClient, table);
    }

    @AfterAll
    static void report() {
        System.out.println("RepositoryFaultIT: faults injected before the table " + INJECTED + " (total "
                + FAULTS.injected() + "); responses lost after the write was applied " + LOST_BY_MODE + " (total "
                + LOST.lost() + "); slowest faulted call " + slowest + " ms");
        clean.close();
        faultyClient.close();
        lossyClient.close();
    }

    @BeforeEach
    void freshOwner() {
        owner = "owner-" + UUID.randomUUID();
        FAULTS.heal();
        LOST.heal();
        // A fresh SDK client per test: the standard retry strategy's token bucket, drained by earlier tests' faults,
        // would otherwise refuse retries (as it does in production under sustained faults: fail fast, not slow).
        faultyClient.close();
        faultyClient = LocalEngine.client(FAULTS);
        faulty = new DynamoDbTodoRepository(faultyClient, table);
    }

    private Todo newTodo(String title) {
        return new NewTodo(title, null, false, null).toTodo(ids.next(), T0);
    }

    private static TodoPatch titlePatch(String title) {
        return new TodoPatch(Change.set(title), Change.keep(), Change.keep(), Change.keep());
    }

    private void inject(int count, Fault fault) {
        FAULTS.resetAttempts();
        FAULTS.failNext(count, fault);
        INJECTED.merge(fault, count, Integer::sum);
    }

    private void lose(int pass, int count, Mode mode) {
        LOST.resetAttempts();
        LOST.loseAfter(pass, count, mode);
        LOST_BY_MODE.merge(mode, count, Integer::sum);
    }

    /** Runs {@code call}, asserting it stays within the time budget. */
    private static <T> T timed(Callable<T> call) throws Exception {
        long started = System.nanoTime();
        try {
            return call.call();
        } finally {
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            slowest = Math.max(slowest, millis);
            assertThat(millis).as("latency of a faulted call").isLessThan(BUDGET.toMillis());
        }
    }

    private List<Todo> stored() {
        return repository.list(owner, 100, Optional.empty()).items();
    }

    // ---- faults before the request reaches the table: retried, bounded, nothing half-done ----------------------

    /** The operations of the five functions (create with and without an Idempotency-Key). */
    enum Operation {
        CREATE,
        CREATE_WITH_KEY,
        UPDATE,
        LIST,
        GET,
        DELETE
    }

    private static final Fault[] BEFORE_TABLE = {
        Fault.PROVISIONED_THROUGHPUT_EXCEEDED,
        Fault.THROTTLING,
        Fault.REQUEST_LIMIT_EXCEEDED,
        Fault.INTERNAL_SERVER_ERROR,
        Fault.SERVICE_UNAVAILABLE,
        Fault.CONNECTION_RESET
    };

    /**
     * Each operation with two kinds of fault, so that every operation meets a throttling error and a server or
     * network error, and every kind meets two operations. (All 36 pairs would only add the SDK's throttling
     * back-off, about a second per retry, to the build.)
     */
    static Stream<Arguments> operationsAndFaults() {
        List<Arguments> pairs = new ArrayList<>();
        Operation[] operations = Operation.values();
        for (int i = 0; i < operations.length; i++) {
            pairs.add(Arguments.of(operations[i], BEFORE_TABLE[i % BEFORE_TABLE.length]));
            pairs.add(Arguments.of(operations[i], BEFORE_TABLE[(i + 3) % BEFORE_TABLE.length]));
        }
        return pairs.stream();
    }

    /** Runs {@code operation} through {@code target} on {@code existing}; returns what it returned. */
    private Object run(Operation operation, DynamoDbTodoRepository target, Todo existing) {
        return switch (operation) {
            case CREATE -> target.create(owner, newTodo("created"));
            case CREATE_WITH_KEY ->
                target.create(owner, newTodo("created"), new TodoRepository.IdempotencyKey("key", "fingerprint"));
            case UPDATE ->
                target.update(
                        owner, existing.id(), titlePatch("patched"), Precondition.anyOf(Set.of(1L)), T0.plusSeconds(1));
            case LIST -> target.list(owner, 10, Optional.empty());
            case GET -> target.get(owner, existing.id());
            case DELETE -> {
                target.delete(owner, existing.id(), Precondition.anyOf(Set.of(1L)));
                yield "deleted";
            }
        };
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("operationsAndFaults")
    void twoFaultsInARowAreAbsorbedByTheRetriesWithExactlyOneEffect(Operation operation, Fault fault) throws Exception {
        Todo existing = repository.create(owner, newTodo("existing"));
        inject(2, fault);
        Object result = timed(() -> run(operation, faulty, existing));
        // two faulted attempts and the one that passed (+ the todo write of a keyed create, after its key record)
        assertThat(FAULTS.attempts()).as("attempts").isEqualTo(operation == Operation.CREATE_WITH_KEY ? 4 : 3);
        List<Todo> after = stored();
        switch (operation) {
            case CREATE, CREATE_WITH_KEY -> assertThat(after).containsExactly(existing, (Todo) result);
            case UPDATE -> {
                assertThat(((Todo) result).version()).isEqualTo(2);
                assertThat(after).containsExactly((Todo) result);
            }
            case LIST ->
                assertThat(((io.todoapi.todo.model.TodoPage) result).items()).containsExactly(existing);
            case GET -> assertThat(result).isEqualTo(Optional.of(existing));
            case DELETE -> assertThat(after).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("operationsAndFaults")
    void faultsBeyondTheRetryBudgetAre503sThatChangeNothing(Operation operation, Fault fault) throws Exception {
        Todo existing = repository.create(owner, newTodo("existing"));
        inject(3, fault);
        assertThatThrownBy(() -> timed(() -> run(operation, faulty, existing)))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(FAULTS.attempts()).as("attempts: bounded retries").isEqualTo(3);
        assertThat(stored()).containsExactly(existing);
        if (operation == Operation.CREATE_WITH_KEY) {
            // nothing was written: the client's retry with the same key creates the todo, once
            Todo retried = (Todo) run(operation, repository, existing);
            assertThat(run(operation, repository, existing)).isEqualTo(retried);
            assertThat(stored()).containsExactly(existing, retried);
        }
    }

    @Test
    void aHangingTableIsCutOffByTheTimeoutsAndAnsweredWith503() throws Exception {
        Todo existing = repository.create(owner, newTodo("existing"));
        inject(1, Fault.HANG);
        Todo patched =
                timed(() -> faulty.update(owner, existing.id(), titlePatch("after one hang"), Precondition.NONE, T0));
        assertThat(patched.version()).isEqualTo(2);

        inject(3, Fault.HANG);
        assertThatThrownBy(() -> timed(() -> faulty.create(owner, newTodo("never"))))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(stored()).containsExactly(patched);
    }

    // ---- responses lost after the write was applied ----------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aCreateWhoseResponseWasLostIsRecognisedOnTheRetryNotA500(Mode mode) throws Exception {
        lose(0, 1, mode);
        Todo todo = newTodo("applied once");
        assertThat(timed(() -> lossy.create(owner, todo))).isEqualTo(todo);
        assertThat(LOST.attempts()).as("PutItem, retried PutItem, GetItem").isEqualTo(3);
        assertThat(stored()).containsExactly(todo);
    }

    @Test
    void anIdempotentCreateWhoseWritesLostTheirResponsesMakesOneTodo() throws Exception {
        NewTodo request = new NewTodo("keyed", "once", true, null);
        TodoRepository.IdempotencyKey key = new TodoRepository.IdempotencyKey("key-1", request.fingerprint());
        lose(0, 1, Mode.RESET_AFTER_APPLY); // the key record's write
        Todo first = timed(() -> lossy.create(owner, request.toTodo(ids.next(), T0), key));
        lose(1, 1, Mode.RESET_AFTER_APPLY); // the repeat's todo write (after its record lookup)
        Todo repeat = timed(() -> lossy.create(owner, request.toTodo(ids.next(), T0.plusSeconds(1)), key));
        assertThat(repeat).isEqualTo(first);
        assertThat(stored()).containsExactly(first);

        // every attempt of a create lost: 503, yet the client's retry with the same key finds the one todo
        TodoRepository.IdempotencyKey other = new TodoRepository.IdempotencyKey("key-2", request.fingerprint());
        lose(0, 3, Mode.RESET_AFTER_APPLY);
        assertThatThrownBy(() -> timed(() -> lossy.create(owner, request.toTodo(ids.next(), T0), other)))
                .isInstanceOf(StorageUnavailableException.class);
        Todo retried = repository.create(owner, request.toTodo(ids.next(), T0.plusSeconds(2)), other);
        assertThat(stored()).containsExactly(first, retried);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aPatchWhoseResponseWasLostIsAppliedOnceNotTwiceAndNotA412(Mode mode) throws Exception {
        Todo todo = repository.create(owner, newTodo("v1"));
        lose(0, 1, mode);
        Todo patched =
                timed(() -> lossy.update(owner, todo.id(), titlePatch("v2"), Precondition.NONE, T0.plusSeconds(1)));
        assertThat(patched.version()).as("applied once: version 2, not 3").isEqualTo(2);
        assertThat(repository.get(owner, todo.id())).contains(patched);

        lose(0, 1, mode);
        Todo conditional = timed(() ->
                lossy.update(owner, todo.id(), titlePatch("v3"), Precondition.anyOf(Set.of(2L)), T0.plusSeconds(2)));
        assertThat(conditional.version())
                .as("our own write is not a stale If-Match")
                .isEqualTo(3);
        assertThat(conditional.title()).isEqualTo("v3");
        assertThat(repository.get(owner, todo.id())).contains(conditional);
    }

    @Test
    void aPatchWhoseEveryResponseWasLostIs503AppliedOnceAndTheClientCanTell() throws Exception {
        Todo todo = repository.create(owner, newTodo("v1"));
        lose(0, 3, Mode.RESET_AFTER_APPLY);
        assertThatThrownBy(() -> timed(() -> lossy.update(
                        owner, todo.id(), titlePatch("mine"), Precondition.anyOf(Set.of(1L)), T0.plusSeconds(1))))
                .isInstanceOf(StorageUnavailableException.class);
        // the first attempt was applied; the retries were refused by their own write token: applied exactly once
        Todo stored = repository.get(owner, todo.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.title()).isEqualTo("mine");
        // what the API documents: repeat with the same If-Match; a 412 then means something changed it: GET shows
        // whether it was this patch
        assertThatThrownBy(() -> repository.update(
                        owner, todo.id(), titlePatch("mine"), Precondition.anyOf(Set.of(1L)), T0.plusSeconds(2)))
                .isInstanceOf(VersionMismatchException.class);
        assertThat(repository.get(owner, todo.id())).contains(stored);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aDeleteWhoseResponseWasLostSucceedsInsteadOfA404(Mode mode) throws Exception {
        Todo plain = repository.create(owner, newTodo("plain"));
        Todo conditional = repository.create(owner, newTodo("conditional"));
        lose(0, 1, mode);
        timed(() -> {
            lossy.delete(owner, plain.id(), Precondition.NONE);
            return null;
        });
        lose(0, 1, mode);
        timed(() -> {
            lossy.delete(owner, conditional.id(), Precondition.anyOf(Set.of(1L)));
            return null;
        });
        assertThat(stored()).isEmpty();
        // a delete of a todo that is really not there is still a 404
        assertThatThrownBy(() -> lossy.delete(owner, plain.id(), Precondition.NONE))
                .isInstanceOf(TodoNotFoundException.class);
    }
}
