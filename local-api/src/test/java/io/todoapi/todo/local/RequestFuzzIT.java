package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Generated malformed and hostile requests against local-api (the real template.yaml and openapi.yaml, the five
 * functions, dynalite), sent byte for byte over plain sockets: wrong types, huge numbers, deep nesting, duplicate
 * keys, invalid UTF-8, oversized bodies and headers, traversal and injection in ids, header injection, every
 * method on every path, bad, expired and garbage tokens, hostile query parameters. Every response must be a
 * 4xx {@code application/problem+json} (or the documented success), never a 5XX, never a hang; the server stays
 * up; and afterwards the data set — read through the API and straight from the table — is exactly what the
 * successful requests made.
 *
 * <p>Reproducible: the seed is fixed ({@value #DEFAULT_SEED}) and printed; override with {@code -Dfuzz.seed=N},
 * and the number of requests with {@code -Dfuzz.requests=N}.
 */
class RequestFuzzIT {

    static final long DEFAULT_SEED = 20_261_124L;
    private static final long SEED = Long.getLong("fuzz.seed", DEFAULT_SEED);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 1500);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] USERS = {
        "alice-" + UUID.randomUUID(), "bob-" + UUID.randomUUID(), "carol-" + UUID.randomUUID()
    };

    private static RunningApi api;
    private static RawHttp http;

    /** What a generated request should get. */
    enum Expect {
        /** The documented success (2xx or 304). */
        SUCCESS,
        /** A 4xx problem. */
        CLIENT_ERROR,
        /** Either, depending on state the generator does not track; never a 5XX. */
        EITHER
    }

    /** One generated request, its category, the caller it authenticates as (or null), what it should get. */
    record Case(String category, RawHttp.Request request, String owner, Expect expect, Set<Integer> statuses) {
        static Case of(String category, RawHttp.Request request, String owner, Expect expect, Integer... statuses) {
            return new Case(category, request, owner, expect, Set.copyOf(java.util.Arrays.asList(statuses)));
        }
    }

    /**
     * The todos the successful requests made, per owner, as the API last returned them, by id (UUIDv7: creation
     * order, the order of the table's sort key and of the list).
     */
    private final Map<String, TreeMap<String, JsonNode>> model = new HashMap<>();
    /** Idempotency keys used per owner: key -> {body, id}. */
    private final Map<String, Map<String, String[]>> keys = new HashMap<>();

    private final Map<String, Integer> perCategory = new TreeMap<>();
    private final Map<Integer, Integer> perStatus = new TreeMap<>();
    private Random random;

    @BeforeAll
    static void start() throws IOException {
        api = RunningApi.start("--require-token", "--table", "todos-fuzz");
        http = new RawHttp("127.0.0.1", api.server.port(), Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    // ---- the run -------------------------------------------------------------------------------------------

    @Test
    void hostileRequestsGet4xxProblemsAndLeaveExactlyWhatTheValidOnesMade() throws Exception {
        System.out.println("RequestFuzzIT: seed " + SEED + " (reproduce with -Dfuzz.seed=" + SEED + "), " + REQUESTS
                + " requests (-Dfuzz.requests=N)");
        random = new Random(SEED);
        List<Supplier<Case>> generators = List.of(
                this::validCreate,
                this::validCreate,
                this::validPatch,
                this::invalidCreate,
                this::invalidCreate,
                this::invalidPatch,
                this::invalidPatch,
                this::hostilePath,
                this::anyMethodAnyPath,
                this::anyMethodAnyPath,
                this::listQuery,
                this::badToken,
                this::badToken,
                this::hostileHeaders,
                this::otherUsersTodo,
                this::validReadOrDelete);
        long slowest = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Case fuzz = generators.get(random.nextInt(generators.size())).get();
            RawHttp.Response response = http.send(fuzz.request());
            slowest = Math.max(slowest, response.millis());
            check(i, fuzz, response);
            if (i % 250 == 249) {
                assertAlive();
            }
        }
        // the few cases a uniform draw may miss, once each
        for (Case fuzz : List.of(tooLargeForApiGateway(), chunkedCreate())) {
            check(REQUESTS, fuzz, http.send(fuzz.request()));
        }
        System.out.println("RequestFuzzIT: by category " + perCategory + "; by status " + perStatus + "; slowest "
                + slowest + " ms");
        assertAlive();
        assertDataSetIsExactlyTheModel();
        assertThat(perCategory.values().stream().mapToInt(Integer::intValue).sum())
                .isGreaterThanOrEqualTo(Math.min(REQUESTS, 1000));
    }

    private void check(int index, Case fuzz, RawHttp.Response response) {
        perCategory.merge(fuzz.category(), 1, Integer::sum);
        perStatus.merge(response.status(), 1, Integer::sum);
        String what = "#" + index + " [" + fuzz.category() + "] "
                + fuzz.request().describe() + " -> " + response.status() + " " + cut(response.bodyText());
        assertThat(response.status()).as("a complete HTTP response: %s", what).isBetween(100, 599);
        assertThat(response.status()).as("never a 5XX: %s", what).isLessThan(500);
        if (!isUri(fuzz.request().target())) {
            // Not an origin-form request target (raw braces, broken percent-encoding, "//x" read as an authority):
            // the HTTP layer rejects it before any route (the JDK server locally, CloudFront/API Gateway when
            // deployed, each with its own body). Outside the API's contract, but still a 4xx, and nothing happened.
            assertThat(response.status()).as("HTTP layer: %s", what).isIn(400, 404);
            perCategory.merge("(rejected by the HTTP layer)", 1, Integer::sum);
            return;
        }
        for (String[] header : response.headers()) {
            assertThat(header[0])
                    .as("no injected response header: %s", what)
                    .isNotEqualToIgnoringCase("Set-Cookie")
                    .isNotEqualToIgnoringCase("X-Injected");
        }
        if (isWebAppPage(fuzz.request().method(), fuzz.request().target())) {
            // The web app's page (local-api serves it at / when it is on the class path): no API, no CORS.
            assertThat(response.status()).as("the web app: %s", what).isEqualTo(200);
            assertThat(response.header("Content-Security-Policy"))
                    .as("the web app: %s", what)
                    .isPresent();
            return;
        }
        if (!fuzz.request().method().equals("OPTIONS")) {
            assertThat(response.header("Access-Control-Allow-Origin"))
                    .as("CORS on every response: %s", what)
                    .isPresent();
        }
        boolean success = response.status() < 400;
        switch (fuzz.expect()) {
            case SUCCESS ->
                assertThat(success).as("documented success expected: %s", what).isTrue();
            case CLIENT_ERROR ->
                assertThat(success).as("a 4xx expected: %s", what).isFalse();
            case EITHER -> {}
        }
        if (!fuzz.statuses().isEmpty()) {
            assertThat(response.status()).as("status: %s", what).isIn(fuzz.statuses());
        }
        if (!success) {
            assertProblem(response, what);
        } else {
            assertThat(fuzz.owner()).as("a success needs a caller: %s", what).isNotNull();
            apply(fuzz, response, what);
        }
    }

    private static void assertProblem(RawHttp.Response response, String what) {
        assertThat(response.header("Content-Type"))
                .as("problem+json: %s", what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        if (response.body().length == 0) {
            return; // HEAD
        }
        JsonNode problem = parse(response.bodyText(), what);
        assertThat(problem.path("status").asInt()).as("status member: %s", what).isEqualTo(response.status());
        assertThat(problem.path("title").asText()).as("title: %s", what).isNotBlank();
        assertThat(response.bodyText())
                .as("no internals: %s", what)
                .doesNotContain("Exception", "\tat ", "software.amazon", "io.todoapi", "todos-fuzz", "dynalite");
    }

    /** Brings the model up to date with a success, and checks reads against it. */
    private void apply(Case fuzz, RawHttp.Response response, String what) {
        String method = fuzz.request().method().toUpperCase(Locale.ROOT); // local-api, like HTTP servers, folds case
        String path = fuzz.request().target().split("\\?")[0];
        TreeMap<String, JsonNode> todos = model.computeIfAbsent(fuzz.owner(), o -> new TreeMap<>());
        if (method.equals("OPTIONS") || method.equals("HEAD")) {
            return;
        }
        if (method.equals("POST") && response.status() == 201) {
            JsonNode todo = parse(response.bodyText(), what);
            assertThat(todo.get("version").asInt()).isEqualTo(1);
            todos.putIfAbsent(todo.get("id").asText(), todo); // an idempotent repeat answers the original
            String key = fuzz.request().headerValue("Idempotency-Key").orElse(null);
            if (key != null) {
                String[] earlier = keys.computeIfAbsent(fuzz.owner(), o -> new HashMap<>())
                        .putIfAbsent(key, new String[] {
                            new String(fuzz.request().body(), StandardCharsets.UTF_8),
                            todo.get("id").asText()
                        });
                if (earlier != null) {
                    assertThat(todo.get("id").asText())
                            .as("same key, same todo: %s", what)
                            .isEqualTo(earlier[1]);
                }
            }
            return;
        }
        String id = path.startsWith("/todos/") ? path.substring("/todos/".length()) : null;
        switch (method) {
            case "PATCH" -> {
                JsonNode todo = parse(response.bodyText(), what);
                assertThat(todos).as("patched a todo of the caller: %s", what).containsKey(id);
                assertThat(todo.get("version").asInt())
                        .isEqualTo(todos.get(id).get("version").asInt() + 1);
                todos.put(id, todo);
            }
            case "DELETE" -> {
                assertThat(response.status()).isEqualTo(204);
                assertThat(todos.remove(id))
                        .as("deleted a todo of the caller: %s", what)
                        .isNotNull();
            }
            case "GET" -> {
                if (response.status() == 304) {
                    return;
                }
                JsonNode body = parse(response.bodyText(), what);
                if (id != null) {
                    assertThat(body).as("GET agrees with the model: %s", what).isEqualTo(todos.get(id));
                } else if (!fuzz.request().target().contains("nextToken")) {
                    List<JsonNode> expected = new ArrayList<>(todos.values());
                    List<JsonNode> items = new ArrayList<>();
                    body.get("items").forEach(items::add);
                    assertThat(items)
                            .as("list agrees with the model: %s", what)
                            .containsExactlyElementsOf(expected.subList(0, items.size()));
                }
            }
            default -> throw new AssertionError("unexpected success: " + what);
        }
    }

    private void assertAlive() {
        for (String user : USERS) {
            var response = api.send("GET", "/todos?limit=1", null, "Authorization", Tokens.bearer(user));
            assertThat(response.statusCode()).as("the server is still up").isEqualTo(200);
        }
    }

    /** Every owner's list (through the API) and the whole table (straight from the engine) match the model. */
    private void assertDataSetIsExactlyTheModel() {
        int expectedItems = 0;
        for (Map.Entry<String, TreeMap<String, JsonNode>> owner : model.entrySet()) {
            List<JsonNode> listed = new ArrayList<>();
            String next = null;
            do {
                var response = api.send(
                        "GET",
                        "/todos?limit=100" + (next == null ? "" : "&nextToken=" + next),
                        null,
                        "Authorization",
                        Tokens.bearer(owner.getKey()));
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode page = parse(response.body(), "final list");
                page.get("items").forEach(listed::add);
                next = page.has("nextToken") ? page.get("nextToken").asText() : null;
            } while (next != null);
            assertThat(listed)
                    .as("%s's todos", owner.getKey())
                    .containsExactlyElementsOf(owner.getValue().values());
            expectedItems += owner.getValue().size();
        }
        try (DynamoDbClient engine = DynamoDbClient.builder()
                .endpointOverride(api.server.dynamodbEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build()) {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            engine.scanPaginator(b -> b.tableName(api.server.tableName()))
                    .items()
                    .forEach(items::add);
            List<Map<String, AttributeValue>> todoItems = items.stream()
                    .filter(item -> item.get("sk").s().startsWith("TODO#"))
                    .toList();
            assertThat(todoItems).as("todo items in the table").hasSize(expectedItems);
            for (Map<String, AttributeValue> item : items) {
                String owner = item.get("pk").s().substring("USER#".length());
                assertThat(model)
                        .as("every item belongs to a caller that made it")
                        .containsKey(owner);
            }
            System.out.println("RequestFuzzIT: data set " + expectedItems + " todos of " + model.size() + " callers, "
                    + (items.size() - todoItems.size()) + " idempotency records");
        }
    }

    // ---- generators ----------------------------------------------------------------------------------------

    private String user() {
        return USERS[random.nextInt(USERS.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** An existing todo id of {@code owner}, or a fresh UUIDv7-looking id when it has none. */
    private String ownId(String owner) {
        TreeMap<String, JsonNode> todos = model.get(owner);
        if (todos == null || todos.isEmpty()) {
            return randomId();
        }
        return pick(new ArrayList<>(todos.keySet()));
    }

    private String randomId() {
        UUID uuid = new UUID(
                (random.nextLong() & ~0xF000L) | 0x7000L,
                (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L);
        return uuid.toString();
    }

    private String title() {
        StringBuilder out = new StringBuilder(pick("Buy", "Call", "Fix", "Read", "Write", "עברית", "日本語", "Café"));
        int words = random.nextInt(6);
        for (int i = 0; i < words; i++) {
            out.append(' ')
                    .append(pick(
                            "milk",
                            "the",
                            "bike",
                            "e\u0301",
                            "\uD83D\uDE00",
                            "\u202Eevil",
                            "tax",
                            "<b>",
                            "'; DROP TABLE todos; --",
                            "${jndi:ldap://x}",
                            "{{7*7}}",
                            "%s%n",
                            "\u200D",
                            "مرحبا"));
        }
        return out.toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private String validNewTodo() {
        List<String> members = new ArrayList<>(List.of("\"title\":" + quote(title())));
        if (random.nextBoolean()) {
            members.add("\"description\":" + quote(title() + "\n" + title()));
        }
        if (random.nextBoolean()) {
            members.add("\"completed\":" + random.nextBoolean());
        }
        if (random.nextBoolean()) {
            members.add("\"dueDate\":\"20" + (26 + random.nextInt(10)) + "-0" + (1 + random.nextInt(9)) + "-1"
                    + random.nextInt(10) + "\"");
        }
        java.util.Collections.shuffle(members, random);
        return "{" + String.join(",", members) + "}";
    }

    private RawHttp.Request authorized(String method, String target, String owner) {
        return RawHttp.Request.of(method, target).header("Authorization", Tokens.bearer(owner));
    }

    private Case validCreate() {
        String owner = user();
        String body = validNewTodo();
        RawHttp.Request request = authorized("POST", "/todos", owner)
                .header(
                        "Content-Type",
                        pick("application/json", "application/json; charset=utf-8", "Application/JSON"));
        Map<String, String[]> used = keys.getOrDefault(owner, Map.of());
        int keyChoice = random.nextInt(8);
        if (keyChoice == 0 && !used.isEmpty()) {
            Map.Entry<String, String[]> earlier = pick(new ArrayList<>(used.entrySet()));
            boolean same = random.nextBoolean();
            request.header("Idempotency-Key", earlier.getKey());
            if (same) {
                return Case.of("create-repeat-key", request.body(earlier.getValue()[0]), owner, Expect.SUCCESS, 201);
            }
            // a different request under the same key (whitespace or member order alone would be the same request)
            return Case.of("create-reused-key", request.body(body), owner, Expect.CLIENT_ERROR, 422);
        }
        if (keyChoice <= 2) {
            request.header("Idempotency-Key", "k-" + Long.toHexString(random.nextLong()));
        }
        return Case.of("create-valid", request.body(body), owner, Expect.SUCCESS, 201);
    }

    /** Bodies that break the contract; each is a 400 (the first ones as a create and as a patch). */
    private String hostileBody() {
        int depth = 1 + random.nextInt(3000);
        return pick(
                "{\"title\":" + pick("1", "true", "null", "[]", "{}", "[\"a\"]", "1.5e308", "-0") + "}",
                "{\"title\":\"ok\",\"completed\":" + pick("\"true\"", "1", "0", "null", "\"yes\"", "[]") + "}",
                "{\"title\":\"ok\",\"dueDate\":"
                        + pick(
                                "20261201",
                                "\"2026-02-30\"",
                                "\"26-1-1\"",
                                "\"2026-1-01\"",
                                "\"2026-12-01T00:00:00Z\"",
                                "\"tomorrow\"",
                                "\"+12026-01-01\"")
                        + "}",
                "{\"title\":\"ok\",\"description\":" + pick("5", "false", "[\"x\"]", "{\"a\":1}") + "}",
                "{\"title\":" + "9".repeat(1 + random.nextInt(2000)) + "}",
                "{\"title\":\"x\",\"completed\":1e" + random.nextInt(1_000_000) + "}",
                "{\"title\":" + "[".repeat(depth) + "]".repeat(depth) + "}",
                "{\"title\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}",
                "{\"title\":\"a\",\"title\":\"b\"}",
                "{\"title\":\"a\",\"t\\u0069tle\":\"b\"}",
                "{\"title\":\"x\",\"" + pick("id", "version", "createdAt", "updatedAt") + "\":"
                        + pick("\"x\"", "1", "null") + "}",
                "{\"title\":\"x\",\""
                        + pick("owner", "pk", "sk", "userId", "__proto__", "constructor", "Title", "title ", "$where")
                        + "\":\"x\"}",
                "{\"title\":" + quote("x".repeat(201)) + "}",
                "{\"title\":\"x\",\"description\":" + quote("y".repeat(2001)) + "}",
                "{\"title\":"
                        + pick(
                                "\"\"",
                                "\"   \"",
                                "\"\\u0000\"",
                                "\"a\\u0000b\"",
                                "\"\\ud800\"",
                                "\"\\udfff x\"",
                                "\"line\\nbreak\"",
                                "\"tab\\tbed\"",
                                "\"\\u2028\"",
                                "\"\\u0085\"",
                                "\"\\u001b[31mred\"")
                        + "}",
                pick(
                        "",
                        " ",
                        "null",
                        "[]",
                        "\"str\"",
                        "1",
                        "true",
                        "{",
                        "}",
                        "{\"title\":\"x\"",
                        "{\"title\":\"x\"}}",
                        "{\"title\":\"x\"} {}",
                        "{'title':'x'}",
                        "{title:\"x\"}",
                        "{\"title\":\"x\",}",
                        "{\"title\":NaN}",
                        "{\"title\":\"x\"}//",
                        "<todo><title>x</title></todo>",
                        "title=x"));
    }

    private byte[] invalidUtf8Body() {
        byte[] bad = pick(
                new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80},
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {0});
        byte[] prefix = "{\"title\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(bad, 0, body, prefix.length, bad.length);
        System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
        if (random.nextInt(4) == 0) {
            return pick(
                    new byte[] {0, 0, 0, '{', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
                    new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},
                    "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_16LE));
        }
        return body;
    }

    private Case invalidCreate() {
        String owner = user();
        RawHttp.Request request = authorized("POST", "/todos", owner);
        return switch (random.nextInt(10)) {
            case 0 ->
                Case.of(
                        "create-invalid-utf8",
                        request.header("Content-Type", "application/json").body(invalidUtf8Body()),
                        owner,
                        Expect.CLIENT_ERROR,
                        400);
            case 1 ->
                Case.of(
                        "create-too-large",
                        request.header("Content-Type", "application/json")
                                .body("{\"title\":\"x\",\"description\":" + quote("z".repeat(16 * 1024)) + "}"),
                        owner,
                        Expect.CLIENT_ERROR,
                        400,
                        413);
            case 2 ->
                Case.of(
                        "create-content-type",
                        request.header(
                                        "Content-Type",
                                        pick(
                                                "text/plain",
                                                "application/xml",
                                                "application/json; charset=latin1",
                                                "multipart/form-data; boundary=x",
                                                "application/x-www-form-urlencoded",
                                                "application/merge-patch+json",
                                                "*/*",
                                                "json"))
                                .body(validNewTodo()),
                        owner,
                        Expect.CLIENT_ERROR,
                        400,
                        415);
            case 3 ->
                Case.of("create-no-content-type", request.body(validNewTodo()), owner, Expect.CLIENT_ERROR, 400, 415);
            case 4 ->
                Case.of(
                        "create-bad-idempotency-key",
                        request.header("Content-Type", "application/json")
                                .header(
                                        "Idempotency-Key",
                                        pick(
                                                "has space",
                                                "ключ",
                                                "a/b",
                                                "x".repeat(129),
                                                "k;drop",
                                                "\\u0000",
                                                "../../etc"))
                                .body(validNewTodo()),
                        owner,
                        Expect.CLIENT_ERROR,
                        400);
            case 5 ->
                Case.of(
                        "create-truncated",
                        request.header("Content-Type", "application/json")
                                .header("Content-Length", "5")
                                .noAutoLength()
                                .body(validNewTodo()),
                        owner,
                        Expect.CLIENT_ERROR,
                        400);
            default ->
                Case.of(
                        "create-hostile-json",
                        request.header("Content-Type", "application/json").body(hostileBody()),
                        owner,
                        Expect.CLIENT_ERROR,
                        400);
        };
    }

    private String validPatchBody() {
        List<String> members = new ArrayList<>();
        while (members.isEmpty()) {
            if (random.nextBoolean()) {
                members.add("\"title\":" + quote(title()));
            }
            if (random.nextBoolean()) {
                members.add("\"description\":" + (random.nextBoolean() ? "null" : quote(title())));
            }
            if (random.nextBoolean()) {
                members.add("\"completed\":" + random.nextBoolean());
            }
            if (random.nextInt(3) == 0) {
                members.add("\"dueDate\":"
                        + (random.nextBoolean()
                                ? "null"
                                : "\"2027-0" + (1 + random.nextInt(9)) + "-2" + random.nextInt(9) + "\""));
            }
        }
        return "{" + String.join(",", members) + "}";
    }

    private Case validPatch() {
        String owner = user();
        TreeMap<String, JsonNode> todos = model.get(owner);
        if (todos == null || todos.isEmpty()) {
            return validCreate();
        }
        String id = ownId(owner);
        RawHttp.Request request = authorized("PATCH", "/todos/" + id, owner)
                .header("Content-Type", pick("application/merge-patch+json", "application/json"));
        if (random.nextBoolean()) {
            request.header(
                    "If-Match",
                    pick(
                            "\"" + todos.get(id).get("version").asInt() + "\"",
                            "*",
                            "W/\"0\", \"" + todos.get(id).get("version").asInt() + "\""));
        }
        return Case.of("patch-valid", request.body(validPatchBody()), owner, Expect.SUCCESS, 200);
    }

    private Case invalidPatch() {
        String owner = user();
        String id = ownId(owner);
        RawHttp.Request request = authorized("PATCH", "/todos/" + id, owner);
        boolean exists = model.getOrDefault(owner, new TreeMap<>()).containsKey(id);
        return switch (random.nextInt(9)) {
            case 0 ->
                Case.of(
                        "patch-empty",
                        request.header("Content-Type", "application/merge-patch+json")
                                .body(pick("{}", "{ }", "\n{}\n")),
                        owner,
                        Expect.CLIENT_ERROR,
                        400,
                        exists ? 400 : 404);
            case 1 ->
                Case.of(
                        "patch-remove-required",
                        request.header("Content-Type", "application/merge-patch+json")
                                .body(pick(
                                        "{\"title\":null}",
                                        "{\"completed\":null}",
                                        "{\"title\":null,\"description\":null}")),
                        owner,
                        Expect.CLIENT_ERROR,
                        400,
                        404);
            case 2 ->
                Case.of(
                        "patch-stale-if-match",
                        request.header("Content-Type", "application/merge-patch+json")
                                .header("If-Match", pick("\"0\"", "\"999999\"", "W/\"1\"", "\"-1\"", "\"abc\""))
                                .body(validPatchBody()),
                        owner,
                        Expect.CLIENT_ERROR,
                        412,
                        404);
            case 3 ->
                Case.of(
                        "patch-bad-if-match",
                        request.header("Content-Type", "application/merge-patch+json")
                                .header(
                                        "If-Match",
                                        pick("1", "\"1", "1\"", "\"\"\"", "W/1", "\"1\",", ",", "\"1\" \"2\""))
                                .body(validPatchBody()),
                        owner,
                        Expect.CLIENT_ERROR,
                        400,
                        404,
                        412);
            case 4 ->
                Case.of(
                        "patch-content-type",
                        request.header(
                                        "Content-Type",
                                        pick(
                                                "text/plain",
                                                "application/json-patch+json",
                                                "application/merge-patch+json; charset=utf-16",
                                                "application/xml"))
                                .body(validPatchBody()),
                        owner,
                        Expect.CLIENT_ERROR,
                        400,
                        415);
            case 5 ->
                Case.of(
                        "patch-invalid-utf8",
                        request.header("Content-Type", "application/merge-patch+json")
                                .body(invalidUtf8Body()),
                        owner,
                        Expect.CLIENT_ERROR,
                        400,
                        404);
            case 6 ->
                Case.of(
                        "patch-missing-todo",
                        authorized("PATCH", "/todos/" + randomId(), owner)
                                .header("Content-Type", "application/merge-patch+json")
                                .body(validPatchBody()),
                        owner,
                        Expect.CLIENT_ERROR,
                        404);
            default ->
                Case.of(
                        "patch-hostile-json",
                        request.header("Content-Type", "application/merge-patch+json")
                                .body(hostileBody()),
                        owner,
                        Expect.CLIENT_ERROR,
                        400,
                        404);
        };
    }

    /** Ids and paths an attacker would try; as raw request targets. */
    private String hostileTarget(String owner) {
        String id = ownId(owner);
        return pick(
                "/todos/../todos",
                "/todos/..%2F..%2Fetc%2Fpasswd",
                "/todos/%2e%2e",
                "/todos/%2e%2e%2ftodos",
                "/todos/" + id.toUpperCase(Locale.ROOT),
                "/todos/" + id + "%00",
                "/todos/" + id + "%0d%0aX-Injected:%201",
                "/todos/not-a-uuid",
                "/todos/'%20OR%20'1'%3D'1",
                "/todos/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "/todos/" + "a".repeat(random.nextInt(4000)),
                "/todos/%zz",
                "/todos/%c0%af",
                "/todos/%ff%fe",
                "/todos/%E2%80%AE" + id,
                "/todos/" + id + "/",
                "/todos//" + id,
                "/todos/" + id + "/extra",
                "/todos/" + id + ";jsessionid=1",
                "/todos/" + id.replace('-', '_'),
                "/todos/{todoId}",
                "/todos/%7BtodoId%7D",
                "/todos/USER%23" + owner,
                "/todos/TODO%23" + id,
                "/todos/*",
                "/todos/%20",
                "/todos/" + UUID.randomUUID(),
                "//todos",
                "/TODOS/" + id,
                "/todos/" + id + "%2F..%2F" + randomId());
    }

    private Case hostilePath() {
        String owner = user();
        String method = pick("GET", "PATCH", "DELETE");
        RawHttp.Request request = authorized(method, hostileTarget(owner), owner);
        if (method.equals("PATCH")) {
            request.header("Content-Type", "application/merge-patch+json").body(validPatchBody());
        }
        return Case.of("path-hostile", request, owner, Expect.CLIENT_ERROR);
    }

    private Case anyMethodAnyPath() {
        String owner = user();
        String method = pick("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO");
        String own = model.getOrDefault(owner, new TreeMap<>()).isEmpty() ? null : ownId(owner);
        String path = pick(
                "/",
                "/todos",
                "/todos/",
                own == null ? "/todos/" + randomId() : "/todos/" + own,
                "/todos/" + randomId(),
                "/todos/x/y",
                "/nope",
                "/TODOS",
                "/todos?limit=5",
                "/todos/" + randomId() + "/..",
                "/.env",
                "/admin");
        RawHttp.Request request = authorized(method, path, owner);
        boolean withBody = random.nextBoolean();
        if (withBody) {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                    .body(method.equals("PATCH") ? validPatchBody() : validNewTodo());
        }
        if (method.equals("OPTIONS")) {
            request.header("Origin", "https://app.example").header("Access-Control-Request-Method", "PATCH");
        }
        String bare = path.split("\\?")[0];
        boolean collection = bare.equals("/todos");
        boolean ownTodo = own != null && bare.equals("/todos/" + own);
        Expect expect;
        if (method.equals("OPTIONS") && (collection || bare.matches("/todos/[0-9a-f-]{36}"))) {
            expect = Expect.SUCCESS;
        } else if (isWebAppPage(method, path)) {
            expect = Expect.SUCCESS;
        } else if (method.equals("GET") && (collection || ownTodo)) {
            expect = Expect.SUCCESS;
        } else if (method.equals("POST") && collection) {
            expect = withBody ? Expect.SUCCESS : Expect.CLIENT_ERROR;
        } else if (method.equals("PATCH") && ownTodo) {
            expect = withBody ? Expect.SUCCESS : Expect.CLIENT_ERROR;
        } else if (method.equals("DELETE") && ownTodo) {
            expect = Expect.SUCCESS;
        } else {
            expect = Expect.CLIENT_ERROR;
        }
        return Case.of("method-" + method + "-path", request, owner, expect);
    }

    private Case listQuery() {
        String owner = user();
        String query = pick(
                "limit=0",
                "limit=-1",
                "limit=101",
                "limit=1e2",
                "limit=abc",
                "limit=99999999999",
                "limit=",
                "limit=%20",
                "limit=10&limit=200",
                "limit=1.5",
                "limit=0x10",
                "limit=%00",
                "nextToken=garbage",
                "nextToken=",
                "nextToken=" + "A".repeat(500),
                "nextToken=%ff",
                "nextToken=AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "nextToken=" + foreignToken(owner),
                "nextToken=..%2F..%2F",
                "limit=5",
                "limit=100",
                "limit=1",
                "unknown=1",
                "limit=7&x=%zz");
        boolean valid = query.equals("limit=5")
                || query.equals("limit=100")
                || query.equals("limit=1")
                || query.equals("unknown=1");
        RawHttp.Request request = authorized("GET", "/todos?" + query, owner);
        return Case.of(
                "list-query",
                request,
                owner,
                valid ? Expect.SUCCESS : Expect.CLIENT_ERROR,
                valid ? new Integer[] {200} : new Integer[] {400});
    }

    /** A real nextToken, issued to another user. */
    private String foreignToken(String owner) {
        for (String other : USERS) {
            if (!other.equals(owner)
                    && model.getOrDefault(other, new TreeMap<>()).size() > 1) {
                var response = api.send("GET", "/todos?limit=1", null, "Authorization", Tokens.bearer(other));
                JsonNode page = parse(response.body(), "foreign token");
                if (page.has("nextToken")) {
                    return page.get("nextToken").asText();
                }
            }
        }
        return "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    }

    private Case badToken() {
        String target = pick("/todos", "/todos/" + randomId(), "/todos?limit=5");
        String method = target.startsWith("/todos/") ? pick("GET", "PATCH", "DELETE") : pick("GET", "POST");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String victim = user();
        String authorization = pick(
                null,
                "",
                "Bearer",
                "Bearer ",
                "Bearer x",
                "Basic dXNlcjpwYXNz",
                "Bearer a.b.c",
                "Bearer ..",
                "Bearer " + Tokens.jwt("{\"sub\":\"" + victim + "\",\"exp\":1000}"),
                "Bearer "
                        + Tokens.jwt(
                                "{\"sub\":\"" + victim + "\",\"exp\":" + (System.currentTimeMillis() / 1000 - 5) + "}"),
                "Bearer " + Tokens.jwt("{\"exp\":4102444800}"),
                "Bearer " + Tokens.jwt("{\"sub\":\"\",\"exp\":4102444800}"),
                "Bearer " + Tokens.jwt("{\"sub\":123}"),
                "Bearer " + Tokens.jwt("{\"sub\":null}"),
                "Bearer " + Tokens.jwt("{\"sub\":[\"" + victim + "\"]}"),
                "Bearer " + Tokens.jwt("[\"sub\"]"),
                "Bearer " + Tokens.jwt("not json"),
                "Bearer " + Tokens.jwt("{\"sub\":\"" + "x".repeat(300) + "\"}"),
                "Bearer " + Tokens.jwt("{\"sub\":\"a\\u0000b\"}"),
                "Bearer " + Tokens.jwt("{\"sub\":\"tab\\there\"}"),
                "Bearer " + b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                        + b64.encodeToString(
                                ("{\"sub\":\"" + victim + "\",\"exp\":1}").getBytes(StandardCharsets.UTF_8))
                        + ".",
                "Bearer " + "A".repeat(8000),
                "Bearer %00",
                "Bearer " + Tokens.bearer(victim).substring(7, 40));
        RawHttp.Request request = RawHttp.Request.of(method, target);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (method.equals("POST") || method.equals("PATCH")) {
            request.header("Content-Type", method.equals("POST") ? "application/json" : "application/merge-patch+json")
                    .body(validNewTodo());
        }
        return Case.of("token-bad", request, null, Expect.CLIENT_ERROR, 401, 403);
    }

    private Case hostileHeaders() {
        String owner = user();
        RawHttp.Request request = authorized("POST", "/todos", owner).header("Content-Type", "application/json");
        return switch (random.nextInt(6)) {
            case 0 ->
                Case.of(
                        "header-oversized",
                        request.header("X-Padding", "p".repeat(8 * 1024 * (1 + random.nextInt(4))))
                                .body(validNewTodo()),
                        owner,
                        Expect.SUCCESS,
                        201);
            case 1 -> {
                for (int i = 0; i < 80; i++) {
                    request.header("X-Many-" + i, "v" + i);
                }
                yield Case.of("header-many", request.body(validNewTodo()), owner, Expect.SUCCESS, 201);
            }
            case 2 ->
                Case.of(
                        "header-injection",
                        request.header("X-Test", "a%0d%0aSet-Cookie:%20pwned=1")
                                .header("Origin", "https://evil.example\r\nX-Injected: 1")
                                .body(validNewTodo()),
                        owner,
                        Expect.SUCCESS,
                        201);
            case 3 ->
                Case.of(
                        "header-spoofing",
                        request.header("X-Forwarded-For", "10.0.0.1, 127.0.0.1")
                                .header("X-Amzn-Trace-Id", "Root=1-evil")
                                .header("X-Forwarded-User", "admin")
                                .header("X-Amz-Security-Token", "stolen")
                                .body(validNewTodo()),
                        owner,
                        Expect.SUCCESS,
                        201);
            case 4 ->
                Case.of(
                        "header-claims-smuggling",
                        authorized("GET", "/todos?limit=100", owner)
                                .header("X-Claims-Sub", user())
                                .header("Cognito-Sub", "someone"),
                        owner,
                        Expect.SUCCESS,
                        200);
            default ->
                Case.of(
                        "header-duplicate-content-type",
                        request.header("Content-Type", "text/plain").body(validNewTodo()),
                        owner,
                        Expect.EITHER,
                        201,
                        400,
                        415);
        };
    }

    private Case otherUsersTodo() {
        String victim = user();
        String attacker;
        do {
            attacker = user();
        } while (attacker.equals(victim));
        TreeMap<String, JsonNode> todos = model.get(victim);
        if (todos == null || todos.isEmpty()) {
            return validCreate();
        }
        String id = pick(new ArrayList<>(todos.keySet()));
        String method = pick("GET", "PATCH", "DELETE");
        RawHttp.Request request = authorized(method, "/todos/" + id, attacker);
        if (method.equals("PATCH")) {
            request.header("Content-Type", "application/merge-patch+json").body("{\"title\":\"pwned\"}");
        }
        if (random.nextBoolean()) {
            request.header("If-Match", "\"" + todos.get(id).get("version").asInt() + "\"");
        }
        return Case.of("bola-" + method, request, attacker, Expect.CLIENT_ERROR, 404);
    }

    private Case validReadOrDelete() {
        String owner = user();
        TreeMap<String, JsonNode> todos = model.get(owner);
        if (todos == null || todos.isEmpty()) {
            return validCreate();
        }
        String id = ownId(owner);
        int version = todos.get(id).get("version").asInt();
        return switch (random.nextInt(4)) {
            case 0 -> Case.of("get-own", authorized("GET", "/todos/" + id, owner), owner, Expect.SUCCESS, 200);
            case 1 ->
                Case.of(
                        "get-not-modified",
                        authorized("GET", "/todos/" + id, owner).header("If-None-Match", "\"" + version + "\""),
                        owner,
                        Expect.SUCCESS,
                        304);
            case 2 -> Case.of("list-own", authorized("GET", "/todos?limit=100", owner), owner, Expect.SUCCESS, 200);
            default ->
                Case.of(
                        "delete-own",
                        authorized("DELETE", "/todos/" + id, owner).header("If-Match", "\"" + version + "\""),
                        owner,
                        Expect.SUCCESS,
                        204);
        };
    }

    private Case tooLargeForApiGateway() {
        String owner = user();
        byte[] body = new byte[LocalApiServer.MAX_PAYLOAD_BYTES + 1];
        java.util.Arrays.fill(body, (byte) 'x');
        return Case.of(
                "body-over-10MB",
                authorized("POST", "/todos", owner)
                        .header("Content-Type", "application/json")
                        .body(body),
                owner,
                Expect.CLIENT_ERROR,
                413);
    }

    private Case chunkedCreate() {
        String owner = user();
        String body = validNewTodo();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String chunked = Integer.toHexString(bytes.length) + "\r\n" + body + "\r\n0\r\n\r\n";
        return Case.of(
                "create-chunked",
                authorized("POST", "/todos", owner)
                        .header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "chunked")
                        .noAutoLength()
                        .body(chunked),
                owner,
                Expect.SUCCESS,
                201);
    }

    /** A read of / while local-api serves the web app there (its test class path holds a small one). */
    private static boolean isWebAppPage(String method, String target) {
        return (method.equals("GET") || method.equals("HEAD")) && target.equals("/") && api.server.servesWebApp();
    }

    private static boolean isUri(String target) {
        try {
            java.net.URI uri = new java.net.URI(target);
            return uri.getRawAuthority() == null
                    && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static JsonNode parse(String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + e.getMessage() + "): " + what, e);
        }
    }

    private static String cut(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
