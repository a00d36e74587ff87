package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LocalApiServerTest {

    @Test
    void theBannersUrlIsLocalhostOnLoopbackAndTheRealInterfaceOtherwise() {
        assertThat(LocalApiServer.url("127.0.0.1", 3000)).isEqualTo(URI.create("http://localhost:3000"));
        assertThat(LocalApiServer.url("::1", 3000)).isEqualTo(URI.create("http://localhost:3000"));
        assertThat(LocalApiServer.url("0.0.0.0", 3000)).isEqualTo(URI.create("http://0.0.0.0:3000"));
        assertThat(LocalApiServer.url("192.168.1.20", 3000)).isEqualTo(URI.create("http://192.168.1.20:3000"));
        assertThat(LocalApiServer.url("::", 3000)).isEqualTo(URI.create("http://[::]:3000"));
    }
}
