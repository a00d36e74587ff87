package io.todoapi.todo.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client for the SDK that sends nothing: it keeps every request the SDK has built and signed (method, URI,
 * headers, body) and answers each with the next queued response, or {@code 200 {}} when none is queued.
 */
public final class RecordingHttpClient implements SdkHttpClient {

    /** A request as it would have gone on the wire. */
    public record Request(String method, String uri, Map<String, List<String>> headers, String body) {}

    private final List<Request> requests = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    private record Answer(int status, String body) {}

    /** Queues the answer to the next request that has none yet. */
    public RecordingHttpClient answer(int status, String body) {
        answers.add(new Answer(status, body));
        return this;
    }

    /** DynamoDB's answer to a write whose condition failed. */
    public RecordingHttpClient conditionFailed() {
        return answer(
                400,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
                        + "\"message\":\"The conditional request failed\"}");
    }

    /** The requests so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String body = request.contentStreamProvider()
                .map(provider -> {
                    try (InputStream in = provider.newStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .orElse(null);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.httpRequest().headers());
        requests.add(new Request(
                request.httpRequest().method().name(),
                request.httpRequest().getUri().toString(),
                headers,
                body));
        Answer answer = answers.isEmpty() ? new Answer(200, "{}") : answers.poll();
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(answer.status())
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(bytes.length))
                                .putHeader("x-amzn-RequestId", "recorded")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public String clientName() {
        return "Recording";
    }

    @Override
    public void close() {}
}
