package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

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
        assertThat(authorizer.claims("Bearer " + token))
                .containsEntry("sub", "alice")
                .containsEntry("email_verified", "true")
                .containsEntry("auth_time", "1799999000")
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
    void theDefaultUserIsAnIdTokenCallerOfTheLocalAppClient() throws Exception {
        assertThat(authorizer.claims(null))
                .containsExactly(
                        entry("sub", "local-user"),
                        entry("cognito:username", "local-user"),
                        entry("token_use", "id"),
                        entry("aud", "local-client"),
                        entry("email", "local-user@localhost"));
    }

    @Test
    void anAuthorizationHeaderWithoutAValueIsRejectedAsDeployed() {
        for (String blank : new String[] {"", " ", "\t"}) {
            assertThatThrownBy(() -> authorizer.claims(blank))
                    .as("[%s]", blank)
                    .isInstanceOf(LocalAuthorizer.Unauthorized.class)
                    .hasMessage("Unauthorized");
        }
    }

    @Test
    void aTokensClaimsPassThroughUnchangedWhateverItsAudience() throws Exception {
        String token = Tokens.jwt("{\"sub\":\"mallory\",\"aud\":\"another-client\",\"token_use\":\"access\"}");
        assertThat(authorizer.claims("Bearer " + token))
                .containsExactly(entry("sub", "mallory"), entry("aud", "another-client"), entry("token_use", "access"));
    }

    @Test
    void anExpiredTokenIsRejectedWithApiGatewaysMessage() {
        assertThatThrownBy(() -> authorizer.claims("Bearer " + Tokens.jwt("{\"sub\":\"x\",\"exp\":1799999999}")))
                .hasMessage("The incoming token has expired");
    }

    @Test
    void malformedTokensTokensWithoutSubAndExpiredTokensAreRejected() {
        for (String header : new String[] {
            "Bearer",
            "Bearer abc",
            "Bearer a.b.c",
            "Basic dXNlcjpwYXNz",
            "Bearer " + Tokens.jwt("[1]"),
            "Bearer " + Tokens.jwt("{\"name\":\"no sub\"}"),
            "Bearer " + Tokens.jwt("{\"sub\":\"\"}"),
            "Bearer " + Tokens.jwt("{\"sub\":\"x\",\"exp\":1799999999}")
        }) {
            assertThatThrownBy(() -> authorizer.claims(header))
                    .as(header)
                    .isInstanceOf(LocalAuthorizer.Unauthorized.class);
        }
    }
}
