package io.todoapi.todo.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of a DynamoDB endpoint (dynalite) that fails chosen requests the ways DynamoDB and
 * networks fail, per operation ({@code X-Amz-Target}, e.g. {@code UpdateItem}). local-api uses it through
 * {@code --dynamodb-endpoint}, so the real handlers, their SDK client, retry strategy and timeouts, and the API
 * Gateway emulation all run unchanged. Faults before the table (throttling, 5xx, reset, hang) never reach the
 * engine; the *_AFTER_APPLY faults forward the request (it is applied) and then lose the response. Listens on
 * 127.0.0.1 only; close it to stop.
 */
final class DynamoDbFaultProxy implements AutoCloseable {

    /** How a planned request fails. */
    enum Fault {
        PROVISIONED_THROUGHPUT_EXCEEDED(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException"),
        THROTTLING(400, "com.amazon.coral.availability#ThrottlingException"),
        INTERNAL_SERVER_ERROR(500, "com.amazonaws.dynamodb.v20120810#InternalServerError"),
        SERVICE_UNAVAILABLE(503, "com.amazon.coral.availability#ServiceUnavailableException"),
        /** The connection closes before any response; the request never reached the table. */
        CONNECTION_RESET(0, null),
        /** No response until the client gives up; the request never reached the table. */
        HANG(0, null),
        /** The request is applied, then the connection closes before the response. */
        RESET_AFTER_APPLY(0, null),
        /** The request is applied, then no response comes until the client gives up. */
        TIMEOUT_AFTER_APPLY(0, null);

        final int status;
        final String type;

        Fault(int status, String type) {
            this.status = status;
            this.type = type;
        }
    }

    /** How long a hanging response waits: far beyond the SDK's 2 s attempt timeout. */
    private static final Duration HANG = Duration.ofSeconds(20);

    private static final Set<String> HOP_BY_HOP =
            Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient forward = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, Deque<Fault>> plans = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);

    private DynamoDbFaultProxy(URI target) throws IOException {
        this.target = target;
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicInteger());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A proxy on a free 127.0.0.1 port in front of {@code target}. */
    static DynamoDbFaultProxy start(URI target) throws IOException {
        return new DynamoDbFaultProxy(target);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next requests of {@code operation} (e.g. "PutItem") fail with {@code faults}, in order. */
    synchronized void failNext(String operation, Fault... faults) {
        plans.computeIfAbsent(operation, name -> new ArrayDeque<>()).addAll(List.of(faults));
    }

    /** Forgets every planned fault and every attempt count. */
    synchronized void heal() {
        plans.clear();
        attempts.clear();
    }

    /** Requests of {@code operation} seen since the last {@link #heal()}, faulted or not. */
    int attempts(String operation) {
        AtomicInteger count = attempts.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Faults injected since the proxy started, by kind. */
    Map<Fault, Integer> injected() {
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        injected.forEach((fault, count) -> counts.put(fault, count.get()));
        return counts;
    }

    private synchronized Fault next(String operation) {
        attempts.computeIfAbsent(operation, name -> new AtomicInteger()).incrementAndGet();
        Deque<Fault> plan = plans.get(operation);
        return plan == null ? null : plan.pollFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = amzTarget == null ? "" : amzTarget.substring(amzTarget.indexOf('.') + 1);
            Fault fault = next(operation);
            if (fault != null) {
                injected.get(fault).incrementAndGet();
            }
            if (fault == null || fault == Fault.RESET_AFTER_APPLY || fault == Fault.TIMEOUT_AFTER_APPLY) {
                HttpResponse<byte[]> response = forward(exchange, body);
                if (fault == null) {
                    response.headers().map().forEach((name, values) -> {
                        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                            exchange.getResponseHeaders().put(name, values);
                        }
                    });
                    send(exchange, response.statusCode(), response.body());
                    return;
                }
            }
            switch (fault) {
                case CONNECTION_RESET, RESET_AFTER_APPLY -> {
                    // closing the exchange before any response closes the connection: the client sees it drop
                }
                case HANG, TIMEOUT_AFTER_APPLY -> sleep(HANG);
                default -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
                    exchange.getResponseHeaders().set("x-amzn-RequestId", "FAULT-PROXY");
                    send(
                            exchange,
                            fault.status,
                            ("{\"__type\":\"" + fault.type + "\",\"message\":\"Injected by DynamoDbFaultProxy\"}")
                                    .getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        target.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        forward.close();
    }
}
