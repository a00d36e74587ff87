package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static io.todoapi.todo.deployment.Project.operation;
import static io.todoapi.todo.deployment.Project.properties;
import static io.todoapi.todo.deployment.Project.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.testing.TodoFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * openapi.yaml as API Gateway's definition: each operation invokes the right function's alias, matches that
 * function's Api event, is guarded by the Cognito authorizer; validators, gateway responses and CORS preflights.
 */
class SpecIntegrationTest {

    /** The CORS origin of API Gateway's own answers: the web app's, unless AllowedOrigin names one (template.yaml). */
    private static final Map<String, Object> ALLOWED_ORIGIN = Map.of(
            "Fn::If",
            List.of(
                    "AllowWebAppOrigin",
                    Map.of("Fn::Sub", "'https://${WebDistribution.DomainName}'"),
                    Map.of("Fn::Sub", "'${AllowedOrigin}'")));

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final String INVOCATION_URI =
            "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${%s}/invocations";

    @Test
    void theSpecHasExactlyTheFiveOperationsAndAPreflightPerPath() {
        Map<String, String> operations = new LinkedHashMap<>();
        map(spec().get("paths"))
                .forEach((path, item) -> map(item).forEach((method, operation) -> {
                    if (HTTP_METHODS.contains(method) && !method.equals("options")) {
                        operations.put(
                                method + " " + path,
                                String.valueOf(map(operation).get("operationId")));
                    }
                }));
        Map<String, String> expected = new LinkedHashMap<>();
        for (TodoFunction function : TodoFunction.values()) {
            expected.put(function.method() + " " + function.path(), function.operationId());
        }
        assertThat(operations).containsExactlyInAnyOrderEntriesOf(expected);
        map(spec().get("paths"))
                .forEach((path, item) ->
                        assertThat(map(item)).as("OPTIONS %s", path).containsKey("options"));
    }

    @ParameterizedTest
    @EnumSource(TodoFunction.class)
    void eachOperationInvokesTheAliasOfItsOwnFunctionThroughALambdaProxyIntegration(TodoFunction function) {
        Map<String, Object> operation = operation(function.path(), function.method());
        assertThat(operation.get("operationId")).isEqualTo(function.operationId());
        Map<String, Object> integration = map(operation.get("x-amazon-apigateway-integration"));
        assertThat(integration).containsEntry("type", "aws_proxy").containsEntry("httpMethod", "POST");
        Object uri = integration.get("uri");
        assertThat(map(uri).keySet()).as("long-form Fn::Sub, nothing else").containsExactly("Fn::Sub");
        assertThat(map(uri).get("Fn::Sub"))
                .as("%s integration uri", function.operationId())
                .isEqualTo(INVOCATION_URI.formatted(function.aliasLogicalId()));
    }

    @Test
    void everyOperationInvokesADifferentFunction() {
        Set<String> targets = new HashSet<>();
        for (TodoFunction function : TodoFunction.values()) {
            Object sub = map(map(operation(function.path(), function.method()).get("x-amazon-apigateway-integration"))
                            .get("uri"))
                    .get("Fn::Sub");
            assertThat(targets.add(String.valueOf(sub)))
                    .as("%s shares its integration", function.operationId())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TodoFunction.class)
    void eachFunctionsApiEventIsItsOperationsRouteOnTheApi(TodoFunction function) {
        Map<String, Object> events = map(properties(function.logicalId()).get("Events"));
        assertThat(events).as("%s Events", function.logicalId()).hasSize(1);
        Map<String, Object> event = map(events.values().iterator().next());
        assertThat(event.get("Type")).isEqualTo("Api");
        Map<String, Object> properties = map(event.get("Properties"));
        assertThat(properties.get("RestApiId")).isEqualTo(Map.of("Ref", "TodoApi"));
        assertThat(properties.get("Path")).isEqualTo(function.path());
        assertThat(String.valueOf(properties.get("Method"))).isEqualToIgnoringCase(function.method());
        // Auth comes from openapi.yaml. The event only says so, for SAM CLI's guided deploy (template.yaml): any other
        // Auth setting would be an authorizer, API key or resource policy outside the spec.
        assertThat(properties.get("Auth"))
                .as("%s event Auth", function.logicalId())
                .isEqualTo(Map.of("OverrideApiAuth", false));
    }

    @ParameterizedTest
    @EnumSource(TodoFunction.class)
    void eachOperationStatesTheCognitoAuthorizerItself(TodoFunction function) {
        // API Gateway ignores the root-level security of an imported definition.
        assertThat(list(operation(function.path(), function.method()).get("security")))
                .containsExactly(Map.of("CognitoUserPool", List.of()));
    }

    @Test
    void theAuthorizerIsTheTemplatesUserPool() {
        Map<String, Object> scheme =
                map(map(map(spec().get("components")).get("securitySchemes")).get("CognitoUserPool"));
        assertThat(scheme)
                .containsEntry("type", "apiKey")
                .containsEntry("name", "Authorization")
                .containsEntry("in", "header")
                .containsEntry("x-amazon-apigateway-authtype", "cognito_user_pools");
        Map<String, Object> authorizer = map(scheme.get("x-amazon-apigateway-authorizer"));
        assertThat(authorizer.get("type")).isEqualTo("cognito_user_pools");
        assertThat(list(authorizer.get("providerARNs"))).containsExactly(Map.of("Fn::Sub", "${TodoUserPool.Arn}"));
        assertThat(Project.resources("AWS::Cognito::UserPool")).containsKey("TodoUserPool");
    }

    @Test
    void apiGatewayValidatesParametersNeverBodiesWhichTheFunctionsValidateWithErrorsNamingEachMember() {
        // API Gateway's body validator answers with its own text: no field named, the submitted value quoted however
        // long (shared/DESIGN.md section 3). The functions validate every body.
        Map<String, Object> validators = map(spec().get("x-amazon-apigateway-request-validators"));
        assertThat(validators).isNotEmpty();
        validators
                .values()
                .forEach(v -> assertThat(map(v))
                        .containsEntry("validateRequestParameters", true)
                        .containsEntry("validateRequestBody", false));
        Object fallback = spec().get("x-amazon-apigateway-request-validator");
        assertThat(validators).containsKey(String.valueOf(fallback));
        for (TodoFunction function : TodoFunction.values()) {
            Map<String, Object> operation = operation(function.path(), function.method());
            String name = String.valueOf(operation.getOrDefault("x-amazon-apigateway-request-validator", fallback));
            assertThat(validators).as("%s validator", function.operationId()).containsKey(name);
        }
    }

    @Test
    void gatewayResponsesAreProblemsWithCorsHeaders() {
        Map<String, Object> responses = map(spec().get("x-amazon-apigateway-gateway-responses"));
        assertThat(responses.keySet())
                .contains(
                        "DEFAULT_4XX",
                        "DEFAULT_5XX",
                        "UNAUTHORIZED",
                        "ACCESS_DENIED",
                        "BAD_REQUEST_PARAMETERS",
                        "REQUEST_TOO_LARGE",
                        "THROTTLED",
                        "MISSING_AUTHENTICATION_TOKEN",
                        "INTEGRATION_TIMEOUT");
        Map<String, Integer> statuses = Map.of(
                "UNAUTHORIZED",
                401,
                "ACCESS_DENIED",
                403,
                "BAD_REQUEST_PARAMETERS",
                400,
                "REQUEST_TOO_LARGE",
                413,
                "THROTTLED",
                429,
                "MISSING_AUTHENTICATION_TOKEN",
                404,
                "INTEGRATION_TIMEOUT",
                504);
        Yaml json = new Yaml(new SafeConstructor(new LoaderOptions()));
        responses.forEach((type, value) -> {
            Map<String, Object> response = map(value);
            Map<String, Object> headers = map(response.get("responseParameters"));
            assertThat(headers)
                    .as(type)
                    .containsEntry("gatewayresponse.header.Content-Type", "'application/problem+json'")
                    .containsEntry("gatewayresponse.header.Access-Control-Allow-Origin", ALLOWED_ORIGIN)
                    .containsEntry(
                            "gatewayresponse.header.Access-Control-Expose-Headers", "'ETag, Location, Retry-After'");
            String template =
                    String.valueOf(map(response.get("responseTemplates")).get("application/json"));
            String rendered = template.replace("$context.error.messageString", "\"message\"")
                    .replace("$context.error.validationErrorString", "[instance failed]");
            assertThat(rendered)
                    .as("%s template uses only the error variables", type)
                    .doesNotContain("$context");
            Map<String, Object> problem = map(json.load(rendered));
            assertThat(problem).as("%s body", type).containsKeys("type", "title", "detail");
            assertThat(problem.keySet()).as(type).isSubsetOf("type", "title", "status", "detail");
            boolean badRequest = type.startsWith("BAD_REQUEST");
            assertThat(problem.get("type"))
                    .as(type)
                    .isEqualTo(badRequest ? "urn:todo-api:problem:invalid-request" : "about:blank");
            if (response.containsKey("statusCode")) {
                int status = Integer.parseInt(String.valueOf(response.get("statusCode")));
                assertThat(problem.get("status")).as("%s status member", type).isEqualTo(status);
            } else {
                assertThat(type)
                        .as("only the catch-alls leave the status to API Gateway")
                        .startsWith("DEFAULT_");
                assertThat(problem)
                        .as("%s: a varying status is not stated", type)
                        .doesNotContainKey("status");
            }
            if (statuses.containsKey(type)) {
                assertThat(response.get("statusCode")).as(type).isEqualTo(String.valueOf(statuses.get(type)));
            }
        });
    }

    @Test
    void preflightsAreUnauthenticatedMocksListingTheMethodsOfTheirPath() {
        map(spec().get("paths")).forEach((path, item) -> {
            Map<String, Object> options = map(map(item).get("options"));
            assertThat(list(options.get("security")))
                    .as("OPTIONS %s security", path)
                    .isEmpty();
            Map<String, Object> integration = map(options.get("x-amazon-apigateway-integration"));
            assertThat(integration.get("type")).isEqualTo("mock");
            Map<String, Object> mapped =
                    map(map(map(integration.get("responses")).get("default")).get("responseParameters"));
            assertThat(mapped.get("method.response.header.Access-Control-Allow-Origin"))
                    .isEqualTo(ALLOWED_ORIGIN);
            Set<String> methods = new TreeSet<>();
            map(item).keySet().stream().filter(HTTP_METHODS::contains).forEach(m -> methods.add(m.toUpperCase()));
            String allowed = String.valueOf(mapped.get("method.response.header.Access-Control-Allow-Methods"));
            assertThat(new TreeSet<>(Arrays.asList(allowed.replace("'", "").split(","))))
                    .as("Access-Control-Allow-Methods of %s", path)
                    .isEqualTo(methods);
            String headers = String.valueOf(mapped.get("method.response.header.Access-Control-Allow-Headers"));
            assertThat(headers)
                    .contains("Authorization", "Content-Type", "Idempotency-Key", "If-Match", "If-None-Match");
            // API Gateway maps only headers that the method response declares.
            Map<String, Object> declared =
                    map(map(map(options.get("responses")).get("200")).get("headers"));
            mapped.keySet()
                    .forEach(parameter ->
                            assertThat(declared).containsKey(parameter.substring("method.response.header.".length())));
        });
    }

    @Test
    void everyIntrinsicInTheSpecNamesSomethingTheTemplateDefines() {
        Set<String> known = new TreeSet<>();
        known.addAll(map(Project.template().get("Parameters")).keySet());
        known.addAll(map(Project.template().get("Resources")).keySet());
        for (TodoFunction function : TodoFunction.values()) {
            known.add(function.aliasLogicalId());
        }
        List<String> subs = new ArrayList<>();
        collect(spec(), subs);
        assertThat(subs).isNotEmpty();
        for (String sub : subs) {
            Matcher variable = SUB_VARIABLE.matcher(sub);
            while (variable.find()) {
                String name = variable.group(1);
                if (name.startsWith("AWS::")) {
                    continue;
                }
                String logicalId = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                assertThat(known).as("${%s} in openapi.yaml", name).contains(logicalId);
            }
        }
        assertThat(TodoFunction.ALIAS).isEqualTo(Project.functionGlobals().get("AutoPublishAlias"));
    }

    /**
     * Every {@code Fn::Sub} string of a document; fails on any other intrinsic (the spec uses Fn::Sub, and Fn::If on a
     * condition of template.yaml between two of them, only).
     */
    private static void collect(Object node, List<String> subs) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> entry : m.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.equals("Fn::Sub")) {
                    assertThat(entry.getValue())
                            .as("Fn::Sub takes a string here")
                            .isInstanceOf(String.class);
                    subs.add((String) entry.getValue());
                } else if (key.equals("Fn::If")) {
                    List<Object> choice = list(entry.getValue());
                    assertThat(choice).as("Fn::If [condition, then, else]").hasSize(3);
                    assertThat(map(Project.template().get("Conditions")))
                            .as("conditions of template.yaml")
                            .containsKey(String.valueOf(choice.get(0)));
                    collect(choice.subList(1, 3), subs);
                } else {
                    assertThat(key)
                            .as("intrinsics other than Fn::Sub in openapi.yaml")
                            .doesNotStartWith("Fn::")
                            .isNotEqualTo("Ref");
                    collect(entry.getValue(), subs);
                }
            }
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collect(v, subs));
        }
    }

    /** A copy of {@code node} with every local $ref replaced by its target (no cycles in this spec's bodies). */
    private static Object resolveAll(Object node) {
        if (node instanceof Map<?, ?> m) {
            if (m.containsKey("$ref")) {
                return resolveAll(Project.resolve(m));
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), resolveAll(v)));
            return copy;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(SpecIntegrationTest::resolveAll).toList();
        }
        return node;
    }
}
