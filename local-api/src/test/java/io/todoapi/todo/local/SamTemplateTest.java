package io.todoapi.todo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

    @Test
    void readsFunctionsWithGlobalsAndResolvedEnvironment() {
        Fixtures fixtures = new Fixtures();
        Map<String, SamTemplate.Function> functions = fixtures.template.functions();
        assertThat(functions).containsOnlyKeys("CreateTodoFunction", "GetTodoFunction");
        SamTemplate.Function create = functions.get("CreateTodoFunction");
        assertThat(create.handlerClass()).isEqualTo("io.todoapi.todo.create.CreateTodoHandler");
        assertThat(create.environment())
                .containsExactly(
                        Map.entry("TABLE_NAME", "todos-local"),
                        Map.entry("ALLOWED_ORIGIN", "*"),
                        Map.entry("POWERTOOLS_LOG_LEVEL", "INFO"),
                        Map.entry("POWERTOOLS_SERVICE_NAME", "local-todo-api"));
        assertThat(create.timeoutSeconds()).isEqualTo(10);
        assertThat(create.memoryMb()).isEqualTo(1024);
        assertThat(functions.get("GetTodoFunction").timeoutSeconds()).isEqualTo(5);
        assertThat(fixtures.warnings)
                .singleElement()
                .asString()
                .contains("EXTRA")
                .contains("cannot be resolved locally");
    }

    @Test
    void theAppClientResolvesToTheLocalClientIdTheAudienceOfLocalTokens() {
        assertThat(new Fixtures().template.functions().get("GetTodoFunction").environment())
                .containsEntry("USER_POOL_CLIENT_ID", "local-client");
        assertThat(LocalAuthorizer.LOCAL_CLIENT_ID).isEqualTo("local-client");
    }

    @Test
    void parameterOverridesReplaceDefaults() {
        Fixtures fixtures = new Fixtures(Map.of("AllowedOrigin", "http://localhost:5173", "Nope", "x"));
        assertThat(fixtures.template.functions().get("GetTodoFunction").environment())
                .containsEntry("ALLOWED_ORIGIN", "http://localhost:5173");
        assertThat(fixtures.warnings).anyMatch(w -> w.contains("no parameter Nope"));
    }

    @Test
    void findsTheIncludedSpecTheStageAndTheTable() {
        Fixtures fixtures = new Fixtures();
        assertThat(fixtures.template.includedDefinition()).contains("openapi.yaml");
        assertThat(fixtures.template.stageName()).isEqualTo("prod");
        assertThat(fixtures.template.tableProperties().orElseThrow()).containsKeys("KeySchema", "AttributeDefinitions");
    }

    @Test
    void readsShortAndLongFormIntrinsicsAlike() {
        Map<String, Object> shortForm = CloudFormationYaml.parse(
                "a: !Ref X\nb: !GetAtt T.Arn\nc: !Sub 'x-${X}'\n" + "d: !Join [',', [a, b]]\n");
        Map<String, Object> longForm = CloudFormationYaml.parse("a: {Ref: X}\nb: {'Fn::GetAtt': [T, Arn]}\n"
                + "c: {'Fn::Sub': 'x-${X}'}\nd: {'Fn::Join': [',', [a, b]]}\n");
        assertThat(shortForm).isEqualTo(longForm);
    }

    @Test
    void resolvesFnIfOnTheTemplatesConditions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, """
                Parameters:
                  Mode: {Type: String, Default: a}
                Conditions:
                  IsA: !Equals [!Ref Mode, a]
                  NotA: !Not [!Condition IsA]
                  Both: !And [!Condition IsA, !Equals [x, x]]
                  Either: !Or [!Condition NotA, !Equals [!Ref 'AWS::Region', us-east-1]]
                """);
        List<String> warnings = new ArrayList<>();
        SamTemplate template = SamTemplate.read(file, Map.of(), "t", warnings::add);
        assertThat(template.resolve("x", value("!If [IsA, first, second]"))).contains("first");
        assertThat(template.resolve("x", value("!If [NotA, first, second]"))).contains("second");
        assertThat(template.resolve("x", value("!If [Both, !Sub '${Mode}!', second]")))
                .contains("a!");
        assertThat(template.resolve("x", value("!If [Either, first, second]")))
                .as("AWS::Region is us-east-1 locally")
                .contains("first");
        assertThat(warnings).isEmpty();
        assertThat(SamTemplate.read(file, Map.of("Mode", "b"), "t", warnings::add)
                        .resolve("x", value("!If [IsA, first, second]")))
                .contains("second");
        assertThat(template.resolve("x", value("!If [Missing, first, second]"))).isEmpty();
        assertThat(warnings).singleElement().asString().contains("no condition Missing");
    }

    private static Object value(String yaml) {
        return CloudFormationYaml.parse("v: " + yaml).get("v");
    }

    @Test
    void theProjectsTemplateAllowsAnyOriginLocallyUnlessOverridden() {
        Path project = RunningApi.projectDirectory().resolve("template.yaml");
        List<String> warnings = new ArrayList<>();
        SamTemplate local = SamTemplate.read(project, Map.of(), "todos", warnings::add);
        assertThat(local.functions().values())
                .allSatisfy(function -> assertThat(function.environment()).containsEntry("ALLOWED_ORIGIN", "*"));
        assertThat(warnings).noneMatch(warning -> warning.contains("ALLOWED_ORIGIN"));
        SamTemplate overridden =
                SamTemplate.read(project, Map.of("AllowedOrigin", "http://localhost:5173"), "todos", warnings::add);
        assertThat(overridden.functions().values())
                .allSatisfy(function ->
                        assertThat(function.environment()).containsEntry("ALLOWED_ORIGIN", "http://localhost:5173"));
    }
}
