package io.todoapi.todo.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.CompressionConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client of a function, built once per execution environment. Everything the SDK would otherwise
 * discover at start-up is given explicitly (region, the credentials sources Lambda provides, the URL-connection
 * HTTP client, and the settings the SDK would look up in variables and profile files), which keeps cold starts short.
 * Retries and timeouts are bounded so that a slow or throttled table turns into a 503 well inside the function's
 * timeout (10 s in template.yaml): at most 3 attempts of 2 s each and 5 s in all.
 */
public final class DynamoDbClients {

    public static final String REGION_ENV = "AWS_REGION";
    /** The standard per-service endpoint variable; set it to use dynalite, LocalStack or moto. */
    public static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL_DYNAMODB";
    /** The SDK's standard switches to DynamoDB's FIPS and dual-stack endpoints, read here (see {@link #settings()}). */
    public static final String FIPS_ENV = "AWS_USE_FIPS_ENDPOINT";

    public static final String DUALSTACK_ENV = "AWS_USE_DUALSTACK_ENDPOINT";

    static final int MAX_ATTEMPTS = 3;
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private DynamoDbClients() {}

    /**
     * The client the environment describes, over {@code httpClient} ({@link #httpClient()}, or one wrapping it), signing
     * with {@code credentials} (a {@link LambdaCredentials}).
     */
    public static DynamoDbClient fromEnvironment(SdkHttpClient httpClient, AwsCredentialsProvider credentials) {
        return create(
                httpClient,
                credentials,
                Region.of(FunctionEnvironment.require(REGION_ENV)),
                FunctionEnvironment.get(ENDPOINT_ENV).map(URI::create),
                settings());
    }

    /** The client of a region, with an endpoint override or none, and the given endpoint settings. */
    static DynamoDbClient create(
            SdkHttpClient httpClient,
            AwsCredentialsProvider credentials,
            Region region,
            Optional<URI> endpoint,
            EndpointSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                // The SDK's defaults, stated: each setting left open is looked up in a variable and a profile file at
                // client build, which costs classes and reads that a function does not need. The defaults mode only
                // fills in timeouts and retries, which overrides() sets; account-ID endpoints stay preferred.
                .defaultsMode(DefaultsMode.LEGACY)
                .accountIdEndpointMode(AccountIdEndpointMode.PREFERRED)
                .fipsEnabled(settings.fips())
                .dualstackEnabled(settings.dualstack())
                // After fipsEnabled: a FIPS pseudo-region such as fips-us-gov-west-1 switches FIPS on, as in the SDK.
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(overrides());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** FIPS and dual-stack endpoints: off unless the standard variables switch them on (never read from a profile). */
    record EndpointSettings(boolean fips, boolean dualstack) {}

    static EndpointSettings settings() {
        return new EndpointSettings(FunctionEnvironment.flag(FIPS_ENV), FunctionEnvironment.flag(DUALSTACK_ENV));
    }

    /**
     * The URL-connection HTTP client (no Netty, no Apache client) with connect and socket timeouts, over connections
     * opened by {@link #openConnection(URI, SSLSocketFactory)}: the client's builder would work out a proxy configuration from the
     * {@code HTTP(S)_PROXY} and {@code NO_PROXY} variables and system properties at start-up, which Lambda does not
     * use. A proxy can still be given with the JDK's own system properties ({@code https.proxyHost}, ...).
     */
    public static SdkHttpClient httpClient() {
        SSLSocketFactory tls = defaultTls();
        return UrlConnectionHttpClient.create(uri -> openConnection(uri, tls));
    }

    /** A connection to {@code uri} as the URL-connection client's builder would open it, without a proxy of its own. */
    static HttpURLConnection openConnection(URI uri, SSLSocketFactory tls) {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(tls);
        }
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) API_CALL_ATTEMPT_TIMEOUT.toMillis());
        return connection;
    }

    /**
     * The JVM's default TLS (its trust store, and its key store if one is configured), as the client's builder sets it
     * up: at build, so that a SnapStart snapshot holds it, even when the endpoint is plain HTTP.
     */
    private static SSLSocketFactory defaultTls() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no default TLS context", e);
        }
    }

    /**
     * The executor on which the SDK schedules each call's timeouts (the call's 5 s, the attempt's 2 s) and cancels them
     * when the call returns. The SDK's own executor keeps a cancelled task queued until its delay has passed, so the
     * SnapStart snapshot would hold the tasks of the priming's last seconds (1,650-4,750 of them in create-todo, up to
     * 0.37 MB: benchmarks/README.md, "The heap at the snapshot point"); this one removes a task when it is cancelled.
     * One daemon thread, started on first use and ended after a minute without work.
     */
    static ScheduledThreadPoolExecutor timeoutScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "sdk-ScheduledExecutor");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(1, TimeUnit.MINUTES);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * Bounded retries (standard strategy, exponential backoff with jitter) and timeouts; request compression as the
     * SDK's default has it (DynamoDB compresses no request), stated so that the SDK does not look it up.
     */
    public static ClientOverrideConfiguration overrides() {
        RetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .build();
        return ClientOverrideConfiguration.builder()
                .scheduledExecutorService(timeoutScheduler())
                .retryStrategy(retries)
                .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .apiCallTimeout(API_CALL_TIMEOUT)
                .compressionConfiguration(CompressionConfiguration.builder()
                        .requestCompressionEnabled(true)
                        .minimumCompressionThresholdInBytes(10_240)
                        .build())
                .build();
    }
}
