package io.todoapi.todo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadTest {

    @Test
    void readsTheThreeLoadAveragesOfProcLoadavg() {
        Load load = Load.parse("16.42 12.03 9.90 3/812 12345\n");

        assertThat(load).isEqualTo(new Load(16.42, 12.03, 9.90));
        assertThat(load.toString()).isEqualTo("16.42, 12.03, 9.90");
    }
}
