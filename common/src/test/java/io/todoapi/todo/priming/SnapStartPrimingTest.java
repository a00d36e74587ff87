package io.todoapi.todo.priming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.DynamoDbClients;
import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.http.ApiResponses;
import io.todoapi.todo.model.Timestamps;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.repository.DynamoDbTodoRepository;
import io.todoapi.todo.repository.TodoRepository;
import io.todoapi.todo.testing.Events;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The priming mechanism with a network that records and refuses every request: what priming runs goes through the
 * real SDK client, and nothing of it leaves the JVM. (Each handler module's {@code *PrimingIT} primes the real
 * handler against the local engine.)
 */
class SnapStartPrimingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T19:00:00Z"), ZoneOffset.UTC);

    private final RefusingNetwork network = new RefusingNetwork();
    private final OfflineSwitchHttpClient http = new OfflineSwitchHttpClient(network);
    private DynamoDbClient client;
    private TodoRepository todos;

    @BeforeEach
    void setUp() {
        client = DynamoDbClient.builder()
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .httpClient(http)
                .overrideConfiguration(DynamoDbClients.overrides())
                .build();
        todos = new DynamoDbTodoRepository(client, "todos");
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void answersEveryEventThroughTheSdkWithoutSendingAnything() {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> create =
                (event, context) -> Events.pipeline().handle(event, context, request -> {
                    Todo todo = request.newTodo().toTodo("019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f61", Timestamps.now(CLOCK));
                    return ApiResponses.created(request.idempotencyKey()
                            .map(key -> todos.create(
                                    request.owner(), todo, new TodoRepository.IdempotencyKey(key, "fingerprint")))
                            .orElseGet(() -> todos.create(request.owner(), todo)));
                });
        SnapStartPriming priming = new SnapStartPriming(
                create, PrimingEvents.createTodo(Events.FIXTURE_AUDIENCE), http, () -> {}, List.of(), "create", 1);

        priming.beforeCheckpoint(null);

        assertThat(priming.lastStatusCodes()).containsExactly(201, 201);
        // without a key one PutItem; with one, the key record and then the todo
        assertThat(priming.operationsAnsweredOffline()).isEqualTo(Map.of("PutItem", 3));
        assertThat(network.requests.get()).isZero();
    }

    @Test
    void unmarshalsTheCannedItemsOfReads() {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> list =
                (event, context) -> Events.pipeline()
                        .handle(
                                event,
                                context,
                                request -> ApiResponses.page(
                                        request.owner(),
                                        todos.list(request.owner(), request.limit(), request.pageStart())));
        SnapStartPriming priming = new SnapStartPriming(
                list, PrimingEvents.listTodos(Events.FIXTURE_AUDIENCE), http, () -> {}, List.of(), "list", 1);

        priming.beforeCheckpoint(null);

        assertThat(priming.lastStatusCodes()).containsExactly(200, 200);
        assertThat(priming.operationsAnsweredOffline()).isEqualTo(Map.of("Query", 2));
        assertThat(network.requests.get()).isZero();
    }

    @Test
    void answersItsEventsAsManyTimesAsItIsToldAndReportsTheLastAnswers() {
        AtomicInteger answered = new AtomicInteger();
        SnapStartPriming priming = new SnapStartPriming(
                (event, context) -> {
                    answered.incrementAndGet();
                    return new APIGatewayProxyResponseEvent().withStatusCode(answered.get() % 2 == 1 ? 200 : 304);
                },
                PrimingEvents.getTodo(Events.FIXTURE_AUDIENCE),
                http,
                () -> {},
                List.of(),
                "get",
                7);

        priming.beforeCheckpoint(null);

        assertThat(priming.iterations()).isEqualTo(7);
        assertThat(answered.get()).isEqualTo(14);
        assertThat(priming.lastStatusCodes()).containsExactly(200, 304);
    }

    @Test
    void withZeroIterationsAnswersNothingButStillChecksItsPrecondition() {
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        SnapStartPriming priming = new SnapStartPriming(
                (event, context) -> {
                    answered.incrementAndGet();
                    return new APIGatewayProxyResponseEvent().withStatusCode(200);
                },
                PrimingEvents.getTodo(Events.FIXTURE_AUDIENCE),
                http,
                checked::incrementAndGet,
                List.of(),
                "get",
                0);

        priming.beforeCheckpoint(null);

        assertThat(checked.get()).isEqualTo(1);
        assertThat(answered.get()).isZero();
        assertThat(priming.lastStatusCodes()).isEmpty();
    }

    @Test
    void takesTheIterationCountFromItsSystemPropertyOrTheDefault() {
        assertThat(SnapStartPriming.iterations(null)).isEqualTo(SnapStartPriming.DEFAULT_ITERATIONS);
        assertThat(SnapStartPriming.iterations(" ")).isEqualTo(SnapStartPriming.DEFAULT_ITERATIONS);
        assertThat(SnapStartPriming.iterations("250")).isEqualTo(250);
        assertThat(SnapStartPriming.iterations(" 0 ")).isZero();
        assertThatThrownBy(() -> SnapStartPriming.iterations("-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("todo.priming.iterations must be a whole number >= 0, not '-1'");
        assertThatThrownBy(() -> SnapStartPriming.iterations("many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("todo.priming.iterations must be a whole number >= 0, not 'many'");
    }

    @Test
    void readsTheIterationCountOnceWhenItIsBuilt() {
        String previous = System.getProperty(SnapStartPriming.ITERATIONS_PROPERTY);
        System.setProperty(SnapStartPriming.ITERATIONS_PROPERTY, "3");
        try {
            AtomicInteger answered = new AtomicInteger();
            SnapStartPriming priming = SnapStartPriming.register(
                    new Object(),
                    (event, context) -> {
                        answered.incrementAndGet();
                        return new APIGatewayProxyResponseEvent().withStatusCode(204);
                    },
                    PrimingEvents.deleteTodo(Events.FIXTURE_AUDIENCE),
                    http,
                    () -> {},
                    List.of(),
                    "delete");
            System.setProperty(SnapStartPriming.ITERATIONS_PROPERTY, "5");

            priming.beforeCheckpoint(null);

            assertThat(priming.iterations()).isEqualTo(3);
            assertThat(answered.get()).isEqualTo(3);
        } finally {
            if (previous == null) {
                System.clearProperty(SnapStartPriming.ITERATIONS_PROPERTY);
            } else {
                System.setProperty(SnapStartPriming.ITERATIONS_PROPERTY, previous);
            }
        }
    }

    @Test
    void goesBackOnlineAfterPriming() {
        SnapStartPriming priming = new SnapStartPriming(
                (event, context) -> new APIGatewayProxyResponseEvent().withStatusCode(200),
                PrimingEvents.getTodo(Events.FIXTURE_AUDIENCE),
                http,
                () -> {},
                List.of(),
                "get",
                SnapStartPriming.DEFAULT_ITERATIONS);
        priming.beforeCheckpoint(null);

        assertThatThrownBy(() -> todos.get("someone", "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f61"))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(network.requests.get())
                .as("attempts that reached the network")
                .isEqualTo(3);
    }

    @Test
    void aFailingPrimingDoesNotFailInitAndLeavesTheClientOnline() {
        SnapStartPriming priming = new SnapStartPriming(
                (event, context) -> {
                    throw new IllegalStateException("broken");
                },
                PrimingEvents.deleteTodo(Events.FIXTURE_AUDIENCE),
                http,
                () -> {},
                List.of(),
                "delete",
                SnapStartPriming.DEFAULT_ITERATIONS);

        priming.beforeCheckpoint(null);

        assertThat(priming.lastStatusCodes()).isEmpty();
        assertThatThrownBy(() -> todos.get("someone", "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f61"))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(network.requests.get())
                .as("attempts that reached the network")
                .isEqualTo(3);
    }

    @Test
    void runsTheRestoreActionsAfterRestore() {
        AtomicInteger reseeded = new AtomicInteger();
        SnapStartPriming priming = new SnapStartPriming(
                (event, context) -> new APIGatewayProxyResponseEvent().withStatusCode(200),
                PrimingEvents.getTodo(Events.FIXTURE_AUDIENCE),
                http,
                () -> {},
                List.of(reseeded::incrementAndGet),
                "get",
                SnapStartPriming.DEFAULT_ITERATIONS);

        priming.afterRestore(null);

        assertThat(reseeded.get()).isEqualTo(1);
    }

    /** Counts the requests that reach it and answers none of them (an unreachable DynamoDB). */
    private static final class RefusingNetwork implements SdkHttpClient {
        private final AtomicInteger requests = new AtomicInteger();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            requests.incrementAndGet();
            return new ExecutableHttpRequest() {
                @Override
                public software.amazon.awssdk.http.HttpExecuteResponse call() throws IOException {
                    throw new IOException("no network in this test");
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public String clientName() {
            return "RefusingNetwork";
        }

        @Override
        public void close() {}
    }
}
