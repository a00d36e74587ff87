package io.todoapi.todo.config;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client of a function, built once per execution environment. Everything the SDK would otherwise
 * discover at start-up is given explicitly (region, the credentials sources Lambda provides, the URL-connection
 * HTTP client), which keeps cold starts short. Retries and timeouts are bounded so that a slow or throttled table
 * turns into a 503 well inside the function's timeout (10 s in template.yaml): at most 3 attempts of 2 s each
 * and 5 s in all.
 */
public final class DynamoDbClients {

    public static final String REGION_ENV = "AWS_REGION";
    /** The standard per-service endpoint variable; set it to use dynalite, LocalStack or moto. */
    public static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL_DYNAMODB";

    static final int MAX_ATTEMPTS = 3;
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private DynamoDbClients() {
    }

    /**
     * The client the environment describes, over {@code httpClient} ({@link #httpClient()}, or one wrapping it), signing
     * with {@code credentials} (a {@link LambdaCredentials}).
     */
    public static DynamoDbClient fromEnvironment(SdkHttpClient httpClient, AwsCredentialsProvider credentials) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(FunctionEnvironment.require(REGION_ENV)))
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(overrides());
        FunctionEnvironment.get(ENDPOINT_ENV).map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The URL-connection HTTP client (no Netty, no Apache client) with connect and socket timeouts. */
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .build();
    }

    /** Bounded retries (standard strategy, exponential backoff with jitter) and timeouts. */
    public static ClientOverrideConfiguration overrides() {
        RetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .build();
        return ClientOverrideConfiguration.builder()
                .retryStrategy(retries)
                .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .apiCallTimeout(API_CALL_TIMEOUT)
                .build();
    }
}
