package io.todoapi.todo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The fault {@link FaultInjector} cannot make: the request reaches DynamoDB and is applied, then its response is
 * lost, by a reset connection or by a hang until the SDK's attempt timeout. The SDK sees a network failure and
 * retries a write that already happened, which is where double-applied patches, 412s against one's own write and
 * 500s on create come from. Chosen attempts are lost; every other attempt passes through untouched.
 */
public final class LostResponses implements SdkHttpClient {

    /** How the response of an applied attempt is lost. */
    public enum Mode {
        /** The connection resets after DynamoDB applied the request. */
        RESET_AFTER_APPLY,
        /** No response arrives after DynamoDB applied the request (the SDK's attempt timeout aborts the wait). */
        TIMEOUT_AFTER_APPLY
    }

    private final SdkHttpClient delegate = UrlConnectionHttpClient.create();
    private final AtomicInteger passing = new AtomicInteger();
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private volatile Mode mode = Mode.RESET_AFTER_APPLY;

    /** Lets {@code pass} attempts through, then loses the responses of the next {@code count} attempts. */
    public void loseAfter(int pass, int count, Mode mode) {
        this.mode = mode;
        passing.set(pass);
        remaining.set(count);
    }

    public void loseNext(int count, Mode mode) {
        loseAfter(0, count, mode);
    }

    public void heal() {
        loseNext(0, Mode.RESET_AFTER_APPLY);
    }

    /** HTTP attempts seen since the last {@link #resetAttempts()}. */
    public int attempts() {
        return attempts.get();
    }

    public void resetAttempts() {
        attempts.set(0);
    }

    /** Responses lost since this client was made (each one of an applied request). */
    public int lost() {
        return lost.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        attempts.incrementAndGet();
        ExecutableHttpRequest real = delegate.prepareRequest(request);
        if (passing.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || remaining.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return real;
        }
        Mode current = mode;
        return new ExecutableHttpRequest() {
            private volatile Thread caller;

            @Override
            public HttpExecuteResponse call() throws IOException {
                caller = Thread.currentThread();
                HttpExecuteResponse response = real.call();
                if (response.responseBody().isPresent()) {
                    try (InputStream body = response.responseBody().get()) {
                        body.readAllBytes();
                    }
                }
                lost.incrementAndGet();
                if (current == Mode.RESET_AFTER_APPLY) {
                    throw new SocketException("Connection reset (injected after the request was applied)");
                }
                try {
                    Thread.sleep(FaultInjector.HANG_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("aborted while waiting for a lost response");
                }
                throw new IOException("no response for " + FaultInjector.HANG_MILLIS + " ms");
            }

            @Override
            public void abort() {
                real.abort();
                Thread thread = caller;
                if (thread != null) {
                    thread.interrupt();
                }
            }
        };
    }

    @Override
    public String clientName() {
        return "LostResponses";
    }

    @Override
    public void close() {
        delegate.close();
    }
}
