package io.todoapi.todo.local;

import static io.todoapi.todo.local.CloudFormationYaml.list;
import static io.todoapi.todo.local.CloudFormationYaml.map;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spec as /docs hands it to Swagger UI, so that "Try it out" works as a newcomer uses it: the server it is
 * served from comes first among the servers (the deployed one stays listed); parameters are not pre-filled (a fixed
 * {@code Idempotency-Key} makes a second create 422, a fixed {@code nextToken} makes a list 400, a fixed
 * {@code If-Match} makes a change 412), but each example stays visible as {@code x-example}, which Swagger UI shows
 * as documentation and does not pre-fill for OpenAPI 3; the CORS preflights, which browsers send by themselves,
 * are not offered as operations; API Gateway's extensions, which Swagger UI does not use, are left out. Request
 * body examples stay: they are valid requests. openapi.yaml itself is served unchanged at /openapi.yaml.
 */
final class DocsSpec {

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "head", "patch", "trace");

    private DocsSpec() {}

    /** The Swagger UI copy of {@code spec}, served from {@code origin} (e.g. {@code http://localhost:3000}). */
    static Map<String, Object> of(Map<String, Object> spec, String origin) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) withoutGatewayExtensions(spec);
        List<Object> servers = new ArrayList<>();
        servers.add(new LinkedHashMap<>(Map.of("url", origin, "description", "This local API (local-api)")));
        servers.addAll(list(copy.get("servers")));
        copy.put("servers", servers);

        Set<String> usedTags = new HashSet<>();
        Map<String, Object> paths = map(copy.get("paths"));
        for (Object pathItemValue : paths.values()) {
            Map<String, Object> pathItem = map(pathItemValue);
            remove(pathItem, "options");
            list(pathItem.get("parameters")).forEach(DocsSpec::notPrefilled);
            pathItem.forEach((method, operation) -> {
                if (OPERATIONS.contains(method)) {
                    list(map(operation).get("parameters")).forEach(DocsSpec::notPrefilled);
                    list(map(operation).get("tags")).forEach(tag -> usedTags.add(String.valueOf(tag)));
                }
            });
        }
        map(map(copy.get("components")).get("parameters")).values().forEach(DocsSpec::notPrefilled);
        if (copy.get("tags") instanceof List<?> tags) {
            copy.put(
                    "tags",
                    new ArrayList<>(tags.stream()
                            .filter(tag -> usedTags.contains(String.valueOf(map(tag).get("name"))))
                            .toList()));
        }
        return copy;
    }

    /** Moves a parameter's examples (its own, its schema's, its content's) to {@code x-example}. */
    private static void notPrefilled(Object parameterValue) {
        Map<String, Object> parameter = map(parameterValue);
        if (parameter.isEmpty() || parameter.containsKey("$ref")) {
            return; // a reference: the parameter itself is changed where it is defined, under components
        }
        Object example = remove(parameter, "example");
        Object examples = remove(parameter, "examples");
        if (example == null && !map(examples).isEmpty()) {
            example = map(map(examples).values().iterator().next()).get("value");
        }
        Object schemaExample = remove(map(parameter.get("schema")), "example");
        if (example == null) {
            example = schemaExample;
        }
        map(parameter.get("content")).values().forEach(content -> {
            remove(map(content), "example");
            remove(map(content), "examples");
        });
        if (example != null) {
            parameter.put("x-example", example);
        }
    }

    /** Removes {@code key} from {@code map} if it is there (the copy's maps are mutable; an absent one is not). */
    private static Object remove(Map<String, Object> map, String key) {
        return map.containsKey(key) ? map.remove(key) : null;
    }

    /** A deep, mutable copy without the {@code x-amazon-apigateway-*} members. */
    private static Object withoutGatewayExtensions(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, member) -> {
                if (!String.valueOf(key).startsWith("x-amazon-apigateway-")) {
                    copy.put(String.valueOf(key), withoutGatewayExtensions(member));
                }
            });
            return copy;
        }
        if (value instanceof List<?> items) {
            List<Object> copy = new ArrayList<>();
            items.forEach(item -> copy.add(withoutGatewayExtensions(item)));
            return copy;
        }
        if (value instanceof Date date) {
            // YAML reads an unquoted 2026-12-31 as a timestamp; JSON has no such type, so give back its text.
            Instant instant = date.toInstant();
            return instant.equals(instant.truncatedTo(ChronoUnit.DAYS))
                    ? LocalDate.ofInstant(instant, ZoneOffset.UTC).toString()
                    : instant.toString();
        }
        return value;
    }
}
