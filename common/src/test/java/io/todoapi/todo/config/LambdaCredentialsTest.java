package io.todoapi.todo.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;

/**
 * The container credentials endpoint's provider, which {@link LambdaCredentials} builds only when the chain reaches
 * it: it then works as the SDK's own does (the endpoint and token from the standard settings, credentials cached),
 * and the chain names it the same in its errors. (The *ArtifactIT tests run both credentials sources under the
 * Lambda runtime client.)
 */
class LambdaCredentialsTest {

    private static final String FULL_URI = "aws.containerCredentialsFullUri";
    private static final String TOKEN = "aws.containerAuthorizationToken";

    private final List<String> authorizations = new ArrayList<>();
    private HttpServer endpoint;

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/credentials", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"AccessKeyId\":\"ASIAFROMENDPOINT\",\"SecretAccessKey\":\"secret\",\"Token\":\"token\","
                            + "\"Expiration\":\""
                            + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                            + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        endpoint.start();
        System.setProperty(FULL_URI, "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/credentials");
        System.setProperty(TOKEN, "the-authorization-token");
    }

    @AfterEach
    void stopEndpoint() {
        System.clearProperty(FULL_URI);
        System.clearProperty(TOKEN);
        endpoint.stop(0);
    }

    @Test
    void resolvesFromTheContainerEndpointWithTheTokenAndCachesThem() {
        LambdaCredentials.ContainerEndpoint provider = new LambdaCredentials.ContainerEndpoint();
        assertThat(authorizations).isEmpty();

        AwsCredentials first = provider.resolveCredentials();
        AwsCredentials second = provider.resolveCredentials();

        assertThat(first).isInstanceOf(AwsSessionCredentials.class);
        assertThat(first.accessKeyId()).isEqualTo("ASIAFROMENDPOINT");
        assertThat(((AwsSessionCredentials) first).sessionToken()).isEqualTo("token");
        assertThat(second).isSameAs(first);
        assertThat(authorizations).containsExactly("the-authorization-token");
    }

    @Test
    void isNamedLikeTheSdksProviderInTheChainsErrors() {
        assertThat(new LambdaCredentials.ContainerEndpoint())
                .hasToString(ContainerCredentialsProvider.builder().build().toString());
    }
}
