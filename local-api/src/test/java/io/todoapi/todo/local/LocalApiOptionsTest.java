package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalApiOptionsTest {

    private static LocalApiOptions parse(String... args) {
        return LocalApiOptions.parse(args, name -> null);
    }

    @Test
    void defaultsServeOnPort3000WithTheEmbeddedEngine() {
        LocalApiOptions options = parse();
        assertThat(options.command()).isEqualTo("serve");
        assertThat(options.http()).isEqualTo(new LocalApiOptions.Address("127.0.0.1", 3000));
        assertThat(options.dynamodb().endpoint()).isNull();
        assertThat(options.dynamodb().embedded()).isEqualTo(new LocalApiOptions.Address("127.0.0.1", 0));
        assertThat(options.dynamodb().tableName()).isEqualTo("todos");
        assertThat(options.callers()).isEqualTo(new LocalApiOptions.Callers("local-user", false));
        assertThat(options.allowRemote()).isFalse();
        assertThat(options.output()).isEqualTo(new LocalApiOptions.Output(false, false, false));
    }

    @Test
    void metricsArePrintedOnlyWhenAsked() {
        assertThat(parse("--metrics").output().metrics()).isTrue();
        assertThat(LocalApiOptions.parse(new String[0], Map.of("LOCAL_API_METRICS", "true")::get)
                        .output()
                        .metrics())
                .isTrue();
        assertThat(LocalApiOptions.USAGE).contains("--metrics", "LOCAL_API_METRICS=true");
    }

    @Test
    void optionsWinOverEnvironmentVariables() {
        Map<String, String> env = Map.of(
                "LOCAL_API_PORT",
                "4000",
                "LOCAL_API_DYNAMODB_PORT",
                "4567",
                "LOCAL_API_REQUIRE_TOKEN",
                "true",
                "LOCAL_API_LOG_JSON",
                "true");
        LocalApiOptions options = LocalApiOptions.parse(
                new String[] {
                    "--port",
                    "5000",
                    "--dynamodb-endpoint=http://localhost:4566",
                    "--parameter-overrides",
                    "A=1 B=two",
                    "--verbose"
                },
                env::get);
        assertThat(options.http().port()).isEqualTo(5000);
        assertThat(options.dynamodb().embedded().port()).isEqualTo(4567);
        assertThat(options.callers().requireToken()).isTrue();
        assertThat(options.dynamodb().endpoint()).isEqualTo(URI.create("http://localhost:4566"));
        assertThat(options.project().parameterOverrides()).containsExactly(Map.entry("A", "1"), Map.entry("B", "two"));
        assertThat(options.output()).isEqualTo(new LocalApiOptions.Output(true, true, false));
    }

    @Test
    void invokeNeedsAFunctionAndAnEvent() {
        LocalApiOptions options = parse("invoke", "CreateTodoFunction", "--event", "events/create-todo.json");
        assertThat(options.invocation())
                .isEqualTo(new LocalApiOptions.Invocation("CreateTodoFunction", Path.of("events/create-todo.json")));
        assertThat(options.withHttp(new LocalApiOptions.Address("127.0.0.1", 0))
                        .http()
                        .port())
                .isZero();
        assertThatThrownBy(() -> parse("invoke", "X")).hasMessageContaining("--event");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> parse("--port", "http"))
                .hasMessage("--port must be a port number (0-65535), not http");
        assertThatThrownBy(() -> parse("--bogus", "1")).hasMessage("unknown option --bogus");
        assertThatThrownBy(() -> parse("--port")).hasMessage("--port needs a value");
        assertThatThrownBy(() -> parse("deploy")).hasMessage("unknown command deploy");
        assertThatThrownBy(() -> parse("--dynamodb-endpoint", "dynamodb"))
                .hasMessage("--dynamodb-endpoint must be a URL such as http://localhost:8000, not dynamodb");
    }

    @Test
    void listensOnAnotherInterfaceOnlyWithAllowRemote() {
        assertThatThrownBy(() -> parse("--host", "0.0.0.0"))
                .hasMessage("--host 0.0.0.0 can be reached from"
                        + " other machines; add --allow-remote to listen there anyway, or use --host 127.0.0.1");
        assertThatThrownBy(() -> parse("--host", "192.168.1.20")).hasMessageStartingWith("--host 192.168.1.20");
        assertThatThrownBy(() -> parse("--host", "my-laptop.lan")).hasMessageStartingWith("--host my-laptop.lan");
        assertThatThrownBy(() -> parse("--dynamodb-host", "0.0.0.0"))
                .hasMessage("--dynamodb-host 0.0.0.0 can be"
                        + " reached from other machines; add --allow-remote to listen there anyway, or use --dynamodb-host"
                        + " 127.0.0.1");
        assertThat(parse("--host", "0.0.0.0", "--allow-remote").http().host()).isEqualTo("0.0.0.0");
        assertThat(parse("--dynamodb-host", "0.0.0.0", "--allow-remote").allowRemote())
                .isTrue();
        assertThat(LocalApiOptions.parse(
                                new String[] {"--dynamodb-host", "0.0.0.0"},
                                Map.of("LOCAL_API_ALLOW_REMOTE", "true")::get)
                        .dynamodb()
                        .embedded()
                        .host())
                .isEqualTo("0.0.0.0");
        for (String loopback : new String[] {"localhost", "127.0.0.1", "::1", "[::1]", "127.0.0.2"}) {
            assertThat(parse("--host", loopback).http().host()).isEqualTo(loopback);
        }
    }

    @Test
    void aTableOnAnotherMachineNeedsATokenOnEveryRequest() {
        assertThatThrownBy(() -> parse("--dynamodb-endpoint", "https://dynamodb.eu-west-1.amazonaws.com"))
                .hasMessage("--dynamodb-endpoint https://dynamodb.eu-west-1.amazonaws.com is not on this machine:"
                        + " add --require-token, so that no request runs as a default user on that table");
        LocalApiOptions remote =
                parse("--dynamodb-endpoint", "https://dynamodb.eu-west-1.amazonaws.com", "--require-token");
        assertThat(remote.remoteTable()).isTrue();
        assertThat(parse("--dynamodb-endpoint", "http://localhost:4566").remoteTable())
                .isFalse();
        assertThat(parse("--dynamodb-endpoint", "http://127.0.0.1:4566").remoteTable())
                .isFalse();
    }
}
