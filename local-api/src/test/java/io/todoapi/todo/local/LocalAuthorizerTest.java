package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LocalAuthorizerTest {

    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
    private final LocalAuthorizer authorizer = new LocalAuthorizer("local-user", false, NOW);

    @Test
    void theTokensClaimsBecomeStrings() throws Exception {
        String token = Tokens.jwt("{\"sub\":\"alice\",\"email_verified\":true,\"auth_time\":1799999000,"
                + "\"cognito:groups\":[\"admin\",\"users\"]}");
        assertThat(authorizer.claims("Bearer " + token)).containsEntry("sub", "alice")
                .containsEntry("email_verified", "true").containsEntry("auth_time", "1799999000")
                .containsEntry("cognito:groups", "[admin, users]");
        assertThat(authorizer.claims(token)).containsEntry("sub", "alice");
    }

    @Test
    void withoutAHeaderTheCallerIsTheDefaultUserUnlessATokenIsRequired() throws Exception {
        assertThat(authorizer.claims(null)).containsEntry("sub", "local-user");
        assertThatThrownBy(() -> new LocalAuthorizer("local-user", true, NOW).claims(null))
                .isInstanceOf(LocalAuthorizer.Unauthorized.class);
    }

    @Test
    void malformedTokensTokensWithoutSubAndExpiredTokensAreRejected() {
        for (String header : new String[] {"Bearer", "Bearer abc", "Bearer a.b.c", "Basic dXNlcjpwYXNz",
            "Bearer " + Tokens.jwt("[1]"), "Bearer " + Tokens.jwt("{\"name\":\"no sub\"}"),
            "Bearer " + Tokens.jwt("{\"sub\":\"\"}"), "Bearer " + Tokens.jwt("{\"sub\":\"x\",\"exp\":1799999999}")}) {
            assertThatThrownBy(() -> authorizer.claims(header)).as(header)
                    .isInstanceOf(LocalAuthorizer.Unauthorized.class);
        }
    }
}
