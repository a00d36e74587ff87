package io.todoapi.todo.priming;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The DynamoDB client's HTTP client, which SnapStart priming can switch offline: then a request the SDK has fully
 * built (marshalled, signed) is answered here, from a canned DynamoDB response, instead of being sent. So priming
 * runs the SDK's whole request and response path, writes nothing and needs no network, and no connection ends up in
 * the snapshot. Online (always, outside priming) every request goes to the delegate.
 */
public final class OfflineSwitchHttpClient implements SdkHttpClient {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";

    private final SdkHttpClient delegate;
    private final Map<String, AtomicInteger> answeredOffline = new ConcurrentHashMap<>();
    private volatile boolean offline;

    public OfflineSwitchHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code work} with every request answered offline; back online afterwards, whatever happens. */
    public void runOffline(Runnable work) {
        offline = true;
        try {
            work.run();
        } finally {
            offline = false;
        }
    }

    /** The DynamoDB operations answered offline so far, by name ({@code PutItem -> 2}), in name order. */
    public Map<String, Integer> answeredOffline() {
        Map<String, Integer> counts = new TreeMap<>();
        answeredOffline.forEach((operation, count) -> counts.put(operation, count.get()));
        return counts;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (!offline) {
            return delegate.prepareRequest(request);
        }
        String target =
                request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        byte[] body = CannedResponses.forOperation(operation).getBytes(StandardCharsets.UTF_8);
        CRC32 checksum = new CRC32();
        checksum.update(body);
        String crc32 = Long.toString(checksum.getValue());
        answeredOffline.computeIfAbsent(operation, name -> new AtomicInteger()).incrementAndGet();
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(body.length))
                                .putHeader("x-amzn-RequestId", "snapstart-priming")
                                // DynamoDB's checksum of the body, which the SDK verifies: primes that check too.
                                .putHeader("x-amz-crc32", crc32)
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
