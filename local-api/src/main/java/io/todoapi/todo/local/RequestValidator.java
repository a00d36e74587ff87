package io.todoapi.todo.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates requests the way API Gateway's request validators do before a method runs: with
 * {@code validateRequestParameters}, required path, query and header parameters must be present and not blank
 * (their schemas are not checked); with {@code validateRequestBody}, the body must match the JSON Schema (draft 4)
 * model of its content type. The messages follow API Gateway's ({@code $context.error.validationErrorString}, the
 * wording of the draft-4 validator it runs), except that a value they quote is an excerpt of at most
 * {@value ClientText#MAX_ECHO} characters.
 */
final class RequestValidator {

    /** A failed validation: the gateway response type and the validation error string. */
    record Failure(String responseType, String validationErrorString) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Draft 4, where every other member (OpenAPI's {@code example}, {@code nullable}, the rest of the spec around a
     * schema) is an annotation, as API Gateway treats it, rather than a logged warning.
     */
    private static final SchemaRegistry DRAFT_4 =
            SchemaRegistry.withDefaultDialect(Dialect.builder(Dialects.getDraft4())
                    .unknownKeywordFactory((name, context) -> new NonValidationKeyword(name))
                    .build());

    private final ObjectNode document;
    private final Map<Object, Schema> schemas = new HashMap<>();

    RequestValidator(ApiSpec spec) {
        this.document = JSON.valueToTree(spec.document());
    }

    Optional<Failure> validate(
            ApiSpec.Route route,
            Map<String, String> pathParameters,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            String contentType,
            byte[] body) {
        if (route.validation().parameters()) {
            List<String> missing = new ArrayList<>();
            for (ApiSpec.Parameter parameter : route.requiredParameters()) {
                String value = switch (parameter.in()) {
                    case "path" -> pathParameters.get(parameter.name());
                    case "query" -> first(query, parameter.name());
                    case "header" -> first(headers, parameter.name());
                    default -> "present";
                };
                if (value == null || value.isBlank()) {
                    missing.add(parameter.name());
                }
            }
            if (!missing.isEmpty()) {
                return Optional.of(new Failure(
                        "BAD_REQUEST_PARAMETERS",
                        "Missing required request parameters: [" + String.join(", ", missing) + "]"));
            }
        }
        if (route.validation().body() && !route.bodySchemas().isEmpty()) {
            String mediaType = contentType == null
                    ? "application/json"
                    : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            Object schema = route.bodySchemas().get(mediaType);
            if (schema != null) {
                return validateBody(schema, body);
            }
        }
        return Optional.empty();
    }

    private Optional<Failure> validateBody(Object schema, byte[] body) {
        JsonNode instance;
        try {
            instance = body.length == 0 ? null : JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            instance = null;
        }
        if (instance == null || instance.isMissingNode()) { // no body, or only whitespace
            return Optional.of(new Failure("BAD_REQUEST_BODY", "[Invalid request body]"));
        }
        List<Error> errors = schemaFor(schema).validate(instance);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Failure("BAD_REQUEST_BODY", messages(errors).toString()));
    }

    /**
     * The validator's messages in API Gateway's words: one per keyword and instance, with the names of missing and
     * unexpected members gathered into one message as API Gateway does.
     */
    private static List<String> messages(List<Error> errors) {
        Map<String, Set<String>> gathered = new LinkedHashMap<>();
        List<String> messages = new ArrayList<>();
        for (Error error : errors) {
            String keyword = error.getKeyword() == null ? "" : error.getKeyword();
            if (keyword.equals("required") || keyword.equals("additionalProperties")) {
                String name = error.getProperty() != null
                        ? error.getProperty()
                        : error.getArguments() != null && error.getArguments().length > 0
                                ? String.valueOf(error.getArguments()[0])
                                : "";
                String key = keyword + " " + error.getInstanceLocation();
                if (!gathered.containsKey(key)) {
                    messages.add(key); // its place in the order; replaced by the message below
                }
                gathered.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(name);
            } else {
                messages.add(message(keyword, error));
            }
        }
        List<String> result = new ArrayList<>();
        for (String message : messages) {
            Set<String> names = gathered.get(message);
            if (names == null) {
                result.add(message);
            } else if (message.startsWith("required ")) {
                result.add("object has missing required properties (" + names(names) + ")");
            } else {
                result.add("object instance has properties which are not allowed by the schema: " + names(names));
            }
        }
        return result;
    }

    private static String message(String keyword, Error error) {
        JsonNode instance = error.getInstanceNode();
        JsonNode schema = error.getSchemaNode();
        // The schema node is the keyword's own value (or, from some validators, the schema that holds it).
        JsonNode limit = schema != null && schema.isObject() && schema.has(keyword) ? schema.get(keyword) : schema;
        return switch (keyword) {
            case "type" ->
                "instance type (" + typeOf(instance) + ") does not match any allowed primitive type"
                        + " (allowed: "
                        + (limit == null ? "[]" : limit.isArray() ? limit.toString() : "[" + limit + "]") + ")";
            case "maxLength" ->
                "string " + quoted(instance) + " is too long (length: " + length(instance) + ", maximum allowed: "
                        + limit + ")";
            case "minLength" ->
                "string " + quoted(instance) + " is too short (length: " + length(instance) + ", required minimum: "
                        + limit + ")";
            case "pattern" -> "ECMA 262 regex " + limit + " does not match input string " + quoted(instance);
            case "enum" ->
                "instance value (" + quoted(instance) + ") not found in enum (possible values: " + limit + ")";
            case "minimum" ->
                "numeric instance is lower than the required minimum (minimum: " + limit + ", found: " + instance + ")";
            case "maximum" ->
                "numeric instance is greater than the required maximum (maximum: " + limit + ", found: " + instance
                        + ")";
            case "minProperties" ->
                "object has too few properties (found " + instance.size() + ", required minimum " + limit + ")";
            case "maxProperties" ->
                "object has too many properties (found " + instance.size() + ", maximum allowed " + limit + ")";
            default -> ClientText.excerpt(error.getMessage());
        };
    }

    private static String names(Set<String> names) {
        return names.stream()
                .map(name -> GatewayResponses.quote(ClientText.excerpt(name)))
                .toList()
                .toString()
                .replace("\", \"", "\",\"");
    }

    /** The instance as the message quotes it: a JSON value, a string cut to an excerpt. */
    private static String quoted(JsonNode instance) {
        if (instance == null) {
            return "null";
        }
        return instance.isTextual()
                ? GatewayResponses.quote(ClientText.excerpt(instance.asText()))
                : ClientText.excerpt(instance.toString());
    }

    private static int length(JsonNode instance) {
        String text = instance == null ? "" : instance.asText();
        return text.codePointCount(0, text.length());
    }

    private static String typeOf(JsonNode instance) {
        if (instance == null || instance.isNull()) {
            return "null";
        }
        if (instance.isIntegralNumber()) {
            return "integer";
        }
        return instance.isNumber() ? "number" : instance.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /**
     * A draft-4 schema for an OpenAPI schema object: the object itself at the root of a copy of the whole spec,
     * so that its {@code #/components/schemas/...} references resolve.
     */
    private synchronized Schema schemaFor(Object schema) {
        Schema compiled = schemas.get(schema);
        if (compiled == null) {
            ObjectNode root = document.deepCopy();
            root.setAll((ObjectNode) JSON.valueToTree(schema));
            compiled = DRAFT_4.getSchema(root);
            schemas.put(schema, compiled);
        }
        return compiled;
    }

    private static String first(Map<String, List<String>> values, String name) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().getFirst();
            }
        }
        return null;
    }
}
