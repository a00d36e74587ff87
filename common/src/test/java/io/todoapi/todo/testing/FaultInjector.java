package io.todoapi.todo.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * An HTTP client for the SDK that makes chosen attempts fail the way DynamoDB and networks fail: an error
 * response (throttling, 500), a reset connection, or a hang past the attempt timeout. A faulted attempt never
 * reaches the engine (a throttled DynamoDB request has no effect either); every other attempt goes to the real
 * engine through the URL-connection client. The SDK's retry strategy, timeouts and error parsing all run for real,
 * once per HTTP attempt.
 */
public final class FaultInjector implements SdkHttpClient {

    /** How a faulted attempt fails. */
    public enum Fault {
        PROVISIONED_THROUGHPUT_EXCEEDED(400, "ProvisionedThroughputExceededException"),
        THROTTLING(400, "ThrottlingException"),
        REQUEST_LIMIT_EXCEEDED(400, "RequestLimitExceeded"),
        INTERNAL_SERVER_ERROR(500, "InternalServerError"),
        SERVICE_UNAVAILABLE(503, "ServiceUnavailable"),
        /** The connection breaks before a response arrives. */
        CONNECTION_RESET(0, null),
        /** The attempt hangs (until the SDK's attempt timeout aborts it, or {@link #HANG_MILLIS}). */
        HANG(0, null);

        private final int status;
        private final String errorType;

        Fault(int status, String errorType) {
            this.status = status;
            this.errorType = errorType;
        }
    }

    public static final long HANG_MILLIS = 30_000;

    private final SdkHttpClient delegate = UrlConnectionHttpClient.create();
    private final AtomicInteger passing = new AtomicInteger();
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile Fault fault = Fault.THROTTLING;

    /** Fails the next {@code count} attempts with {@code fault}. */
    public void failNext(int count, Fault fault) {
        failAfter(0, count, fault);
    }

    /** Lets the next {@code pass} attempts through, then fails {@code count} attempts with {@code fault}. */
    public void failAfter(int pass, int count, Fault fault) {
        this.fault = fault;
        passing.set(pass);
        remaining.set(count);
    }

    /** Stops injecting. */
    public void heal() {
        failNext(0, Fault.THROTTLING);
    }

    /** HTTP attempts seen (faulted or not) since the last {@link #resetAttempts()}. */
    public int attempts() {
        return attempts.get();
    }

    /** Faults injected since this injector was made. */
    public int injected() {
        return injected.get();
    }

    public void resetAttempts() {
        attempts.set(0);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        attempts.incrementAndGet();
        if (passing.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || remaining.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return delegate.prepareRequest(request);
        }
        injected.incrementAndGet();
        Fault current = fault;
        return new ExecutableHttpRequest() {
            private volatile Thread caller;

            @Override
            public HttpExecuteResponse call() throws IOException {
                switch (current) {
                    case HANG -> {
                        caller = Thread.currentThread();
                        try {
                            Thread.sleep(HANG_MILLIS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new InterruptedIOException("aborted while hanging");
                        }
                        throw new IOException("hung for " + HANG_MILLIS + " ms");
                    }
                    case CONNECTION_RESET -> throw new java.net.SocketException("Connection reset (injected)");
                    default -> {
                        byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + current.errorType
                                        + "\",\"message\":\"Injected by FaultInjector\"}")
                                .getBytes(StandardCharsets.UTF_8);
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpResponse.builder()
                                        .statusCode(current.status)
                                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                                        .putHeader("Content-Length", Integer.toString(body.length))
                                        .putHeader("x-amzn-RequestId", "INJECTED")
                                        .build())
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                                .build();
                    }
                }
            }

            @Override
            public void abort() {
                Thread thread = caller;
                if (thread != null) {
                    thread.interrupt();
                }
            }
        };
    }

    @Override
    public String clientName() {
        return "FaultInjector";
    }

    @Override
    public void close() {
        delegate.close();
    }
}
