package io.todoapi.todo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassOriginsTest {

    @Test
    void groupsClassLoadLinesByOriginAndIgnoresOtherLines() {
        Map<String, Integer> counts = ClassOrigins.count(List.of(
                "[0.010s][info][class,load] java.lang.Object source: shared objects file",
                "[0.200s][info][class,load] software.amazon.awssdk.core.SdkBytes source: file:/f.jar",
                "[0.201s][info][class,load] software.amazon.lambda.powertools.logging.PowertoolsLogging source: x",
                "[0.300s][info][class,load] io.todoapi.todo.http.RequestPipeline source: file:/f.jar",
                "[0.301s][info][class,load] com.fasterxml.jackson.databind.ObjectMapper source: file:/n.jar",
                "[0.302s][info][class,load] org.example.Other source: file:/n.jar",
                "[0.303s][info][gc] not a class line"));

        assertThat(counts)
                .containsEntry("JDK", 1)
                .containsEntry("AWS SDK", 1)
                .containsEntry("Logback + Powertools + SLF4J", 1)
                .containsEntry("our code", 1)
                .containsEntry("Jackson databind/annotations", 1)
                .containsEntry("other", 1)
                .containsEntry("Apache HTTP client", 0);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
    }

    @Test
    void relocatedJacksonInsideTheSdkCountsAsSdk() {
        assertThat(ClassOrigins.originOf("software.amazon.awssdk.thirdparty.jackson.core.JsonFactory"))
                .isEqualTo("AWS SDK");
    }
}
