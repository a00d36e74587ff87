package io.todoapi.todo.testing.envreads;

import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.testing.envreads.boot.EnvironmentReads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent records what a JVM reads from its environment, however it asks. */
class EnvironmentReadsAgentTest {

    /** Run in the child JVM: reads one variable by name, then the whole environment. */
    public static final class Reader {
        public static void main(String[] args) {
            String first = System.getenv("TODO_PROBE_VARIABLE");
            String second = System.getenv("TODO_PROBE_VARIABLE");
            int variables = System.getenv().size();
            System.out.println((first == null) + " " + (second == null) + " " + (variables >= 0));
        }
    }

    @Test
    void recordsEachNameOnceAndAReadOfTheWholeEnvironment(@TempDir Path directory) throws Exception {
        Path reads = directory.resolve("reads.txt");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xshare:off",
                        EnvironmentReadsJar.javaAgentOption(reads),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Reader.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).as(output).isZero();
        List<String> names = Files.readAllLines(reads);
        assertThat(names)
                .containsSubsequence("TODO_PROBE_VARIABLE", EnvironmentReads.WHOLE_ENVIRONMENT)
                .containsOnlyOnce("TODO_PROBE_VARIABLE");
    }
}
