package io.todoapi.todo.deployment;

import io.todoapi.todo.local.CloudFormationYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The deployment files of the project (template.yaml, openapi.yaml, Makefile, ...), read once. */
final class Project {

    private static final Path ROOT = findRoot();
    private static Map<String, Object> template;
    private static Map<String, Object> spec;

    private Project() {}

    /** The repository root: {@code -Dtodo.project.root} (set by the pom), else the nearest directory above with the files. */
    static Path root() {
        return ROOT;
    }

    private static Path findRoot() {
        String configured = System.getProperty("todo.project.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("openapi.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "template.yaml and openapi.yaml not found above " + Path.of("").toAbsolutePath());
    }

    static String read(String relativePath) {
        try {
            return Files.readString(ROOT.resolve(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + relativePath, e);
        }
    }

    /** template.yaml, with short-form intrinsics ({@code !Ref X}) turned into their long form ({@code {Ref: X}}). */
    static synchronized Map<String, Object> template() {
        if (template == null) {
            template = CloudFormationYaml.parse(read("template.yaml"));
        }
        return template;
    }

    /**
     * openapi.yaml, read as plain YAML: a short-form intrinsic tag ({@code !Sub}) makes this fail, which is the point
     * (the spec must stay a plain OpenAPI document).
     */
    static synchronized Map<String, Object> spec() {
        if (spec == null) {
            spec = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(read("openapi.yaml")));
        }
        return spec;
    }

    /** The resources of template.yaml of one type, by logical id, in template order. */
    static Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        map(template().get("Resources")).forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                matching.put(id, map(resource));
            }
        });
        return matching;
    }

    static Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = map(map(template().get("Resources")).get(logicalId));
        if (resource.isEmpty()) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return resource;
    }

    static Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).get("Properties"));
    }

    static Map<String, Object> functionGlobals() {
        return map(map(template().get("Globals")).get("Function"));
    }

    /** A property of a serverless function: its own value, else the Globals one. */
    static Object functionProperty(String logicalId, String property) {
        Map<String, Object> properties = properties(logicalId);
        return properties.containsKey(property)
                ? properties.get(property)
                : functionGlobals().get(property);
    }

    /** The value of a local {@code $ref} ({@code #/components/...}) of openapi.yaml, or {@code value} itself. */
    static Map<String, Object> resolve(Object value) {
        Object ref = map(value).get("$ref");
        if (!(ref instanceof String pointer)) {
            return map(value);
        }
        if (!pointer.startsWith("#/")) {
            throw new AssertionError("openapi.yaml must only use local references, not " + pointer);
        }
        Object current = spec();
        for (String part : pointer.substring(2).split("/")) {
            current = map(current).get(part.replace("~1", "/").replace("~0", "~"));
        }
        if (current == null) {
            throw new AssertionError("openapi.yaml: unresolved reference " + pointer);
        }
        return map(current);
    }

    /** A schema of components/schemas. */
    static Map<String, Object> schema(String name) {
        Map<String, Object> schema =
                map(map(map(spec().get("components")).get("schemas")).get(name));
        if (schema.isEmpty()) {
            throw new AssertionError("openapi.yaml has no schema " + name);
        }
        return schema;
    }

    /** The operation at {@code path} and {@code method} (lower case) of openapi.yaml. */
    static Map<String, Object> operation(String path, String method) {
        Map<String, Object> operation =
                map(map(map(spec().get("paths")).get(path)).get(method));
        if (operation.isEmpty()) {
            throw new AssertionError("openapi.yaml has no " + method.toUpperCase() + " " + path);
        }
        return operation;
    }

    /** The parameters of an operation, path-level ones first, resolved. */
    static List<Map<String, Object>> parameters(String path, String method) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        list(map(map(spec().get("paths")).get(path)).get("parameters")).forEach(p -> parameters.add(resolve(p)));
        list(operation(path, method).get("parameters")).forEach(p -> parameters.add(resolve(p)));
        return parameters;
    }

    static Map<String, Object> parameter(String path, String method, String in, String name) {
        return parameters(path, method).stream()
                .filter(p -> in.equals(p.get("in")) && name.equals(p.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(method + " " + path + " has no " + in + " parameter " + name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }
}
