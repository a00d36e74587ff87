package io.todoapi.todo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todoapi.todo.testing.TodoFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkRunnerTest {

    @Test
    void readsPrimingCountsInTheOrderGiven() {
        assertThat(BenchmarkRunner.integers("200, 1,10,")).containsExactly(200, 1, 10);
    }

    @Test
    void readsSectionsAndRefusesUnknownOnes() {
        assertThat(BenchmarkRunner.names("snapstart,credentials", BenchmarkRunner.SECTIONS))
                .containsExactly("credentials", "snapstart");
        assertThatThrownBy(() -> BenchmarkRunner.names("snapstart,coldstarts", BenchmarkRunner.SECTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown name coldstarts");
    }

    @Test
    void selectsFunctionsByModuleInTheirUsualOrder() {
        assertThat(BenchmarkRunner.functions("all")).containsExactly(TodoFunction.values());
        assertThat(BenchmarkRunner.functions("delete-todo,create-todo"))
                .isEqualTo(List.of(TodoFunction.CREATE, TodoFunction.DELETE));
    }
}
