package io.todoapi.todo.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.CredentialsUnavailableException;
import io.todoapi.todo.error.ApiException;
import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.metrics.RequestMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The request pipeline every function runs: Powertools logging context (cold start, function, request ids, the
 * API Gateway request id as correlation id), the operation, failure mapping, and the headers every response
 * carries (CORS, caching, nosniff). One log line per request with method, resource, status and latency; never
 * bodies, tokens or headers. Then one metrics line ({@link RequestMetrics}), also when the operation fails.
 */
public final class RequestPipeline {

    /** Env var with the origin allowed to call the API from a browser ({@code *} when unset). */
    public static final String ALLOWED_ORIGIN_ENV = "ALLOWED_ORIGIN";
    /** Env var with the Cognito app client id whose ID tokens the API accepts (the tokens' {@code aud}). */
    public static final String USER_POOL_CLIENT_ID_ENV = "USER_POOL_CLIENT_ID";

    static final String EXPOSED_HEADERS = "ETag, Location, Retry-After";

    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);

    private final String allowedOrigin;
    private final String audience;
    private final RequestMetrics metrics;

    /**
     * {@code allowedOrigin} is the CORS origin of every response; {@code audience} the app client id that callers'
     * ID tokens must be issued to (see {@link ApiRequest#of}). Writes no metrics.
     */
    public RequestPipeline(String allowedOrigin, String audience) {
        this(allowedOrigin, audience, RequestMetrics.disabled());
    }

    /** As {@link #RequestPipeline(String, String)}, recording every invocation in {@code metrics}. */
    public RequestPipeline(String allowedOrigin, String audience, RequestMetrics metrics) {
        if (allowedOrigin == null || allowedOrigin.isBlank()) {
            throw new IllegalArgumentException("allowedOrigin must not be blank");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("audience must not be blank");
        }
        this.allowedOrigin = allowedOrigin.trim();
        this.audience = audience.trim();
        this.metrics = metrics;
    }

    /** The metrics every invocation is recorded in. */
    public RequestMetrics metrics() {
        return metrics;
    }

    /** The app client id whose ID tokens this API accepts. */
    public String audience() {
        return audience;
    }

    /** One operation of the API: valid input in, a response out, or an {@link ApiException}. */
    @FunctionalInterface
    public interface Operation {
        ApiResponse apply(ApiRequest request);
    }

    public APIGatewayProxyResponseEvent handle(
            APIGatewayProxyRequestEvent event, Context context, Operation operation) {
        return PowertoolsLogging.withLogging(context, () -> {
            long started = System.nanoTime();
            ApiResponse response = null;
            try {
                if (event.getRequestContext() != null
                        && event.getRequestContext().getRequestId() != null) {
                    MDC.put("correlation_id", event.getRequestContext().getRequestId());
                }
                response = respond(event, operation);
                MDC.put("http_method", String.valueOf(event.getHttpMethod()));
                MDC.put("resource", String.valueOf(event.getResource()));
                MDC.put("status", Integer.toString(response.statusCode()));
                MDC.put("latency_ms", Long.toString((System.nanoTime() - started) / 1_000_000));
                LOG.info("{} {} -> {}", event.getHttpMethod(), event.getResource(), response.statusCode());
                return toEvent(response);
            } finally {
                record(response, System.nanoTime() - started, context);
            }
        });
    }

    /**
     * The invocation's metrics line; without a response (an Error escaped the operation) it is a 5xx, as Lambda
     * reports the invocation failed. A failure to write metrics is logged, never the request's failure.
     */
    private void record(ApiResponse response, long latencyNanos, Context context) {
        try {
            metrics.record(
                    response == null ? 0 : response.statusCode(),
                    latencyNanos,
                    response != null && response.idempotentReplay(),
                    context == null ? null : context.getAwsRequestId());
        } catch (RuntimeException e) {
            LOG.warn("Could not write the request's metrics", e);
        }
    }

    private ApiResponse respond(APIGatewayProxyRequestEvent event, Operation operation) {
        try {
            return operation.apply(ApiRequest.of(event, audience));
        } catch (StorageUnavailableException e) {
            LOG.warn("DynamoDB is unavailable: answering 503", e.getCause());
            return Problems.of(e);
        } catch (ApiException e) {
            return Problems.of(e);
        } catch (CredentialsUnavailableException e) {
            // A broken deployment, not a transient fault: a 503 would invite retries that cannot succeed.
            LOG.error("No AWS credentials: answering 500", e);
            return Problems.unexpected();
        } catch (RuntimeException e) {
            LOG.error("Unhandled failure: answering 500", e);
            return Problems.unexpected();
        }
    }

    private APIGatewayProxyResponseEvent toEvent(ApiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("Access-Control-Allow-Origin", allowedOrigin);
        headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        if (!"*".equals(allowedOrigin)) {
            headers.put("Vary", "Origin");
        }
        headers.putIfAbsent("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.statusCode())
                .withHeaders(headers)
                .withBody(response.body())
                .withIsBase64Encoded(false);
    }
}
