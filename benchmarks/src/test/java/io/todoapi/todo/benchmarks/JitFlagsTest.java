package io.todoapi.todo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.testing.FunctionArtifact;
import org.junit.jupiter.api.Test;

class JitFlagsTest {

    @Test
    void comparesTheTemplatesFlagsFirstAndBothKnownSetsOnce() {
        assertThat(JitFlags.compared().getFirst().javaToolOptions()).isEqualTo(FunctionArtifact.JAVA_TOOL_OPTIONS);
        assertThat(JitFlags.compared())
                .contains(JitFlags.C1_ONLY, JitFlags.FULL_TIERED)
                .doesNotHaveDuplicates();
    }

    @Test
    void namesTheKnownSetsForFilesAndTheCsv() {
        assertThat(JitFlags.C1_ONLY.slug()).isEqualTo("c1-only");
        assertThat(JitFlags.FULL_TIERED.slug()).isEqualTo("full-tiered");
        assertThat(new JitFlags("other", "-XX:+TieredCompilation -XX:MarkSweepDeadRatio=1").slug())
                .isEqualTo("-XX_+TieredCompilation_-XX_MarkSweepDeadRatio=1");
    }

    @Test
    void readsAListOfFlagSetsAndKnowsTheKnownOnesInAnyOrder() {
        assertThat(JitFlags.parse(" ")).isEqualTo(JitFlags.compared());
        assertThat(
                        JitFlags.parse(
                                "-XX:MarkSweepDeadRatio=0 -XX:TieredStopAtLevel=1  -XX:+TieredCompilation|-XX:+TieredCompilation -Xss1m|"))
                .containsExactly(JitFlags.C1_ONLY, new JitFlags("other", "-XX:+TieredCompilation -Xss1m"));
    }
}
