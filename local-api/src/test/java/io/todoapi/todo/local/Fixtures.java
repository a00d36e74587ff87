package io.todoapi.todo.local;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The small template and spec under src/test/resources/fixtures. */
final class Fixtures {

    final List<String> warnings = new ArrayList<>();
    final SamTemplate template;
    final ApiSpec spec;

    Fixtures(Map<String, String> overrides) {
        template = SamTemplate.read(file("template.yaml"), overrides, "todos-local", warnings::add);
        spec = ApiSpec.of(
                CloudFormationYaml.read(file("openapi.yaml")),
                template.functions().keySet(),
                template);
    }

    Fixtures() {
        this(Map.of());
    }

    static Path file(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    ApiSpec.Route route(String method, String path) {
        return spec.routes().stream()
                .filter(r -> r.method().equals(method) && r.pathTemplate().equals(path))
                .findFirst()
                .orElseThrow();
    }
}
