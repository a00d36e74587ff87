package io.todoapi.todo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todoapi.todo.error.FieldError;
import io.todoapi.todo.error.InvalidRequestException;
import io.todoapi.todo.model.Precondition;
import io.todoapi.todo.model.Todo;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {

    private static final Instant T = Instant.parse("2026-11-24T19:02:53.123Z");
    private static final Todo VERSION_3 =
            new Todo("019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f60", "t", null, false, null, T, T, 3);

    @Test
    void noHeaderOrStarOnlyRequiresExistence() {
        assertThat(EntityTags.ifMatch(null)).isEqualTo(Precondition.NONE);
        assertThat(EntityTags.ifMatch(" * ")).isEqualTo(Precondition.NONE);
    }

    @Test
    void ifMatchListsStrongVersionsOnly() {
        assertThat(EntityTags.ifMatch("\"3\"")).isEqualTo(Precondition.anyOf(Set.of(3L)));
        assertThat(EntityTags.ifMatch("\"3\", W/\"4\", \"5\"")).isEqualTo(Precondition.anyOf(Set.of(3L, 5L)));
        assertThat(EntityTags.ifMatch("W/\"3\"")).isEqualTo(Precondition.anyOf(Set.of()));
        assertThat(EntityTags.ifMatch("\"abc\"")).isEqualTo(Precondition.anyOf(Set.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3", "3\"", "\"3\"\"", "W/3", "\"3\",", "\"a\"b\""})
    void malformedIfMatchIsA400NamingTheHeader(String header) {
        assertThatThrownBy(() -> EntityTags.ifMatch(header))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(FieldError.header(
                                        "If-Match", "must be * or a list of entity tags such as \"3\"")));
    }

    @Test
    void atMost100EntityTagsBecauseDynamoDbAllowsAtMost100OperandsForIn() {
        String hundred = java.util.stream.IntStream.rangeClosed(1, 100)
                .mapToObj(v -> "\"" + v + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        assertThat(EntityTags.ifMatch(hundred))
                .isInstanceOfSatisfying(
                        Precondition.Versions.class,
                        versions -> assertThat(versions.versions()).hasSize(100));
        assertThatThrownBy(() -> EntityTags.ifMatch(hundred + ", \"101\""))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(FieldError.header("If-Match", "must list at most 100 entity tags")));
        assertThatThrownBy(() -> EntityTags.noneMatchHits(hundred + ", W/\"101\"", VERSION_3))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors().getFirst().name()).isEqualTo("If-None-Match"));
    }

    @Test
    void ifNoneMatchUsesWeakComparison() {
        assertThat(EntityTags.noneMatchHits("\"3\"", VERSION_3)).isTrue();
        assertThat(EntityTags.noneMatchHits("W/\"3\"", VERSION_3)).isTrue();
        assertThat(EntityTags.noneMatchHits("\"1\", \"3\"", VERSION_3)).isTrue();
        assertThat(EntityTags.noneMatchHits("*", VERSION_3)).isTrue();
        assertThat(EntityTags.noneMatchHits("\"2\"", VERSION_3)).isFalse();
        assertThat(EntityTags.noneMatchHits(null, VERSION_3)).isFalse();
    }

    @Test
    void malformedIfNoneMatchIsA400() {
        assertThatThrownBy(() -> EntityTags.noneMatchHits("3", VERSION_3))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors().getFirst().name()).isEqualTo("If-None-Match"));
    }

    @Test
    void theETagOfATodoIsItsVersionInQuotes() {
        assertThat(EntityTags.of(VERSION_3)).isEqualTo("\"3\"");
    }
}
