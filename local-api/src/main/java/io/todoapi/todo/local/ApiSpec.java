package io.todoapi.todo.local;

import static io.todoapi.todo.local.CloudFormationYaml.list;
import static io.todoapi.todo.local.CloudFormationYaml.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes of openapi.yaml as API Gateway builds them: each path and method, the Lambda function its
 * {@code x-amazon-apigateway-integration} invokes (or its mock response), whether the Cognito authorizer guards
 * it, which request validator applies and with which body schemas, and the API's gateway responses.
 */
final class ApiSpec {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    /** {@code .../functions/${CreateTodoFunctionAliaslive}/invocations} or {@code ${CreateTodoFunction.Arn}}. */
    private static final Pattern FUNCTION_IN_URI = Pattern.compile("/functions/\\$\\{([A-Za-z0-9]+)(?:\\.Arn)?}");

    /** A parameter the request validator requires. */
    record Parameter(String name, String in) {}

    /** How a method validates requests ({@code x-amazon-apigateway-request-validators}). */
    record Validation(boolean body, boolean parameters) {
        static final Validation NONE = new Validation(false, false);
    }

    /** A mock integration's answer (the OPTIONS methods): status and headers. */
    record MockResponse(int status, Map<String, String> headers) {}

    /** One method on one path. */
    record Route(
            String pathTemplate,
            Pattern pathPattern,
            List<String> pathParameterNames,
            String method,
            String operationId,
            String functionLogicalId,
            MockResponse mock,
            boolean authorized,
            List<Parameter> requiredParameters,
            Validation validation,
            Map<String, Object> bodySchemas) {

        /** The path parameters of {@code path}, or empty when this route's template does not match it. */
        Optional<Map<String, String>> match(String path) {
            Matcher matcher = pathPattern.matcher(path);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < pathParameterNames.size(); i++) {
                values.put(pathParameterNames.get(i), matcher.group(i + 1));
            }
            return Optional.of(values);
        }
    }

    /** A gateway response type's configuration ({@code x-amazon-apigateway-gateway-responses}). */
    record GatewayResponse(Integer status, Map<String, String> headers, Map<String, String> templates) {}

    private final Map<String, Object> document;
    private final List<Route> routes;
    private final Map<String, GatewayResponse> gatewayResponses;

    private ApiSpec(Map<String, Object> document, List<Route> routes, Map<String, GatewayResponse> gatewayResponses) {
        this.document = document;
        this.routes = routes;
        this.gatewayResponses = gatewayResponses;
    }

    /**
     * Builds the routes of {@code document}; {@code functions} are the template's function logical ids (an
     * integration URI may name a function's alias, e.g. {@code CreateTodoFunctionAliaslive}); {@code template}
     * resolves the intrinsics in mock headers.
     */
    static ApiSpec of(Map<String, Object> document, Set<String> functions, SamTemplate template) {
        Map<String, Validation> validators = new LinkedHashMap<>();
        map(document.get("x-amazon-apigateway-request-validators"))
                .forEach((name, definition) -> validators.put(
                        name,
                        new Validation(
                                Boolean.TRUE.equals(map(definition).get("validateRequestBody")),
                                Boolean.TRUE.equals(map(definition).get("validateRequestParameters")))));
        Object defaultValidator = document.get("x-amazon-apigateway-request-validator");
        Object defaultSecurity = document.get("security");

        List<Route> routes = new ArrayList<>();
        map(document.get("paths")).forEach((path, pathItemValue) -> {
            Map<String, Object> pathItem = map(pathItemValue);
            List<Object> pathLevelParameters = list(pathItem.get("parameters"));
            List<String> names = new ArrayList<>();
            Pattern pattern = pathPattern(path, names);
            pathItem.forEach((method, operationValue) -> {
                if (!METHODS.contains(method)) {
                    return;
                }
                Map<String, Object> operation = map(operationValue);
                Map<String, Object> integration = map(operation.get("x-amazon-apigateway-integration"));
                String type = String.valueOf(integration.get("type")).toLowerCase(Locale.ROOT);
                String function = null;
                MockResponse mock = null;
                if (type.equals("mock")) {
                    mock = mockResponse(integration, template);
                } else {
                    function = functionOf(path, method, integration.get("uri"), functions);
                }
                Object security = operation.containsKey("security") ? operation.get("security") : defaultSecurity;
                boolean authorized = !list(security).isEmpty();
                List<Parameter> required = new ArrayList<>();
                List<Object> parameters = new ArrayList<>(pathLevelParameters);
                parameters.addAll(list(operation.get("parameters")));
                for (Object parameterValue : parameters) {
                    Map<String, Object> parameter = map(resolveRef(document, parameterValue));
                    if (Boolean.TRUE.equals(parameter.get("required"))) {
                        required.add(new Parameter(
                                String.valueOf(parameter.get("name")), String.valueOf(parameter.get("in"))));
                    }
                }
                Object validatorName =
                        operation.getOrDefault("x-amazon-apigateway-request-validator", defaultValidator);
                Validation validation = validatorName == null
                        ? Validation.NONE
                        : validators.getOrDefault(String.valueOf(validatorName), Validation.NONE);
                Map<String, Object> bodySchemas = new LinkedHashMap<>();
                map(map(resolveRef(document, operation.get("requestBody"))).get("content"))
                        .forEach((mediaType, content) -> {
                            Object schema = map(content).get("schema");
                            if (schema != null) {
                                bodySchemas.put(mediaType.toLowerCase(Locale.ROOT), schema);
                            }
                        });
                routes.add(new Route(
                        path,
                        pattern,
                        List.copyOf(names),
                        method.toUpperCase(Locale.ROOT),
                        (String) operation.get("operationId"),
                        function,
                        mock,
                        authorized && mock == null,
                        List.copyOf(required),
                        validation,
                        bodySchemas));
            });
        });

        Map<String, GatewayResponse> gatewayResponses = new LinkedHashMap<>();
        map(document.get("x-amazon-apigateway-gateway-responses")).forEach((responseType, definitionValue) -> {
            Map<String, Object> definition = map(definitionValue);
            Map<String, String> headers = new LinkedHashMap<>();
            map(definition.get("responseParameters")).forEach((name, value) -> {
                if (name.startsWith("gatewayresponse.header.")) {
                    template.resolve(responseType + " " + name, value)
                            .ifPresent(resolved ->
                                    headers.put(name.substring("gatewayresponse.header.".length()), resolved));
                }
            });
            Map<String, String> templates = new LinkedHashMap<>();
            map(definition.get("responseTemplates"))
                    .forEach((mediaType, body) -> template.resolve(responseType + " template", body)
                            .ifPresent(text -> templates.put(mediaType, text)));
            Object status = definition.get("statusCode");
            gatewayResponses.put(
                    responseType,
                    new GatewayResponse(
                            status == null ? null : Integer.valueOf(String.valueOf(status)), headers, templates));
        });
        return new ApiSpec(document, List.copyOf(routes), gatewayResponses);
    }

    List<Route> routes() {
        return routes;
    }

    Map<String, GatewayResponse> gatewayResponses() {
        return gatewayResponses;
    }

    /** The whole document, for resolving {@code $ref}s in schemas. */
    Map<String, Object> document() {
        return document;
    }

    /** {@code /todos/{todoId}} -> {@code ^/todos/([^/]+)$}, collecting the parameter names. */
    private static Pattern pathPattern(String template, List<String> names) {
        StringBuilder regex = new StringBuilder("^");
        Matcher matcher = Pattern.compile("\\{([^}/]+)}").matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start())));
            String name = matcher.group(1);
            if (name.endsWith("+")) { // greedy proxy parameter: matches the rest of the path
                names.add(name.substring(0, name.length() - 1));
                regex.append("(.+)");
            } else {
                names.add(name);
                regex.append("([^/]+)");
            }
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append('$');
        return Pattern.compile(regex.toString());
    }

    private static String functionOf(String path, String method, Object uri, Set<String> functions) {
        String text = uri instanceof String string ? string : String.valueOf(map(uri).get("Fn::Sub"));
        Matcher matcher = FUNCTION_IN_URI.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException(method.toUpperCase(Locale.ROOT) + " " + path
                    + ": its x-amazon-apigateway-integration uri names no function: " + uri);
        }
        String referenced = matcher.group(1);
        // The alias of a function is "<FunctionLogicalId>Alias<AliasName>" (SAM's AutoPublishAlias).
        return functions.stream()
                .filter(id -> referenced.equals(id) || referenced.startsWith(id + "Alias"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(method.toUpperCase(Locale.ROOT) + " " + path
                        + " invokes " + referenced + ", which is not a function of template.yaml"));
    }

    private static MockResponse mockResponse(Map<String, Object> integration, SamTemplate template) {
        Map<String, Object> responses = map(integration.get("responses"));
        Map<String, Object> response = map(responses.getOrDefault(
                "default", responses.values().stream().findFirst().orElse(Map.of())));
        Map<String, String> headers = new LinkedHashMap<>();
        map(response.get("responseParameters")).forEach((name, value) -> {
            if (name.startsWith("method.response.header.")) {
                template.resolve("mock " + name, value)
                        .ifPresent(
                                resolved -> headers.put(name.substring("method.response.header.".length()), resolved));
            }
        });
        Object status = response.getOrDefault("statusCode", 200);
        return new MockResponse(Integer.parseInt(String.valueOf(status)), headers);
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); anything else is returned as is. */
    static Object resolveRef(Map<String, Object> document, Object value) {
        Object ref = map(value).get("$ref");
        if (!(ref instanceof String pointer) || !pointer.startsWith("#/")) {
            return value;
        }
        Object current = document;
        for (String part : pointer.substring(2).split("/")) {
            current = map(current).get(part.replace("~1", "/").replace("~0", "~"));
        }
        return current;
    }
}
