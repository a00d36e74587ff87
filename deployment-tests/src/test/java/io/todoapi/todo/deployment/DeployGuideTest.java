package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static io.todoapi.todo.deployment.Project.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.testing.TodoFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/deploy.md against template.yaml and events/: the commands a newcomer copies must name what the template
 * really defines (outputs, parameters, log groups, the Cognito auth flow, functions and their event files), the
 * guided deploy's transcript must be the prompts SAM CLI prints for this template, and no command of the guide or
 * the README may carry a password as an argument.
 */
class DeployGuideTest {

    private static final String GUIDE = Project.read("docs/deploy.md");

    @Test
    void everyStackOutputTheGuideReadsExistsAndEveryOutputIsRead() {
        Set<String> read = matches("\\$\\(output (\\w+)\\)");
        assertThat(read)
                .as("outputs read with $(output X) in docs/deploy.md")
                .containsExactlyInAnyOrderElementsOf(
                        map(Project.template().get("Outputs")).keySet());
    }

    @Test
    void theGuidedDeployTableNamesEveryTemplateParameter() {
        Set<String> named = new TreeSet<>();
        // Parameter names are alphanumeric (CloudFormation), e.g. AlarmLatencyP99Ms.
        for (String row : matches("(?m)^\\| Parameter ([A-Za-z][A-Za-z0-9]*(?: / [A-Za-z][A-Za-z0-9]*)*) \\|")) {
            named.addAll(List.of(row.split(" / ")));
        }
        assertThat(named)
                .as("parameters in the sam deploy --guided table")
                .containsExactlyInAnyOrderElementsOf(
                        map(Project.template().get("Parameters")).keySet());
    }

    @Test
    void theGuidedDeployTranscriptPromptsForEveryParameterInOrderWithItsDefault() {
        // What SAM CLI prints: "Parameter <Name> [<Default>]:" per template parameter, in template order; an empty
        // default for a parameter without one (samcli/commands/deploy/guided_context.py, prompt_parameters).
        List<String> prompted = new ArrayList<>();
        Matcher prompt =
                Pattern.compile("(?m)^\\s*Parameter (\\w+) \\[([^\\]]*)\\]:").matcher(GUIDE);
        while (prompt.find()) {
            prompted.add(prompt.group(1) + " [" + prompt.group(2) + "]");
        }
        List<String> expected = new ArrayList<>();
        map(Project.template().get("Parameters"))
                .forEach((name, definition) -> expected.add(name + " ["
                        + (map(definition).containsKey("Default")
                                ? map(definition).get("Default")
                                : "") + "]"));
        assertThat(prompted)
                .as("the sam deploy --guided transcript in docs/deploy.md")
                .isEqualTo(expected);
    }

    @Test
    void noPasswordIsEverOnACommandLine() {
        for (String file : List.of("docs/deploy.md", "README.md")) {
            String text = Project.read(file);
            assertThat(text)
                    .as("%s: a password as an argument shows in ps and the shell history", file)
                    .doesNotContain("--password")
                    .doesNotContain("PASSWORD=\"$")
                    .doesNotContainPattern("PASSWORD='")
                    .doesNotContainPattern("PASSWORD=[^\\s\"'`]");
        }
        assertThat(GUIDE).as("the guide reads the password without echo").contains("read -r -s -p");
    }

    @Test
    void theSignInUsesAnAuthFlowTheAppClientAllows() {
        Set<String> flows = matches("--auth-flow (\\w+)");
        flows.addAll(matches("\"AuthFlow\":\"(\\w+)\""));
        assertThat(flows).as("auth flows in docs/deploy.md").isNotEmpty();
        Set<Object> allowed = new TreeSet<>();
        resources("AWS::Cognito::UserPoolClient")
                .values()
                .forEach(client ->
                        allowed.addAll(list(map(client.get("Properties")).get("ExplicitAuthFlows"))));
        for (String flow : flows) {
            assertThat(allowed).as("ExplicitAuthFlows of the app client").contains("ALLOW_" + flow);
        }
        assertThat(GUIDE).as("the API takes the ID token").contains("AuthenticationResult.IdToken");
    }

    @Test
    void everyLogGroupTheGuideReadsIsOneTheTemplateCreates() {
        Set<String> created = new TreeSet<>();
        resources("AWS::Logs::LogGroup")
                .values()
                .forEach(group -> created.add(
                        String.valueOf(map(map(group.get("Properties")).get("LogGroupName"))
                                        .get("Fn::Sub"))
                                .replace("${AWS::StackName}", "$STACK")));
        Set<String> read = matches("(/aws/(?:lambda|apigateway)/\\$STACK/[A-Za-z]+)");
        assertThat(read).as("log groups in docs/deploy.md").isNotEmpty();
        assertThat(created).as("log groups template.yaml creates").containsAll(read);
    }

    @Test
    void theGuideInvokesEveryFunctionLocallyWithItsOwnEventFile() {
        for (TodoFunction function : TodoFunction.values()) {
            assertThat(GUIDE)
                    .as("sam local invoke of %s", function.logicalId())
                    .containsPattern("sam local invoke " + function.logicalId() + " +-e (events|/tmp)/"
                            + function.module() + "\\.json" + " +--env-vars events/env.json");
            assertThat(Project.root().resolve("events/" + function.module() + ".json"))
                    .isRegularFile();
        }
    }

    private static Set<String> matches(String regex) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(GUIDE);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
