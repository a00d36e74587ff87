package io.todoapi.todo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.todoapi.todo.testing.RecordingHttpClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The functions' DynamoDB client against one built with the SDK's defaults: the same endpoint and signing scope in
 * every Region of every partition (and in Regions the SDK does not know yet), the same FIPS and dual-stack endpoints
 * when the standard variables ask for them, the endpoint override as the endpoint, and over its HTTP client the same
 * request as over the URL-connection client's builder.
 */
class DynamoDbClientsTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

    /** Every Region the SDK lists, which covers each partition (aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc), and more. */
    static Stream<String> regions() {
        List<String> regions =
                new ArrayList<>(Region.regions().stream().map(Region::id).toList());
        // Regions the SDK's list does not have yet (the partition is matched by the name's pattern, or is aws), the
        // DynamoDB "local" Region, and a FIPS pseudo-Region.
        regions.addAll(List.of(
                "xx-unknown-1",
                "us-gov-north-7",
                "cn-south-9",
                "us-iso-north-3",
                "eusc-fr-west-2",
                "local",
                "fips-us-gov-west-1"));
        return regions.stream();
    }

    @ParameterizedTest
    @MethodSource("regions")
    void resolvesTheEndpointAndSigningScopeTheSdkResolvesInEveryRegion(String region) {
        RecordingHttpClient.Request ours = firstRequest(http -> DynamoDbClients.create(
                http,
                CREDENTIALS,
                Region.of(region),
                Optional.empty(),
                new DynamoDbClients.EndpointSettings(false, false)));
        RecordingHttpClient.Request sdks = firstRequest(http -> sdkDefaults(http, Region.of(region), builder -> {}));

        assertThat(ours.uri()).isEqualTo(sdks.uri());
        assertThat(scope(ours)).isEqualTo(scope(sdks)).contains("/dynamodb/aws4_request");
    }

    @Test
    void aCancelledTimeoutLeavesTheSchedulersQueueAtOnce() {
        ScheduledThreadPoolExecutor scheduler = (ScheduledThreadPoolExecutor)
                DynamoDbClients.overrides().scheduledExecutorService().orElseThrow();
        try {
            ScheduledFuture<?> timeout = scheduler.schedule(() -> {}, 5, TimeUnit.SECONDS);
            assertThat(scheduler.getQueue()).hasSize(1);

            timeout.cancel(false);

            assertThat(scheduler.getQueue()).as("what a snapshot would hold").isEmpty();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void regionsOfEachPartitionGetThatPartitionsEndpoint() {
        Map<String, String> expected = Map.of(
                "us-east-1", "https://dynamodb.us-east-1.amazonaws.com/",
                "cn-north-1", "https://dynamodb.cn-north-1.amazonaws.com.cn/",
                "us-gov-west-1", "https://dynamodb.us-gov-west-1.amazonaws.com/",
                "us-iso-east-1", "https://dynamodb.us-iso-east-1.c2s.ic.gov/",
                "us-isob-east-1", "https://dynamodb.us-isob-east-1.sc2s.sgov.gov/",
                "xx-unknown-1", "https://dynamodb.xx-unknown-1.amazonaws.com/",
                "local", "http://localhost:8000/");
        expected.forEach((region, uri) -> assertThat(firstRequest(http -> DynamoDbClients.create(
                                http,
                                CREDENTIALS,
                                Region.of(region),
                                Optional.empty(),
                                new DynamoDbClients.EndpointSettings(false, false)))
                        .uri())
                .as(region)
                .isEqualTo(uri));
    }

    @ParameterizedTest
    @MethodSource("regions")
    void fipsAndDualStackSettingsSwitchTheEndpointAsTheSdksOwnDo(String region) {
        for (boolean fips : new boolean[] {false, true}) {
            for (boolean dualstack : new boolean[] {false, true}) {
                String ours = outcome(http -> DynamoDbClients.create(
                        http,
                        CREDENTIALS,
                        Region.of(region),
                        Optional.empty(),
                        new DynamoDbClients.EndpointSettings(fips, dualstack)));
                String sdks = outcome(http -> sdkDefaults(
                        http,
                        Region.of(region),
                        builder -> builder.fipsEnabled(fips || region.startsWith("fips-"))
                                .dualstackEnabled(dualstack)));
                assertThat(ours)
                        .as("%s, FIPS %s, dual-stack %s", region, fips, dualstack)
                        .isEqualTo(sdks);
            }
        }
    }

    @Test
    void theStandardVariablesSwitchOnFipsAndDualStackEndpoints() {
        Map<String, String> saved = new TreeMap<>();
        for (String name : List.of(
                DynamoDbClients.REGION_ENV,
                DynamoDbClients.FIPS_ENV,
                DynamoDbClients.DUALSTACK_ENV,
                DynamoDbClients.ENDPOINT_ENV)) {
            saved.put(name, System.getProperty(name, ""));
        }
        try {
            System.setProperty(DynamoDbClients.REGION_ENV, "us-gov-west-1");
            System.clearProperty(DynamoDbClients.ENDPOINT_ENV);
            System.setProperty(DynamoDbClients.FIPS_ENV, "TRUE");
            System.setProperty(DynamoDbClients.DUALSTACK_ENV, "false");
            assertThat(firstRequest(http -> DynamoDbClients.fromEnvironment(http, CREDENTIALS))
                            .uri())
                    .isEqualTo("https://dynamodb.us-gov-west-1.amazonaws.com/"); // DynamoDB's FIPS host in GovCloud
            System.setProperty(DynamoDbClients.REGION_ENV, "eu-west-1");
            assertThat(firstRequest(http -> DynamoDbClients.fromEnvironment(http, CREDENTIALS))
                            .uri())
                    .isEqualTo("https://dynamodb-fips.eu-west-1.amazonaws.com/");
            System.setProperty(DynamoDbClients.FIPS_ENV, "false");
            System.setProperty(DynamoDbClients.DUALSTACK_ENV, "true");
            assertThat(firstRequest(http -> DynamoDbClients.fromEnvironment(http, CREDENTIALS))
                            .uri())
                    .isEqualTo("https://dynamodb.eu-west-1.api.aws/");
            System.setProperty(DynamoDbClients.DUALSTACK_ENV, "yes");
            assertThatThrownBy(DynamoDbClients::settings)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(
                            "The environment variable AWS_USE_DUALSTACK_ENDPOINT must be true or false, not 'yes'.");
        } finally {
            saved.forEach((name, value) -> {
                if (value.isEmpty()) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("regions")
    void theEndpointOverrideIsTheEndpointInEveryRegion(String region) {
        URI override = URI.create("http://127.0.0.1:8000");
        if (region.startsWith("fips-")) {
            // A FIPS pseudo-Region and an endpoint override contradict each other: refused by both.
            assertThat(outcome(http -> DynamoDbClients.create(
                            http,
                            CREDENTIALS,
                            Region.of(region),
                            Optional.of(override),
                            new DynamoDbClients.EndpointSettings(false, false))))
                    .isEqualTo(outcome(http -> sdkDefaults(http, Region.of(region), b -> b.endpointOverride(override))))
                    .isEqualTo("Invalid Configuration: FIPS and custom endpoint are not supported");
            return;
        }
        RecordingHttpClient.Request request = firstRequest(http -> DynamoDbClients.create(
                http,
                CREDENTIALS,
                Region.of(region),
                Optional.of(override),
                new DynamoDbClients.EndpointSettings(false, false)));
        assertThat(request.uri()).isEqualTo("http://127.0.0.1:8000/");
        assertThat(request.headers().get("Host")).containsExactly("127.0.0.1:8000");
    }

    @Test
    void connectionsHaveTheTimeoutsAndTheJvmsDefaultTls() throws Exception {
        SSLSocketFactory tls = SSLContext.getDefault().getSocketFactory();
        HttpURLConnection https =
                DynamoDbClients.openConnection(URI.create("https://dynamodb.eu-west-1.amazonaws.com/"), tls);
        assertThat(https).isInstanceOf(HttpsURLConnection.class);
        assertThat(((HttpsURLConnection) https).getSSLSocketFactory()).isSameAs(tls);
        assertThat(https.getConnectTimeout()).isEqualTo(2_000);
        assertThat(https.getReadTimeout()).isEqualTo(2_000);
        assertThat(https.usingProxy()).isFalse();
        HttpURLConnection http = DynamoDbClients.openConnection(URI.create("http://127.0.0.1:8000/"), tls);
        assertThat(http).isNotInstanceOf(HttpsURLConnection.class);
        assertThat(http.getReadTimeout()).isEqualTo(2_000);
    }

    /** What reaches a server, from a client over our HTTP client and from one over the URL-connection client's builder. */
    @Test
    void theHttpClientSendsWhatTheUrlConnectionClientsBuilderSends() throws IOException {
        List<String> received = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!List.of("x-amz-date", "authorization", "amz-sdk-invocation-id")
                        .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    headers.put(name, values);
                }
            });
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + headers + " " + body);
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try {
            for (SdkHttpClient http : List.of(
                    DynamoDbClients.httpClient(),
                    UrlConnectionHttpClient.builder()
                            .connectionTimeout(DynamoDbClients.CONNECT_TIMEOUT)
                            .socketTimeout(DynamoDbClients.API_CALL_ATTEMPT_TIMEOUT)
                            .build())) {
                try (DynamoDbClient client = DynamoDbClients.create(
                        http,
                        CREDENTIALS,
                        Region.EU_WEST_1,
                        Optional.of(endpoint),
                        new DynamoDbClients.EndpointSettings(false, false))) {
                    client.putItem(b -> b.tableName("todos")
                            .item(Map.of(
                                    "pk",
                                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                            "USER#alice"))));
                }
            }
        } finally {
            server.stop(0);
        }
        assertThat(received).hasSize(2);
        assertThat(received.get(0))
                .isEqualTo(received.get(1))
                .contains("POST / ")
                .contains("{\"TableName\":\"todos\",\"Item\":{\"pk\":{\"S\":\"USER#alice\"}}}");
    }

    @Test
    void aServerThatDoesNotAnswerTimesOutAfterTheSocketTimeout() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> DynamoDbClients.httpClient()
                            .prepareRequest(software.amazon.awssdk.http.HttpExecuteRequest.builder()
                                    .request(software.amazon.awssdk.http.SdkHttpRequest.builder()
                                            .uri(URI.create("http://127.0.0.1:"
                                                    + server.getAddress().getPort() + "/"))
                                            .method(software.amazon.awssdk.http.SdkHttpMethod.GET)
                                            .build())
                                    .build())
                            .call())
                    .isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(1_900L, 6_000L);
        } finally {
            server.stop(0);
        }
    }

    private static DynamoDbClient sdkDefaults(SdkHttpClient http, Region region, Consumer<DynamoDbClientBuilder> more) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(CREDENTIALS)
                .httpClient(http);
        more.accept(builder);
        return builder.build();
    }

    /** The URI of the first request a client sends (a GetItem), or why the SDK refused to send it. */
    private static String outcome(java.util.function.Function<SdkHttpClient, DynamoDbClient> client) {
        try {
            return firstRequest(client).uri();
        } catch (SdkClientException | IllegalArgumentException e) {
            return e.getMessage(); // e.g. no FIPS or dual-stack endpoint in the partition
        }
    }

    private static RecordingHttpClient.Request firstRequest(
            java.util.function.Function<SdkHttpClient, DynamoDbClient> factory) {
        RecordingHttpClient http = new RecordingHttpClient().answer(200, "{}");
        try (DynamoDbClient client = factory.apply(http)) {
            client.getItem(b -> b.tableName("todos")
                    .key(Map.of(
                            "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("USER#alice"))));
        }
        return http.requests().getFirst();
    }

    /** The credential scope of the signature: access key id, region and service (the date left out). */
    private static String scope(RecordingHttpClient.Request request) {
        String authorization = request.headers().get("Authorization").getFirst();
        String credential =
                authorization.substring(authorization.indexOf("Credential=") + 11, authorization.indexOf(','));
        return credential.replaceFirst("/\\d{8}/", "/<date>/");
    }
}
