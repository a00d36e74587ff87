package io.todoapi.todo.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The API's documents: the spec as it is at /openapi.yaml, and Swagger UI at /docs (from its webjar, so it works
 * offline) on the {@link DocsSpec} copy of it at /docs/openapi.json.
 */
final class DocsResources {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

    private final Path specFile;
    private final Map<String, Object> spec;
    private final String swaggerUiVersion;

    DocsResources(Path specFile, Map<String, Object> spec) {
        this.specFile = specFile;
        this.spec = spec;
        this.swaggerUiVersion = swaggerUiVersion();
    }

    /** The answer to a GET or HEAD of {@code rawPath}, if it is one of these documents; {@code origin} is ours. */
    Optional<LocalResponse> respond(String rawPath, String origin) {
        if (rawPath.equals("/openapi.yaml")) {
            return Optional.of(document("application/yaml; charset=utf-8", read(specFile)));
        }
        if (rawPath.equals("/docs")) {
            return Optional.of(new LocalResponse(302, Map.of("Location", List.of("/docs/")), new byte[0]));
        }
        if (!rawPath.startsWith("/docs/")) {
            return Optional.empty();
        }
        String file = rawPath.substring("/docs/".length());
        if (file.isEmpty()) {
            file = "index.html";
        }
        if (file.equals("openapi.json")) {
            return Optional.of(document("application/json", json(DocsSpec.of(spec, origin))));
        }
        if (!StaticFiles.isSafe(file)) {
            return Optional.of(notFound());
        }
        InputStream resource = file.equals("index.html") || file.equals("initializer.js")
                ? DocsResources.class.getResourceAsStream("docs/" + file)
                : DocsResources.class.getClassLoader().getResourceAsStream(WEBJAR + swaggerUiVersion + "/" + file);
        if (resource == null) {
            return Optional.of(notFound());
        }
        try (resource) {
            return Optional.of(document(StaticFiles.contentType(file), resource.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalResponse document(String contentType, byte[] body) {
        return LocalResponse.of(200, contentType, body)
                .withHeader("Cache-Control", "no-cache")
                .withHeader("X-Content-Type-Options", "nosniff");
    }

    private static LocalResponse notFound() {
        return LocalResponse.of(404, "text/plain; charset=utf-8", "Not found");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The spec cannot be written as JSON", e);
        }
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = DocsResources.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
