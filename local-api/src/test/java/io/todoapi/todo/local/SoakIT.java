package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Concurrency soak: 32 threads run mixed operations for 4 users against local-api for a bounded time. Each todo a
 * thread creates is written only by that thread, so its final state is known exactly from the acknowledged
 * responses; in addition every user has a "hot" todo that all threads patch at once (with and without If-Match)
 * and a pool of Idempotency-Keys that all threads create with at once. Afterwards every user's list equals the
 * model of the acknowledged operations, no response was a 5XX, and no user ever saw another user's todo.
 *
 * <p>Size: {@code -Dsoak.operations=N} (default 4000 in all), {@code -Dsoak.threads=N} (32),
 * {@code -Dsoak.seconds=N} (time bound, 120), {@code -Dsoak.seed=N}.
 */
class SoakIT {

    private static final int THREADS = Integer.getInteger("soak.threads", 32);
    private static final int OPERATIONS = Integer.getInteger("soak.operations", 4000);
    private static final Duration TIME_BOUND = Duration.ofSeconds(Integer.getInteger("soak.seconds", 120));
    private static final long SEED = Long.getLong("soak.seed", 20_261_124L);
    private static final int KEYS_PER_USER = 4;

    private static RunningApi api;

    private final List<String> users = List.of(
            "soak-a-" + UUID.randomUUID(),
            "soak-b-" + UUID.randomUUID(),
            "soak-c-" + UUID.randomUUID(),
            "soak-d-" + UUID.randomUUID());
    /** Every id each user created (any thread), to detect another user's todo in a response. */
    private final Map<String, Set<String>> createdBy = new ConcurrentHashMap<>();
    /** Per user: the todos owned by one thread, as last acknowledged (null value: deleted). */
    private final Map<String, Map<String, JsonNode>> owned = new ConcurrentHashMap<>();
    /** Per user: the hot todo's id, and every acknowledged patch of it. */
    private final Map<String, String> hot = new ConcurrentHashMap<>();

    private final Map<String, ConcurrentLinkedQueue<JsonNode>> hotPatches = new ConcurrentHashMap<>();
    /** Per user and Idempotency-Key: the id every create with that key returned. */
    private final Map<String, String> keyedIds = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> operations = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicLong slowest = new AtomicLong();

    @BeforeAll
    static void start() throws IOException {
        api = RunningApi.start("--require-token", "--table", "todos-soak");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private HttpResponse<String> send(
            String user, String operation, String method, String path, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", Tokens.bearer(user)));
        if (body != null) {
            all.addAll(List.of(
                    "Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json"));
        }
        all.addAll(List.of(headers));
        long started = System.nanoTime();
        HttpResponse<String> response = api.send(method, path, body, all.toArray(String[]::new));
        slowest.accumulateAndGet(Duration.ofNanos(System.nanoTime() - started).toMillis(), Math::max);
        operations.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                .incrementAndGet();
        assertThat(response.statusCode())
                .as("never a 5XX: %s %s -> %s", method, path, response.body())
                .isLessThan(500);
        return response;
    }

    /** Fails if {@code id} was created by anyone but {@code user}. */
    private void assertNotForeign(String user, String id) {
        for (Map.Entry<String, Set<String>> entry : createdBy.entrySet()) {
            if (!entry.getKey().equals(user)) {
                assertThat(entry.getValue())
                        .as("%s saw a todo of %s", user, entry.getKey())
                        .doesNotContain(id);
            }
        }
    }

    private JsonNode create(String user, String title, String... headers) {
        HttpResponse<String> response = send(
                user,
                headers.length == 0 ? "create" : "create-keyed",
                "POST",
                "/todos",
                "{\"title\":\"" + title + "\"}",
                headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode todo = RunningApi.json(response);
        createdBy.get(user).add(todo.get("id").asText());
        return todo;
    }

    @Test
    void concurrentMixedOperationsLeaveEveryUsersDataExactlyAsAcknowledged() throws Exception {
        for (String user : users) {
            createdBy.put(user, ConcurrentHashMap.newKeySet());
            owned.put(user, new ConcurrentHashMap<>());
            hotPatches.put(user, new ConcurrentLinkedQueue<>());
            hot.put(user, create(user, "hot").get("id").asText());
        }
        System.out.println("SoakIT: " + THREADS + " threads, " + OPERATIONS + " operations, bound " + TIME_BOUND
                + ", seed " + SEED);
        long deadline = System.nanoTime() + TIME_BOUND.toNanos();
        AtomicInteger budget = new AtomicInteger(OPERATIONS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(SEED + t);
                workers.add(pool.submit(() -> {
                    go.await();
                    int done = 0;
                    Map<String, List<String>> mine = new TreeMap<>();
                    while (budget.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                        step(random, mine);
                        done++;
                    }
                    return done;
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> worker : workers) {
                total += worker.get();
            }
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.println(
                    "SoakIT: " + total + " operations in " + millis + " ms (" + (total * 1000L / Math.max(1, millis))
                            + "/s); by kind " + new TreeMap<>(operations) + "; by status "
                            + new TreeMap<>(statuses) + "; slowest " + slowest.get() + " ms");
            assertThat(total).isGreaterThan(Math.min(OPERATIONS, 500));
        }
        verifyEveryUsersData();
    }

    /** One random operation of this thread. {@code mine}: user -> ids this thread created and has not deleted. */
    private void step(Random random, Map<String, List<String>> mine) {
        String user = users.get(random.nextInt(users.size()));
        List<String> myIds = mine.computeIfAbsent(user, u -> new ArrayList<>());
        Map<String, JsonNode> model = owned.get(user);
        int choice = random.nextInt(100);
        if (choice < 22 || myIds.isEmpty()) {
            JsonNode todo = create(user, "t" + random.nextInt(1_000_000));
            model.put(todo.get("id").asText(), todo);
            myIds.add(todo.get("id").asText());
        } else if (choice < 45) {
            String id = myIds.get(random.nextInt(myIds.size()));
            JsonNode current = model.get(id);
            String body = switch (random.nextInt(4)) {
                case 0 -> "{\"title\":\"p" + random.nextInt(1000) + "\"}";
                case 1 -> "{\"completed\":" + random.nextBoolean() + "}";
                case 2 ->
                    "{\"description\":" + (random.nextBoolean() ? "null" : "\"d" + random.nextInt(99) + "\"") + "}";
                default ->
                    "{\"dueDate\":" + (random.nextBoolean() ? "null" : "\"2027-01-1" + random.nextInt(10) + "\"")
                            + ",\"completed\":true}";
            };
            HttpResponse<String> response = random.nextBoolean()
                    ? send(user, "patch", "PATCH", "/todos/" + id, body)
                    : send(
                            user,
                            "patch-if-match",
                            "PATCH",
                            "/todos/" + id,
                            body,
                            "If-Match",
                            "\"" + current.get("version").asInt() + "\"");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode updated = RunningApi.json(response);
            assertThat(updated.get("version").asInt())
                    .isEqualTo(current.get("version").asInt() + 1);
            model.put(id, updated);
        } else if (choice < 52) {
            String id = myIds.remove(random.nextInt(myIds.size()));
            HttpResponse<String> response = random.nextBoolean()
                    ? send(user, "delete", "DELETE", "/todos/" + id, null)
                    : send(
                            user,
                            "delete-if-match",
                            "DELETE",
                            "/todos/" + id,
                            null,
                            "If-Match",
                            "\"" + model.get(id).get("version").asInt() + "\"");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
            model.remove(id);
        } else if (choice < 64) {
            String id = myIds.get(random.nextInt(myIds.size()));
            HttpResponse<String> response = send(user, "get", "GET", "/todos/" + id, null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(RunningApi.json(response)).isEqualTo(model.get(id));
        } else if (choice < 70) {
            // another user's todo: 404, whatever the method
            String other = users.get((users.indexOf(user) + 1 + random.nextInt(users.size() - 1)) % users.size());
            List<String> theirs = new ArrayList<>(createdBy.get(other));
            String id = theirs.isEmpty() ? hot.get(other) : theirs.get(random.nextInt(theirs.size()));
            String method = List.of("GET", "PATCH", "DELETE").get(random.nextInt(3));
            HttpResponse<String> response = send(
                    user,
                    "cross-user-" + method,
                    method,
                    "/todos/" + id,
                    method.equals("PATCH") ? "{\"title\":\"pwned\"}" : null);
            assertThat(response.statusCode())
                    .as("%s %s of another user: %s", method, id, response.body())
                    .isEqualTo(404);
        } else if (choice < 80) {
            HttpResponse<String> response =
                    send(user, "list", "GET", "/todos?limit=" + (1 + random.nextInt(100)), null);
            assertThat(response.statusCode()).isEqualTo(200);
            RunningApi.json(response)
                    .get("items")
                    .forEach(item -> assertNotForeign(user, item.get("id").asText()));
        } else if (choice < 94) {
            String id = hot.get(user);
            String field =
                    List.of("title", "description", "completed", "dueDate").get(random.nextInt(4));
            String value = switch (field) {
                case "title", "description" -> "\"h" + random.nextInt(10_000) + "\"";
                case "completed" -> Boolean.toString(random.nextBoolean());
                default -> "\"2028-02-0" + (1 + random.nextInt(9)) + "\"";
            };
            String body = "{\"" + field + "\":" + value + "}";
            HttpResponse<String> response;
            if (random.nextBoolean()) {
                response = send(user, "hot-patch", "PATCH", "/todos/" + id, body);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            } else {
                HttpResponse<String> read = send(user, "hot-get", "GET", "/todos/" + id, null);
                String etag = read.headers().firstValue("ETag").orElseThrow();
                response = send(user, "hot-patch-if-match", "PATCH", "/todos/" + id, body, "If-Match", etag);
                assertThat(response.statusCode()).as(response.body()).isIn(200, 412);
            }
            if (response.statusCode() == 200) {
                hotPatches.get(user).add(RunningApi.json(response));
            }
        } else {
            String key = "soak-key-" + random.nextInt(KEYS_PER_USER);
            JsonNode todo = create(user, key, "Idempotency-Key", key);
            String previous =
                    keyedIds.putIfAbsent(user + "/" + key, todo.get("id").asText());
            if (previous != null) {
                assertThat(todo.get("id").asText())
                        .as("one todo per Idempotency-Key")
                        .isEqualTo(previous);
            }
        }
    }

    private void verifyEveryUsersData() {
        int total = 0;
        for (String user : users) {
            List<JsonNode> listed = new ArrayList<>();
            String next = null;
            do {
                HttpResponse<String> response = send(
                        user,
                        "final-list",
                        "GET",
                        "/todos?limit=100" + (next == null ? "" : "&nextToken=" + next),
                        null);
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode page = RunningApi.json(response);
                page.get("items").forEach(listed::add);
                next = page.has("nextToken") ? page.get("nextToken").asText() : null;
            } while (next != null);
            Map<String, JsonNode> byId = new TreeMap<>();
            listed.forEach(todo -> byId.put(todo.get("id").asText(), todo));
            assertThat(byId).as("no duplicates in %s's list", user).hasSize(listed.size());
            listed.forEach(todo -> assertNotForeign(user, todo.get("id").asText()));

            // the hot todo: one version per acknowledged patch, and the state of the highest one
            JsonNode hotNow = byId.remove(hot.get(user));
            List<JsonNode> patches = new ArrayList<>(hotPatches.get(user));
            assertThat(hotNow.get("version").asInt())
                    .as("%s's hot todo: no patch lost or doubled", user)
                    .isEqualTo(1 + patches.size());
            if (!patches.isEmpty()) {
                assertThat(hotNow)
                        .isEqualTo(patches.stream()
                                .max(Comparator.comparingInt(
                                        p -> p.get("version").asInt()))
                                .orElseThrow());
            }
            // one todo per Idempotency-Key
            for (int k = 0; k < KEYS_PER_USER; k++) {
                String id = keyedIds.get(user + "/soak-key-" + k);
                if (id != null) {
                    JsonNode keyed = byId.remove(id);
                    assertThat(keyed).as("%s's todo for key %d", user, k).isNotNull();
                    assertThat(keyed.get("title").asText()).isEqualTo("soak-key-" + k);
                }
            }
            assertThat(byId.values().stream()
                            .filter(todo -> todo.get("title").asText().startsWith("soak-key-")))
                    .as("no second todo for any Idempotency-Key")
                    .isEmpty();
            // the rest: exactly the thread-owned todos, as last acknowledged
            assertThat(byId).as("%s's todos", user).isEqualTo(new TreeMap<>(owned.get(user)));
            total += listed.size();
        }
        System.out.println(
                "SoakIT: final data set of " + total + " todos matches the model for " + users.size() + " users");
    }
}
