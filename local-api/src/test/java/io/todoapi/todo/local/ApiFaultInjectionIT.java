package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.local.DynamoDbFaultProxy.Fault;
import io.todoapi.todo.localdb.LocalDynamoDb;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults of the real engine during create, patch, delete, list and get, end to end: local-api (the real handlers,
 * SDK client, retry strategy and timeouts) talks to dynalite through {@link DynamoDbFaultProxy}. The client sees
 * success or a 503 problem with {@code Retry-After}, never a 5XX of another kind, never a partial or doubled
 * write, after at most 3 attempts per DynamoDB call, within the SDK's 5 s budget (8 s allowed end to end).
 *
 * <p>What the API guarantees after a 503 (documented in docs/security.md and asserted here): a 503 means the
 * change may or may not have been applied. A create retried with the same Idempotency-Key makes one todo; a patch
 * or delete retried with the same If-Match is applied at most once (412 when it already was: a GET tells). Within
 * one request, an attempt whose response was lost is recognised when the SDK retries it, so it is neither applied
 * twice nor reported as a 412 or 404 against the caller's own write.
 */
class ApiFaultInjectionIT {

    /**
     * The SDK's apiCallTimeout (5 s) plus the emulator and a loaded CI machine, still below the functions' timeout:
     * no request may take longer.
     */
    private static final long BUDGET_MILLIS = 8_000;

    private static LocalDynamoDb engine;
    private static DynamoDbFaultProxy proxy;
    private static RunningApi api;
    private static long slowest;
    private static int requests;

    private final String user = "fault-user-" + UUID.randomUUID();
    private final String token = Tokens.bearer(user);

    @BeforeAll
    static void start() throws IOException {
        engine = LocalDynamoDb.start(0);
        proxy = DynamoDbFaultProxy.start(engine.endpoint());
        api = RunningApi.start(
                "--dynamodb-endpoint", proxy.endpoint().toString(), "--table", "todos-faults", "--require-token");
    }

    @AfterAll
    static void stop() {
        System.out.println("ApiFaultInjectionIT: " + requests + " requests; faults injected " + proxy.injected()
                + "; slowest response " + slowest + " ms");
        if (api != null) {
            api.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void heal() {
        proxy.heal();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", token));
        if (body != null) {
            all.addAll(List.of(
                    "Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json"));
        }
        all.addAll(List.of(headers));
        long started = System.nanoTime();
        HttpResponse<String> response = api.send(method, path, body, all.toArray(String[]::new));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        slowest = Math.max(slowest, millis);
        requests++;
        assertThat(millis).as("latency of %s %s", method, path).isLessThan(BUDGET_MILLIS);
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isIn(200, 201, 204, 304, 400, 404, 412, 422, 503);
        return response;
    }

    private static void assert503(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        JsonNode problem = RunningApi.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("Exception", "FAULT-PROXY", "Injected", "dynamodb", "todos-faults");
    }

    private JsonNode create(String title, String... headers) {
        HttpResponse<String> response = send("POST", "/todos", "{\"title\":\"" + title + "\"}", headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RunningApi.json(response);
    }

    private List<String> titles() {
        HttpResponse<String> response = send("GET", "/todos?limit=100", null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        RunningApi.json(response)
                .get("items")
                .forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private JsonNode get(String id) {
        HttpResponse<String> response = send("GET", "/todos/" + id, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return RunningApi.json(response);
    }

    @Test
    void createAbsorbsTransientFaultsAndOtherwiseAnswers503WithoutWriting() {
        proxy.failNext("PutItem", Fault.PROVISIONED_THROUGHPUT_EXCEEDED, Fault.THROTTLING);
        create("after two throttles");
        assertThat(proxy.attempts("PutItem")).isEqualTo(3);

        proxy.heal();
        proxy.failNext("PutItem", Fault.THROTTLING, Fault.INTERNAL_SERVER_ERROR, Fault.CONNECTION_RESET);
        assert503(send("POST", "/todos", "{\"title\":\"never\"}"));
        assertThat(proxy.attempts("PutItem")).as("bounded retries").isEqualTo(3);

        proxy.failNext("PutItem", Fault.RESET_AFTER_APPLY);
        create("response lost once");
        assertThat(titles()).containsExactly("after two throttles", "response lost once");
    }

    @Test
    void aRetriedCreateWithAnIdempotencyKeyMakesOneTodo() {
        proxy.failNext("PutItem", Fault.RESET_AFTER_APPLY, Fault.RESET_AFTER_APPLY, Fault.RESET_AFTER_APPLY);
        assert503(send("POST", "/todos", "{\"title\":\"keyed\"}", "Idempotency-Key", "key-1"));
        JsonNode first = create("keyed", "Idempotency-Key", "key-1");
        proxy.failNext("PutItem", Fault.TIMEOUT_AFTER_APPLY);
        JsonNode again = create("keyed", "Idempotency-Key", "key-1");
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(titles()).containsExactly("keyed");
    }

    @Test
    void aPatchIsAppliedOnceOrNotAtAll() {
        String id = create("v1").get("id").asText();
        proxy.failNext("UpdateItem", Fault.INTERNAL_SERVER_ERROR, Fault.CONNECTION_RESET);
        HttpResponse<String> retried = send("PATCH", "/todos/" + id, "{\"title\":\"v2\"}");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.headers().firstValue("ETag")).contains("\"2\"");

        proxy.failNext("UpdateItem", Fault.RESET_AFTER_APPLY);
        HttpResponse<String> lost = send("PATCH", "/todos/" + id, "{\"title\":\"v3\"}", "If-Match", "\"2\"");
        assertThat(lost.statusCode())
                .as("our own write, not a stale If-Match: %s", lost.body())
                .isEqualTo(200);
        assertThat(lost.headers().firstValue("ETag")).as("applied once").contains("\"3\"");

        proxy.failNext("UpdateItem", Fault.SERVICE_UNAVAILABLE, Fault.THROTTLING, Fault.HANG);
        assert503(send("PATCH", "/todos/" + id, "{\"title\":\"never\"}"));
        assertThat(get(id).get("title").asText()).isEqualTo("v3");
        assertThat(get(id).get("version").asInt()).isEqualTo(3);

        // every response lost: a 503, the patch applied exactly once, and a client that repeats it with its
        // If-Match learns that (412, then GET) instead of applying it again
        proxy.failNext("UpdateItem", Fault.RESET_AFTER_APPLY, Fault.RESET_AFTER_APPLY, Fault.RESET_AFTER_APPLY);
        assert503(send("PATCH", "/todos/" + id, "{\"completed\":true}", "If-Match", "\"3\""));
        assertThat(send("PATCH", "/todos/" + id, "{\"completed\":true}", "If-Match", "\"3\"")
                        .statusCode())
                .isEqualTo(412);
        JsonNode now = get(id);
        assertThat(now.get("completed").asBoolean()).isTrue();
        assertThat(now.get("version").asInt()).isEqualTo(4);
    }

    @Test
    void aDeleteIsAppliedOnceOrNotAtAll() {
        String kept = create("kept").get("id").asText();
        String gone = create("gone").get("id").asText();
        proxy.failNext(
                "DeleteItem", Fault.PROVISIONED_THROUGHPUT_EXCEEDED, Fault.THROTTLING, Fault.INTERNAL_SERVER_ERROR);
        assert503(send("DELETE", "/todos/" + kept, null));
        proxy.failNext("DeleteItem", Fault.TIMEOUT_AFTER_APPLY);
        assertThat(send("DELETE", "/todos/" + gone, null, "If-Match", "\"1\"").statusCode())
                .isEqualTo(204);
        assertThat(titles()).containsExactly("kept");
        assertThat(send("DELETE", "/todos/" + gone, null).statusCode()).isEqualTo(404);
    }

    @Test
    void readsAbsorbTransientFaultsAndOtherwiseAnswer503InTime() {
        String id = create("read me").get("id").asText();
        proxy.failNext("Query", Fault.THROTTLING, Fault.INTERNAL_SERVER_ERROR);
        assertThat(titles()).containsExactly("read me");
        proxy.failNext("Query", Fault.HANG, Fault.HANG, Fault.HANG);
        assert503(send("GET", "/todos", null));
        proxy.failNext("GetItem", Fault.CONNECTION_RESET, Fault.CONNECTION_RESET);
        assertThat(get(id).get("title").asText()).isEqualTo("read me");
        proxy.failNext(
                "GetItem", Fault.CONNECTION_RESET, Fault.SERVICE_UNAVAILABLE, Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
        assert503(send("GET", "/todos/" + id, null));
        assertThat(proxy.attempts("GetItem"))
                .as("3 attempts per call, then 503")
                .isEqualTo(3 + 3);
    }
}
