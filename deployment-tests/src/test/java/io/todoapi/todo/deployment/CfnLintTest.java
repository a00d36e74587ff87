package io.todoapi.todo.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** cfn-lint on template.yaml (it runs the SAM transform too): no error, warning or informational finding. */
class CfnLintTest {

    @Test
    void cfnLintFindsNothingInTheTemplate() {
        assumeTrue(
                Tools.onPath("cfn-lint"),
                "SKIPPED: cfn-lint is not on PATH; install it (pip install cfn-lint) to lint template.yaml in the build");
        Tools.Result version = Tools.run(List.of("cfn-lint", "--version"), null, Map.of(), 60);
        Tools.Result lint =
                Tools.run(List.of("cfn-lint", "--format", "parseable", "--", "template.yaml"), null, Map.of(), 300);
        System.out.println("cfn-lint " + version.stdout().trim() + " template.yaml -> exit " + lint.exitCode()
                + (lint.stdout().isBlank() ? ", no findings" : "\n" + lint.stdout()));
        assertThat(lint.stdout() + lint.stderr()).as("cfn-lint findings").isBlank();
        assertThat(lint.exitCode()).as("cfn-lint exit code").isZero();
    }
}
