package io.todoapi.todo.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todoapi.todo.config.DynamoDbClients;
import io.todoapi.todo.error.TodoNotFoundException;
import io.todoapi.todo.error.VersionMismatchException;
import io.todoapi.todo.model.Change;
import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoPatch;
import io.todoapi.todo.testing.RecordingHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The HTTP requests the repository makes DynamoDB receive, for every operation of the five functions and the paths
 * after a failed condition, on the client the functions build ({@link DynamoDbClients#fromEnvironment}): method, URI,
 * headers and body, compared with {@code wire/dynamodb-requests.json}. That file was recorded from the repository on
 * the enhanced client and the SDK's client defaults, before the start-up cuts of issue 11; the cuts must leave every
 * request the same. Left out: what changes on
 * every call (the date, the signature, the invocation id, the token of an update), the parts of the User-Agent that
 * name the JDK, the OS and the SDK's version, and the order of JSON members, which DynamoDB does not read. Each run
 * writes what it saw to {@code target/wire/dynamodb-requests.json}, from which the file can be recorded again.
 */
class DynamoDbRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Set<String> CHANGING_HEADERS = Set.of("x-amz-date", "amz-sdk-invocation-id");
    /** The credential scope stays (key id, region, service); the date and the signature change. */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(AWS4-HMAC-SHA256 Credential=[^/]+/)\\d{8}(/[^,]+, SignedHeaders=[^,]+, Signature=)[0-9a-f]+");
    /** The User-Agent's list of SDK features in use ({@code m/E,AK,P,d,e}: standard retries, ...). */
    private static final Pattern USER_AGENT_METRICS = Pattern.compile("(?:^| )m/([^ ]+)");

    private static final String OWNER = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final Instant CREATED = Instant.parse("2026-11-24T19:02:53.123Z");
    private static final Todo TODO = new Todo(
            "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60",
            "Buy milk",
            "2 litres",
            false,
            LocalDate.of(2026, 12, 24),
            CREATED,
            CREATED,
            1);
    private static final String STORED_TODO = "{\"pk\":{\"S\":\"USER#" + OWNER + "\"},"
            + "\"sk\":{\"S\":\"TODO#" + TODO.id() + "\"},\"title\":{\"S\":\"Buy milk\"},"
            + "\"description\":{\"S\":\"2 litres\"},\"completed\":{\"BOOL\":false},\"dueDate\":{\"S\":\"2026-12-24\"},"
            + "\"createdAt\":{\"S\":\"2026-11-24T19:02:53.123Z\"},\"updatedAt\":{\"S\":\"2026-11-24T19:02:53.123Z\"},"
            + "\"version\":{\"N\":\"1\"}";
    private static final String FINGERPRINT = "3f8a0c9e";
    private static final TodoRepository.IdempotencyKey KEY = new TodoRepository.IdempotencyKey("order-42", FINGERPRINT);

    /** What this run saw, by scenario, for target/wire/dynamodb-requests.json. */
    private static final Map<String, JsonNode> SEEN = new TreeMap<>();

    private final Map<String, String> savedProperties = new LinkedHashMap<>();

    @BeforeEach
    void configure() {
        // As Lambda would: the functions read their configuration through FunctionEnvironment, which reads these
        // system properties before the environment.
        setProperty(DynamoDbClients.REGION_ENV, "us-east-1");
        setProperty(DynamoDbClients.ENDPOINT_ENV, null);
    }

    @AfterEach
    void restore() {
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @AfterAll
    static void writeWhatWasSeen() throws IOException {
        Path out = Path.of("target", "wire", "dynamodb-requests.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.writeValueAsString(SEEN));
    }

    @Test
    void createTodo() {
        assertRequests(
                "createTodo",
                http -> {},
                todos -> assertThat(todos.create(OWNER, TODO)).isEqualTo(TODO));
    }

    @Test
    void createTodoWhoseFirstAttemptWasAppliedButItsResponseLost() {
        assertRequests(
                "createTodo-retriedAfterLostResponse",
                http -> http.conditionFailed().answer(200, "{\"Item\":" + STORED_TODO + "}}"),
                todos -> assertThat(todos.create(OWNER, TODO)).isEqualTo(TODO));
    }

    @Test
    void createTodoWithIdempotencyKey() {
        assertRequests(
                "createTodo-idempotencyKey",
                http -> {},
                todos -> assertThat(todos.create(OWNER, TODO, KEY)).isEqualTo(TODO));
    }

    @Test
    void createTodoRepeatedWithTheSameIdempotencyKey() {
        String record = "{\"pk\":{\"S\":\"USER#" + OWNER + "\"},\"sk\":{\"S\":\"IDEMPOTENCY#order-42\"},"
                + "\"fingerprint\":{\"S\":\"" + FINGERPRINT + "\"},\"todo\":{\"M\":" + STORED_TODO + "}},"
                + "\"expiresAt\":{\"N\":\"" + (CREATED.getEpochSecond() + 86_400) + "\"}}";
        assertRequests(
                "createTodo-idempotencyKeyRepeated",
                http -> http.conditionFailed()
                        .answer(200, "{\"Item\":" + record + "}")
                        .conditionFailed(),
                todos -> assertThat(todos.create(OWNER, TODO, KEY)).isEqualTo(TODO));
    }

    @Test
    void getTodo() {
        assertRequests(
                "getTodo",
                http -> http.answer(200, "{\"Item\":" + STORED_TODO + "}}"),
                todos -> assertThat(todos.get(OWNER, TODO.id())).contains(TODO));
    }

    @Test
    void getTodoThatDoesNotExist() {
        assertRequests(
                "getTodo-absent",
                http -> {},
                todos -> assertThat(todos.get(OWNER, TODO.id())).isEmpty());
    }

    @Test
    void getTodoFromTheEndpointOverride() {
        setProperty(DynamoDbClients.ENDPOINT_ENV, "http://127.0.0.1:8000");
        assertRequests(
                "getTodo-endpointOverride",
                http -> http.answer(200, "{\"Item\":" + STORED_TODO + "}}"),
                todos -> assertThat(todos.get(OWNER, TODO.id())).contains(TODO));
    }

    @Test
    void listTodosFirstPage() {
        assertRequests(
                "listTodos",
                http -> http.answer(200, "{\"Items\":[" + STORED_TODO + "}],\"Count\":1}"),
                todos -> assertThat(todos.list(OWNER, 20, Optional.empty()).items())
                        .containsExactly(TODO));
    }

    @Test
    void listTodosNextPage() {
        assertRequests(
                "listTodos-nextPage",
                http -> http.answer(200, "{\"Items\":[],\"Count\":0}"),
                todos -> assertThat(todos.list(OWNER, 5, Optional.of(TODO.id())).items())
                        .isEmpty());
    }

    @Test
    void updateTodoWithIfMatch() {
        assertRequests(
                "updateTodo",
                http -> http.answer(200, "{\"Attributes\":" + STORED_TODO + "}}"),
                todos -> assertThat(todos.update(
                                OWNER,
                                TODO.id(),
                                new TodoPatch(
                                        Change.set("Buy oat milk"), Change.remove(), Change.set(true), Change.keep()),
                                Precondition.anyOf(Set.of(1L, 3L)),
                                CREATED.plusSeconds(60)))
                        .isEqualTo(TODO));
    }

    @Test
    void updateTodoWhoseIfMatchIsStale() {
        assertRequests(
                "updateTodo-stale",
                http -> http.conditionFailed().answer(200, "{\"Item\":" + STORED_TODO + "}}"),
                todos -> assertThatThrownBy(() -> todos.update(
                                OWNER,
                                TODO.id(),
                                new TodoPatch(
                                        Change.keep(),
                                        Change.keep(),
                                        Change.keep(),
                                        Change.set(LocalDate.of(2027, 1, 6))),
                                Precondition.anyOf(Set.of(7L)),
                                CREATED.plusSeconds(60)))
                        .isInstanceOf(VersionMismatchException.class));
    }

    @Test
    void deleteTodoCreatedWithAnIdempotencyKey() {
        String deleted = STORED_TODO + ",\"idempotencyKey\":{\"S\":\"order-42\"}}";
        assertRequests(
                "deleteTodo",
                http -> http.answer(200, "{\"Attributes\":" + deleted + "}"),
                todos -> todos.delete(OWNER, TODO.id(), Precondition.anyOf(Set.of(1L))));
    }

    @Test
    void deleteTodoThatDoesNotExist() {
        assertRequests(
                "deleteTodo-absent",
                http -> http.conditionFailed(),
                todos -> assertThatThrownBy(() -> todos.delete(OWNER, TODO.id(), Precondition.NONE))
                        .isInstanceOf(TodoNotFoundException.class));
    }

    private void assertRequests(
            String scenario, Consumer<RecordingHttpClient> answers, Consumer<TodoRepository> calls) {
        RecordingHttpClient http = new RecordingHttpClient();
        answers.accept(http);
        try (DynamoDbClient client = DynamoDbClients.fromEnvironment(http, credentials())) {
            calls.accept(new DynamoDbTodoRepository(client, "todos"));
        }
        ArrayNode requests = JSON.createArrayNode();
        http.requests().forEach(request -> requests.add(normalized(request)));
        SEEN.put(scenario, requests);
        JsonNode expected = expected().get(scenario);
        assertThat(expected).as("recorded requests of " + scenario).isNotNull();
        assertThat(requests).as(scenario).isEqualTo(expected);
    }

    private static ObjectNode normalized(RecordingHttpClient.Request request) {
        ObjectNode node = JSON.createObjectNode();
        node.put("method", request.method());
        node.put("uri", request.uri());
        ObjectNode headers = node.putObject("headers");
        request.headers().forEach((name, values) -> {
            if (name.equalsIgnoreCase("User-Agent")) {
                Matcher metrics = USER_AGENT_METRICS.matcher(values.getFirst());
                headers.put(name, metrics.find() ? metrics.group(1) : "");
            } else if (name.equalsIgnoreCase("x-amz-content-sha256")) {
                // Signed, so it must be the body's; the body itself is compared as JSON below.
                assertThat(values).containsExactly(sha256(request.body()));
                headers.put(name, "<SHA-256 of the body>");
            } else if (!CHANGING_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                String value = String.join(",", values);
                Matcher authorization = AUTHORIZATION.matcher(value);
                headers.put(
                        name,
                        authorization.matches()
                                ? authorization.group(1) + "<date>" + authorization.group(2) + "<signature>"
                                : value);
            }
        });
        try {
            JsonNode body = JSON.readTree(request.body());
            JsonNode writeToken = body.path("ExpressionAttributeValues").path(":lastWrite");
            if (writeToken instanceof ObjectNode token) {
                token.put("S", "<a random UUID per update call>");
            }
            node.set("body", body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return node;
    }

    private static String sha256(String body) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode expected() {
        try (InputStream in = DynamoDbRequestsTest.class.getResourceAsStream("/wire/dynamodb-requests.json")) {
            return in == null ? JSON.createObjectNode() : JSON.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAEXAMPLEKEYID", "secret", "session-token"));
    }

    private void setProperty(String name, String value) {
        savedProperties.putIfAbsent(name, System.getProperty(name));
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
