package io.todoapi.todo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.InvalidRequestException;
import io.todoapi.todo.testing.Generators;
import io.todoapi.todo.testing.Property;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@code nextToken} codec under generated input: a token round-trips only for the caller it was issued to;
 * random bytes, random strings and every kind of tampering are a 400 ({@link InvalidRequestException} naming the
 * parameter), never another exception and never a position in someone else's list.
 */
class PageTokensPropertyTest {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private static String owner(Random random) {
        return switch (random.nextInt(4)) {
            case 0 ->
                UUID.nameUUIDFromBytes(Long.toString(random.nextLong()).getBytes())
                        .toString();
            case 1 -> "user-" + random.nextInt(1000);
            case 2 -> Generators.title(random, 1 + random.nextInt(40));
            default -> Generators.text(random, 1 + random.nextInt(256), Generators.TITLE_SAFE);
        };
    }

    private static String id(Random random) {
        return new UUID(
                        (random.nextLong() & ~0xF000L) | 0x7000L,
                        (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L)
                .toString();
    }

    private static void assertRejected(String owner, String token) {
        assertThatThrownBy(() -> PageTokens.decode(owner, token))
                .as("token %s", token)
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .extracting(FieldError::location, FieldError::name)
                                .containsExactly(FieldError.Location.PARAMETER, "nextToken"));
    }

    @Test
    void aTokenRoundTripsForItsOwnerAndNoOneElse() {
        Property.forAll("token-owner-binding", 3000, (random, trial) -> {
            String owner = owner(random);
            String id = id(random);
            String token = PageTokens.encode(owner, id);
            assertThat(token).matches("[A-Za-z0-9_-]{34}");
            assertThat(PageTokens.decode(owner, token)).isEqualTo(id);
            String other = owner(random);
            if (!other.equals(owner)) {
                assertRejected(other, token);
            }
            // owners that differ only slightly (a suffix, a case change) are different callers too
            assertRejected(owner + "x", token);
            if (!owner.toUpperCase().equals(owner)) {
                assertRejected(owner.toUpperCase(), token);
            }
        });
    }

    @Test
    void randomBytesNeverDecode() {
        Property.forAll("token-random-bytes", 5000, (random, trial) -> {
            byte[] bytes = new byte[Generators.pick(random, 0, 1, 16, 24, 25, 25, 25, 26, 33, 48)];
            random.nextBytes(bytes);
            if (bytes.length == 25 && random.nextBoolean()) {
                bytes[0] = 1; // the current format byte: only the 8-byte check stands in the way
            }
            assertRejected(owner(random), URL.encodeToString(bytes));
            assertRejected(owner(random), Base64.getEncoder().encodeToString(bytes));
        });
    }

    @Test
    void randomStringsAreA400NeverAnotherFailure() {
        List<Generators.Kind> kinds = List.of(Generators.Kind.values());
        Property.forAll("token-random-strings", 3000, (random, trial) -> {
            String token = switch (random.nextInt(4)) {
                case 0 -> Generators.text(random, random.nextInt(80), kinds);
                case 1 -> Generators.text(random, 34, List.of(Generators.Kind.ASCII));
                case 2 -> "=".repeat(random.nextInt(3)) + URL.encodeToString(new byte[random.nextInt(30)]) + "==";
                default ->
                    Generators.pick(
                            random,
                            "",
                            " ",
                            "%00",
                            "null",
                            "undefined",
                            "[]",
                            "{}",
                            "-1",
                            "0",
                            "A".repeat(65),
                            "A".repeat(100_000),
                            "../../etc/passwd",
                            "' OR '1'='1",
                            "\u0000",
                            "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            };
            assertRejected(owner(random), token);
        });
    }

    @Test
    void tamperingWithAnyBitOfAValidTokenIsDetected() {
        Property.forAll("token-bit-flips", 3000, (random, trial) -> {
            String owner = owner(random);
            String token = PageTokens.encode(owner, id(random));
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            int bit = random.nextInt(bytes.length * 8);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
            assertRejected(owner, URL.encodeToString(bytes));
            String truncated = token.substring(0, random.nextInt(token.length()));
            assertRejected(owner, truncated);
            assertRejected(
                    owner, token + Generators.text(random, 1 + random.nextInt(4), List.of(Generators.Kind.ASCII)));
        });
    }

    @Test
    void anotherCallersTokenCannotBeReboundToAPositionInTheirList() {
        // The attack: take a token issued to me, put another user's todo id in it, keep my check.
        Property.forAll("token-id-swap", 2000, (random, trial) -> {
            String mallory = owner(random);
            String victimsTodo = id(random);
            byte[] mine = Base64.getUrlDecoder().decode(PageTokens.encode(mallory, id(random)));
            UUID target = UUID.fromString(victimsTodo);
            ByteBuffer.wrap(mine, 1, 16)
                    .putLong(target.getMostSignificantBits())
                    .putLong(target.getLeastSignificantBits());
            assertRejected(mallory, URL.encodeToString(mine));
            // and a token of the victim's, replayed by mallory, is rejected as well
            String victim = owner(random);
            if (!victim.equals(mallory)) {
                assertRejected(mallory, PageTokens.encode(victim, victimsTodo));
            }
        });
    }
}
