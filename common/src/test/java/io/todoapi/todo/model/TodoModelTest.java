package io.todoapi.todo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TodoModelTest {

    private static final Instant T0 = Instant.parse("2026-11-24T19:02:53.123Z");
    private static final Instant T1 = Instant.parse("2026-11-24T19:05:00.000Z");
    private static final Todo TODO = new Todo("id", "title", "desc", false, LocalDate.of(2026, 12, 1), T0, T0, 1);

    @Test
    void aNewTodoStartsAtVersionOneCreatedAndUpdatedNow() {
        assertThat(new NewTodo("t", null, true, null).toTodo("id", T0))
                .isEqualTo(new Todo("id", "t", null, true, null, T0, T0, 1));
    }

    @Test
    void aPatchSetsRemovesAndKeepsFieldsAndBumpsTheVersion() {
        TodoPatch patch = new TodoPatch(Change.set("new"), Change.remove(), Change.keep(), Change.remove());
        assertThat(patch.applyTo(TODO, T1)).isEqualTo(new Todo("id", "new", null, false, null, T0, T1, 2));
    }

    @Test
    void aPatchCannotRemoveRequiredFieldsOrBeEmpty() {
        assertThatThrownBy(() -> new TodoPatch(Change.remove(), Change.keep(), Change.keep(), Change.keep()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TodoPatch(Change.keep(), Change.keep(), Change.remove(), Change.keep()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TodoPatch(Change.keep(), Change.keep(), Change.keep(), Change.keep()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFingerprintIgnoresRepresentationButNotMeaning() {
        NewTodo todo = new NewTodo("Buy milk", null, false, null);
        assertThat(todo.fingerprint())
                .isEqualTo(new NewTodo("Buy milk", null, false, null).fingerprint())
                .hasSize(64);
        assertThat(todo.fingerprint())
                .isNotEqualTo(new NewTodo("Buy milk ", null, false, null).fingerprint())
                .isNotEqualTo(new NewTodo("Buy milk", "", false, null).fingerprint())
                .isNotEqualTo(new NewTodo("Buy milk", null, true, null).fingerprint())
                .isNotEqualTo(new NewTodo("Buy milk", null, false, LocalDate.of(2026, 1, 1)).fingerprint());
        // field boundaries are length-prefixed: moving text between fields changes the fingerprint
        assertThat(new NewTodo("a|description=3:b", null, false, null).fingerprint())
                .isNotEqualTo(new NewTodo("a", "b", false, null).fingerprint());
    }

    @Test
    void timestampsHaveMillisecondPrecision() {
        java.time.Clock clock =
                java.time.Clock.fixed(Instant.parse("2026-11-24T19:02:53.123456789Z"), java.time.ZoneOffset.UTC);
        assertThat(Timestamps.now(clock)).isEqualTo(T0);
    }
}
