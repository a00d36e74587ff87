package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalApiOptionsTest {

    @Test
    void defaultsServeOnPort3000WithTheEmbeddedEngine() {
        LocalApiOptions options = LocalApiOptions.parse(new String[0], name -> null);
        assertThat(options.command()).isEqualTo("serve");
        assertThat(options.port()).isEqualTo(3000);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.dynamodbEndpoint()).isNull();
        assertThat(options.dynamodbPort()).isZero();
        assertThat(options.tableName()).isEqualTo("todos");
        assertThat(options.defaultUser()).isEqualTo("local-user");
        assertThat(options.requireToken()).isFalse();
    }

    @Test
    void optionsWinOverEnvironmentVariables() {
        Map<String, String> env = Map.of("LOCAL_API_PORT", "4000", "LOCAL_API_DYNAMODB_PORT", "4567",
                "LOCAL_API_REQUIRE_TOKEN", "true");
        LocalApiOptions options = LocalApiOptions.parse(new String[] {"--port", "5000",
            "--dynamodb-endpoint=http://localhost:4566", "--parameter-overrides", "A=1 B=two"}, env::get);
        assertThat(options.port()).isEqualTo(5000);
        assertThat(options.dynamodbPort()).isEqualTo(4567);
        assertThat(options.requireToken()).isTrue();
        assertThat(options.dynamodbEndpoint()).isEqualTo(URI.create("http://localhost:4566"));
        assertThat(options.parameterOverrides()).containsExactly(Map.entry("A", "1"), Map.entry("B", "two"));
    }

    @Test
    void invokeNeedsAFunctionAndAnEvent() {
        LocalApiOptions options = LocalApiOptions.parse(new String[] {"invoke", "CreateTodoFunction", "--event",
            "events/create-todo.json"}, name -> null);
        assertThat(options.invokeFunction()).isEqualTo("CreateTodoFunction");
        assertThat(options.eventFile()).isEqualTo(Path.of("events/create-todo.json"));
        assertThatThrownBy(() -> LocalApiOptions.parse(new String[] {"invoke", "X"}, name -> null))
                .hasMessageContaining("--event");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> LocalApiOptions.parse(new String[] {"--port", "http"}, name -> null))
                .hasMessage("--port must be a port number (0-65535), not http");
        assertThatThrownBy(() -> LocalApiOptions.parse(new String[] {"--bogus", "1"}, name -> null))
                .hasMessage("unknown option --bogus");
        assertThatThrownBy(() -> LocalApiOptions.parse(new String[] {"--port"}, name -> null))
                .hasMessage("--port needs a value");
        assertThatThrownBy(() -> LocalApiOptions.parse(new String[] {"deploy"}, name -> null))
                .hasMessage("unknown command deploy");
    }
}
