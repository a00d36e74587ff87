package io.todoapi.todo.local;

import static io.todoapi.todo.local.CloudFormationYaml.map;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What local-api needs from template.yaml: the functions (handler class, environment, timeout, memory), the
 * DynamoDB table definition, the parameters and the stage name. Intrinsic functions are resolved the way they
 * would be in a stack: parameters to their defaults (or overrides), the table to its local name, the Cognito app
 * client to {@value LocalAuthorizer#LOCAL_CLIENT_ID} (the audience of local tokens), pseudo parameters to local
 * values; anything local-api cannot know is reported and left out.
 */
final class SamTemplate {

    /** One {@code AWS::Serverless::Function}. */
    record Function(
            String logicalId, String handler, Map<String, String> environment, int timeoutSeconds, int memoryMb) {

        /** The handler class: {@code Handler} up to {@code ::}. */
        String handlerClass() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    /**
     * Parameter values that differ locally from the template's defaults (overrides still win). AllowedOrigin: deployed,
     * an empty value means the web app's CloudFront origin, which does not exist here; locally any origin may call.
     */
    static final Map<String, String> LOCAL_DEFAULTS = Map.of("AllowedOrigin", "*");

    private final Map<String, Object> document;
    private final Map<String, String> parameters;
    private final String tableLogicalId;
    private final String tableName;
    private final Consumer<String> warnings;
    private final Map<String, Function> functions;

    private SamTemplate(
            Map<String, Object> document,
            Map<String, String> parameters,
            String tableLogicalId,
            String tableName,
            Consumer<String> warnings) {
        this.document = document;
        this.parameters = parameters;
        this.tableLogicalId = tableLogicalId;
        this.tableName = tableName;
        this.warnings = warnings;
        this.functions = readFunctions();
    }

    /**
     * Reads {@code file}; {@code overrides} replace parameter defaults (like {@code --parameter-overrides}); the
     * template's one DynamoDB table gets the local name {@code tableName}.
     */
    static SamTemplate read(Path file, Map<String, String> overrides, String tableName, Consumer<String> warnings) {
        Map<String, Object> document = CloudFormationYaml.read(file);
        Map<String, String> parameters = new LinkedHashMap<>();
        map(document.get("Parameters")).forEach((name, definition) -> {
            Object value = map(definition).get("Default");
            if (value != null) {
                parameters.put(name, String.valueOf(value));
            }
        });
        LOCAL_DEFAULTS.forEach((name, value) -> parameters.computeIfPresent(name, (key, templateDefault) -> value));
        overrides.forEach((name, value) -> {
            if (!parameters.containsKey(name)
                    && !map(document.get("Parameters")).containsKey(name)) {
                warnings.accept("template.yaml has no parameter " + name + "; the override is ignored");
            }
            parameters.put(name, value);
        });
        String table = resourcesOfType(document, "AWS::DynamoDB::Table").keySet().stream()
                .findFirst()
                .orElse(null);
        return new SamTemplate(document, parameters, table, tableName, warnings);
    }

    /** Every {@code AWS::Serverless::Function}, with Globals applied and its environment resolved. */
    Map<String, Function> functions() {
        return functions;
    }

    private Map<String, Function> readFunctions() {
        Map<String, Object> globals = map(map(document.get("Globals")).get("Function"));
        Map<String, Function> functions = new LinkedHashMap<>();
        resourcesOfType(document, "AWS::Serverless::Function").forEach((logicalId, resource) -> {
            Map<String, Object> properties = map(map(resource).get("Properties"));
            Object handler = properties.getOrDefault("Handler", globals.get("Handler"));
            if (handler == null) {
                warnings.accept(logicalId + " has no Handler; it is skipped");
                return;
            }
            Map<String, String> environment = new LinkedHashMap<>();
            Stream.of(globals, properties)
                    .forEach(source -> map(map(source.get("Environment")).get("Variables"))
                            .forEach((name, value) -> resolve(logicalId + " environment " + name, value)
                                    .ifPresent(resolved -> environment.put(name, resolved))));
            functions.put(
                    logicalId,
                    new Function(
                            logicalId,
                            String.valueOf(
                                    resolve(logicalId + " Handler", handler).orElseThrow()),
                            environment,
                            integer(properties.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3)), 3),
                            integer(
                                    properties.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128)),
                                    128)));
        });
        return Collections.unmodifiableMap(functions);
    }

    /** The {@code Properties} of the template's DynamoDB table, if it has one. */
    Optional<Map<String, Object>> tableProperties() {
        if (tableLogicalId == null) {
            return Optional.empty();
        }
        return Optional.of(
                map(map(resourcesOfType(document, "AWS::DynamoDB::Table").get(tableLogicalId))
                        .get("Properties")));
    }

    /** The stage the API is deployed to ({@code StageName} of the serverless API), for the event's requestContext. */
    String stageName() {
        for (Object api : resourcesOfType(document, "AWS::Serverless::Api").values()) {
            Object stage = map(map(api).get("Properties")).get("StageName");
            if (stage != null) {
                return resolve("StageName", stage).orElse("local");
            }
        }
        return "local";
    }

    Map<String, String> parameters() {
        return parameters;
    }

    /** The file the serverless API includes as its definition ({@code Fn::Transform: AWS::Include}), if any. */
    Optional<String> includedDefinition() {
        for (Object api : resourcesOfType(document, "AWS::Serverless::Api").values()) {
            Map<String, Object> transform = map(
                    map(map(map(api).get("Properties")).get("DefinitionBody")).get("Fn::Transform"));
            if ("AWS::Include".equals(transform.get("Name"))) {
                Object location = map(transform.get("Parameters")).get("Location");
                if (location != null) {
                    return resolve("AWS::Include Location", location);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The value of an intrinsic expression, if local-api can know it: literals, {@code Ref} to a parameter, to the
     * table or to a pseudo parameter, {@code Fn::Sub} over those, and {@code Fn::If} on a condition of the template
     * that compares those.
     */
    Optional<String> resolve(String what, Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        Map<String, Object> intrinsic = map(value);
        if (intrinsic.size() == 1 && intrinsic.containsKey("Ref")) {
            return ref(what, String.valueOf(intrinsic.get("Ref")));
        }
        if (intrinsic.size() == 1 && intrinsic.get("Fn::If") instanceof List<?> choice && choice.size() == 3) {
            Optional<Boolean> holds = condition(what, String.valueOf(choice.get(0)));
            return holds.isEmpty() ? Optional.empty() : resolve(what, choice.get(holds.get() ? 1 : 2));
        }
        if (intrinsic.size() == 1 && intrinsic.containsKey("Fn::Sub")) {
            Object sub = intrinsic.get("Fn::Sub");
            String text;
            Map<String, Object> variables;
            if (sub instanceof List<?> list && list.size() == 2) {
                text = String.valueOf(list.get(0));
                variables = map(list.get(1));
            } else {
                text = String.valueOf(sub);
                variables = Map.of();
            }
            Matcher matcher = SUB_VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                Optional<String> replacement =
                        variables.containsKey(name) ? resolve(what, variables.get(name)) : ref(what, name);
                if (replacement.isEmpty()) {
                    return Optional.empty();
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.get()));
            }
            matcher.appendTail(out);
            return Optional.of(out.toString().replace("${!", "${"));
        }
        warnings.accept(what + ": " + value + " cannot be resolved locally; it is left out");
        return Optional.empty();
    }

    /** Whether the template's condition {@code name} holds, if local-api can evaluate it. */
    private Optional<Boolean> condition(String what, String name) {
        Object definition = map(document.get("Conditions")).get(name);
        if (definition == null) {
            warnings.accept(what + ": template.yaml has no condition " + name);
            return Optional.empty();
        }
        return evaluate(what, definition);
    }

    private Optional<Boolean> evaluate(String what, Object expression) {
        Map<String, Object> function = map(expression);
        if (function.size() == 1 && function.containsKey("Condition")) {
            return condition(what, String.valueOf(function.get("Condition")));
        }
        if (function.size() == 1 && function.values().iterator().next() instanceof List<?> operands) {
            String name = function.keySet().iterator().next();
            if (name.equals("Fn::Equals") && operands.size() == 2) {
                Optional<String> left = resolve(what, operands.get(0));
                Optional<String> right = resolve(what, operands.get(1));
                return left.isEmpty() || right.isEmpty()
                        ? Optional.empty()
                        : Optional.of(left.get().equals(right.get()));
            }
            List<Optional<Boolean>> values =
                    operands.stream().map(operand -> evaluate(what, operand)).toList();
            if (values.stream().anyMatch(Optional::isEmpty)) {
                return Optional.empty();
            }
            return switch (name) {
                case "Fn::Not" ->
                    values.size() == 1 ? Optional.of(!values.getFirst().get()) : notEvaluated(what, expression);
                case "Fn::And" -> Optional.of(values.stream().allMatch(Optional::get));
                case "Fn::Or" -> Optional.of(values.stream().anyMatch(Optional::get));
                default -> notEvaluated(what, expression);
            };
        }
        return notEvaluated(what, expression);
    }

    private Optional<Boolean> notEvaluated(String what, Object expression) {
        warnings.accept(what + ": condition " + expression + " cannot be evaluated locally");
        return Optional.empty();
    }

    private Optional<String> ref(String what, String name) {
        if (parameters.containsKey(name)) {
            return Optional.of(parameters.get(name));
        }
        if (name.equals(tableLogicalId)) {
            return Optional.of(tableName);
        }
        if (resourcesOfType(document, "AWS::Cognito::UserPoolClient").containsKey(name)) {
            // Deployed, Ref gives the app client id that the functions expect as the ID token's aud.
            return Optional.of(LocalAuthorizer.LOCAL_CLIENT_ID);
        }
        return switch (name) {
            case "AWS::Region" -> Optional.of(LocalApiOptions.REGION);
            case "AWS::AccountId" -> Optional.of("000000000000");
            case "AWS::StackName" -> Optional.of("local");
            case "AWS::Partition" -> Optional.of("aws");
            case "AWS::URLSuffix" -> Optional.of("amazonaws.com");
            case "AWS::NoValue" -> Optional.empty();
            default -> {
                warnings.accept(what + ": Ref " + name + " cannot be resolved locally; it is left out");
                yield Optional.empty();
            }
        };
    }

    private static Map<String, Object> resourcesOfType(Map<String, Object> document, String type) {
        Map<String, Object> matching = new LinkedHashMap<>();
        map(document.get("Resources")).forEach((logicalId, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                matching.put(logicalId, resource);
            }
        });
        return matching;
    }

    private static int integer(Object value, int fallback) {
        return value instanceof Number number ? number.intValue() : fallback;
    }
}
