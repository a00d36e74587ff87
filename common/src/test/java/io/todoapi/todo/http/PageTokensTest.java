package io.todoapi.todo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.InvalidRequestException;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageTokensTest {

    private static final String OWNER = "alice-sub";
    private static final String ID = "019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60";

    @Test
    void roundTripsTheLastIdForTheSameOwner() {
        String token = PageTokens.encode(OWNER, ID);
        assertThat(token).matches("[A-Za-z0-9_-]{34}");
        assertThat(PageTokens.decode(OWNER, token)).isEqualTo(ID);
    }

    @Test
    void aTokenIssuedToAnotherCallerIsRejected() {
        String token = PageTokens.encode("bob-sub", ID);
        assertInvalid(token);
    }

    @Test
    void everySingleCharacterChangeIsRejected() {
        String token = PageTokens.encode(OWNER, ID);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != token.charAt(i)) {
                    assertInvalid(token.substring(0, i) + c + token.substring(i + 1));
                }
            }
        }
    }

    @Test
    void truncatedPaddedOrGarbageTokensAreRejected() {
        String token = PageTokens.encode(OWNER, ID);
        assertInvalid(token.substring(0, token.length() - 1));
        assertInvalid(token + "A");
        assertInvalid(token + "==");
        assertInvalid("");
        assertInvalid("not a token!");
        assertInvalid("x".repeat(10_000));
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            assertInvalid(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
    }

    private static void assertInvalid(String token) {
        assertThatThrownBy(() -> PageTokens.decode(OWNER, token))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(FieldError.parameter(
                                        "nextToken",
                                        "is not a token returned by this API for your list; start again without it")));
    }
}
