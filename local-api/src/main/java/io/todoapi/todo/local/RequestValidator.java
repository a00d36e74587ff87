package io.todoapi.todo.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.report.LogLevel;
import com.github.fge.jsonschema.core.report.ProcessingMessage;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchema;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Validates requests the way API Gateway's request validators do before a method runs: with
 * {@code validateRequestParameters}, required path, query and header parameters must be present and not blank
 * (their schemas are not checked); with {@code validateRequestBody}, the body must match the JSON Schema (draft 4)
 * model of its content type. The messages follow API Gateway's ({@code $context.error.validationErrorString}),
 * which come from the same draft-4 validator family.
 */
final class RequestValidator {

    /** A failed validation: the gateway response type and the validation error string. */
    record Failure(String responseType, String validationErrorString) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode document;
    private final Map<Object, JsonSchema> schemas = new HashMap<>();

    RequestValidator(ApiSpec spec) {
        this.document = JSON.valueToTree(spec.document());
    }

    Optional<Failure> validate(ApiSpec.Route route, Map<String, String> pathParameters,
                               Map<String, List<String>> query, Map<String, List<String>> headers, String contentType,
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
                return Optional.of(new Failure("BAD_REQUEST_PARAMETERS",
                        "Missing required request parameters: [" + String.join(", ", missing) + "]"));
            }
        }
        if (route.validation().body() && !route.bodySchemas().isEmpty()) {
            String mediaType = contentType == null ? "application/json"
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
        try {
            ProcessingReport report = schemaFor(schema).validate(instance, true);
            if (report.isSuccess()) {
                return Optional.empty();
            }
            List<String> messages = new ArrayList<>();
            for (ProcessingMessage message : report) {
                if (message.getLogLevel().compareTo(LogLevel.ERROR) >= 0) {
                    messages.add(message.getMessage());
                }
            }
            return Optional.of(new Failure("BAD_REQUEST_BODY", messages.toString()));
        } catch (ProcessingException e) {
            throw new IllegalStateException("The body schema in openapi.yaml cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * A draft-4 schema for an OpenAPI schema object: the object itself at the root of a copy of the whole spec,
     * so that its {@code #/components/schemas/...} references resolve.
     */
    private synchronized JsonSchema schemaFor(Object schema) throws ProcessingException {
        JsonSchema compiled = schemas.get(schema);
        if (compiled == null) {
            ObjectNode root = document.deepCopy();
            root.setAll((ObjectNode) JSON.valueToTree(schema));
            root.put("$schema", "http://json-schema.org/draft-04/schema#");
            compiled = JsonSchemaFactory.byDefault().getJsonSchema(root);
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
