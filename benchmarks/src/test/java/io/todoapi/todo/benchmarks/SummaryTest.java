package io.todoapi.todo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Summary.of(List.of(900, 700, 800))).isEqualTo(new Summary(700, 800, 900, 3));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Summary.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Summary(1, 2.5, 4, 4));
    }

    @Test
    void formatsMedianThenRange() {
        assertThat(Summary.of(List.of(812.4, 790.2, 845.6)).format()).isEqualTo("812 (790–846)");
        assertThat(Summary.of(List.of(21.44, 20.9, 23.0)).formatDecimal()).isEqualTo("21.4 (20.9–23.0)");
    }

    @Test
    void percentilesAreNearestRankValuesOfTheMeasurements() {
        List<Integer> hundred = new java.util.ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            hundred.add(i);
        }
        assertThat(Summary.percentile(hundred, 50)).isEqualTo(50);
        assertThat(Summary.percentile(hundred, 99)).isEqualTo(99);
        assertThat(Summary.percentile(hundred, 100)).isEqualTo(100);
        assertThat(Summary.percentile(List.of(3.0, 1.0, 2.0), 50)).isEqualTo(2);
        assertThat(Summary.percentile(List.of(7.5), 99)).isEqualTo(7.5);
    }

    @Test
    void refusesAPercentileOutsideItsRange() {
        assertThatThrownBy(() -> Summary.percentile(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Summary.percentile(List.of(1), 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Summary.percentile(List.of(), 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnEmptyMeasurement() {
        assertThatThrownBy(() -> Summary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
