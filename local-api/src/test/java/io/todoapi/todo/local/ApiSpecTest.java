package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiSpecTest {

    @Test
    void routesEachOperationToTheFunctionItsIntegrationInvokes() {
        Fixtures fixtures = new Fixtures();
        assertThat(fixtures.route("POST", "/todos").functionLogicalId()).isEqualTo("CreateTodoFunction");
        assertThat(fixtures.route("GET", "/todos/{todoId}").functionLogicalId()).isEqualTo("GetTodoFunction");
        assertThat(fixtures.route("POST", "/todos").operationId()).isEqualTo("createTodo");
    }

    @Test
    void optionsIsAnUnauthorizedMockWithResolvedHeaders() {
        ApiSpec.Route options = new Fixtures(Map.of("AllowedOrigin", "https://app.example")).route("OPTIONS", "/todos");
        assertThat(options.mock().status()).isEqualTo(200);
        assertThat(options.mock().headers())
                .containsEntry("Access-Control-Allow-Origin", "'https://app.example'")
                .containsEntry("Access-Control-Allow-Methods", "'GET,POST,OPTIONS'");
        assertThat(options.authorized()).isFalse();
        assertThat(new Fixtures().route("POST", "/todos").authorized()).isTrue();
    }

    @Test
    void knowsValidatorsRequiredParametersAndBodySchemas() {
        Fixtures fixtures = new Fixtures();
        ApiSpec.Route get = fixtures.route("GET", "/todos/{todoId}");
        assertThat(get.validation()).isEqualTo(new ApiSpec.Validation(false, true));
        assertThat(get.requiredParameters())
                .containsExactly(
                        new ApiSpec.Parameter("todoId", "path"), new ApiSpec.Parameter("X-Required", "header"));
        ApiSpec.Route post = fixtures.route("POST", "/todos");
        assertThat(post.validation()).isEqualTo(new ApiSpec.Validation(true, true));
        assertThat(post.bodySchemas()).containsOnlyKeys("application/json");
    }

    @Test
    void matchesPathsAndExtractsParameters() {
        ApiSpec.Route get = new Fixtures().route("GET", "/todos/{todoId}");
        assertThat(get.match("/todos/abc")).contains(Map.of("todoId", "abc"));
        assertThat(get.match("/todos/abc/def")).isEmpty();
        assertThat(get.match("/todos/")).isEmpty();
        assertThat(new Fixtures().route("POST", "/todos").match("/todos")).contains(Map.of());
    }

    @Test
    void readsGatewayResponses() {
        ApiSpec.GatewayResponse unauthorized =
                new Fixtures().spec.gatewayResponses().get("UNAUTHORIZED");
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.headers()).containsEntry("WWW-Authenticate", "'Bearer'");
    }

    @Test
    void anIntegrationThatInvokesAnUnknownFunctionIsAnError() {
        Fixtures fixtures = new Fixtures();
        assertThatThrownBy(() -> ApiSpec.of(
                        CloudFormationYaml.read(Fixtures.file("openapi.yaml")),
                        Set.of("CreateTodoFunction"),
                        fixtures.template))
                .hasMessageContaining("GetTodoFunction")
                .hasMessageContaining("not a function of template.yaml");
    }
}
