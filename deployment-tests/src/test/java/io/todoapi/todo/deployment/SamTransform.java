package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.testing.TodoFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The SAM transform (aws-sam-translator, run by python3) of template.yaml as CloudFormation hands it to the transform:
 * openapi.yaml already included and each function's code an S3 location. The transform of the template itself runs
 * once per test JVM and is shared, because several tests check names only the transform decides (the API stage, the
 * function aliases).
 */
final class SamTransform {

    private static Map<String, Object> output;
    private static String unavailable;
    private static boolean probed;

    private SamTransform() {}

    /**
     * Why the transform cannot run here (aws-sam-translator not importable by python3), or null when it can. Tests
     * skip with this message rather than fail, as CfnLintTest does without cfn-lint.
     */
    static synchronized String unavailable() {
        if (!probed) {
            probed = true;
            Tools.Result probe = Tools.onPath("python3")
                    ? Tools.run(
                            List.of("python3", "-c", "import samtranslator; print(samtranslator.__version__)"),
                            null,
                            Map.of(),
                            60)
                    : new Tools.Result(127, "", "python3 is not on PATH");
            if (probe.exitCode() == 0) {
                System.out.println("aws-sam-translator " + probe.stdout().strip());
            } else {
                unavailable = "SKIPPED: aws-sam-translator is not importable by python3 ("
                        + probe.stderr().strip().lines().reduce((a, b) -> b).orElse("")
                        + "); pip install aws-sam-translator";
                System.err.println(unavailable);
            }
        }
        return unavailable;
    }

    /** The transformed template.yaml (call {@link #unavailable()} first). */
    static synchronized Map<String, Object> output() {
        if (output == null) {
            output = transform(asDeployed(Project.template()));
        }
        return output;
    }

    /** The transformed template's resources of one type, by logical id. */
    static Map<String, Map<String, Object>> resources(Map<String, Object> transformed, String type) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        map(transformed.get("Resources")).forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                matching.put(id, map(resource));
            }
        });
        return matching;
    }

    /** A copy of a template as the SAM transform gets it in CloudFormation: spec included, code uploaded. */
    static Map<String, Object> asDeployed(Map<String, Object> source) {
        Map<String, Object> template = deepCopy(source);
        Map<String, Object> api =
                map(map(map(template.get("Resources")).get("TodoApi")).get("Properties"));
        api.put("DefinitionBody", Project.spec());
        map(map(template.get("Globals")).get("Function")).remove("CodeUri");
        for (TodoFunction function : TodoFunction.values()) {
            map(map(map(template.get("Resources")).get(function.logicalId())).get("Properties"))
                    .put("CodeUri", "s3://todo-api-artifacts/" + function.logicalId() + ".zip");
        }
        return template;
    }

    /** Runs the transform on {@code template}; a failed transform fails the calling test with its messages. */
    static Map<String, Object> transform(Map<String, Object> template) {
        String script;
        try (InputStream in = SamTransform.class.getResourceAsStream("sam_transform.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tools.Result result = Tools.run(
                List.of("python3", "-c", script), Json.write(template), Map.of("AWS_DEFAULT_REGION", "eu-west-1"), 300);
        assertThat(result.exitCode())
                .as("SAM transform failed:%n%s", result.stderr())
                .isZero();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        return map(new Yaml(new SafeConstructor(options)).load(result.stdout()));
    }

    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            return (T) new ArrayList<>(l.stream().map(SamTransform::deepCopy).toList());
        }
        return value;
    }
}
