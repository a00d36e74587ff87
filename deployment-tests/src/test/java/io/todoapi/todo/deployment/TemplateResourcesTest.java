package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.functionGlobals;
import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static io.todoapi.todo.deployment.Project.properties;
import static io.todoapi.todo.deployment.Project.resource;
import static io.todoapi.todo.deployment.Project.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.config.DynamoDbClients;
import io.todoapi.todo.http.ApiRequests;
import io.todoapi.todo.repository.DynamoDbTodoRepository;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The table, the API stage, Cognito, logs, parameters, outputs, the environment and the SAM CLI files. */
class TemplateResourcesTest {

    private static final String TABLE = "TodoTable";
    /** The port local-api exposes its embedded engine on for `sam local invoke` (events/env.json, docs/deploy.md). */
    private static final int LOCAL_ENGINE_PORT = 8000;

    @Test
    void theTableIsKeyedByPkAndSkOnDemandWithPitrTtlAndRetained() {
        assertThat(resources("AWS::DynamoDB::Table").keySet()).containsExactly(TABLE);
        Map<String, Object> table = resource(TABLE);
        assertThat(table).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        Map<String, Object> properties = properties(TABLE);
        assertThat(properties.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(list(properties.get("AttributeDefinitions"))).containsExactlyInAnyOrder(
                Map.of("AttributeName", "pk", "AttributeType", "S"), Map.of("AttributeName", "sk", "AttributeType", "S"));
        assertThat(list(properties.get("KeySchema"))).containsExactly(
                Map.of("AttributeName", "pk", "KeyType", "HASH"), Map.of("AttributeName", "sk", "KeyType", "RANGE"));
        assertThat(map(properties.get("PointInTimeRecoverySpecification")))
                .containsEntry("PointInTimeRecoveryEnabled", true);
        assertThat(map(properties.get("TimeToLiveSpecification")))
                .containsEntry("AttributeName", "expiresAt").containsEntry("Enabled", true);
        assertThat(properties.get("DeletionProtectionEnabled")).isEqualTo(Map.of("Ref", "TableDeletionProtection"));
        assertThat(properties).as("a generated table name lets several stacks share a Region")
                .doesNotContainKey("TableName");
        assertThat(parameter("TableDeletionProtection")).containsEntry("Default", "true");
    }

    @Test
    void theApiIncludesOpenapiYamlAndItsStageIsThrottledLoggedAndTraced() {
        Map<String, Map<String, Object>> apis = resources("AWS::Serverless::Api");
        assertThat(apis.keySet()).containsExactly("TodoApi");
        Map<String, Object> api = properties("TodoApi");
        Map<String, Object> transform = map(map(api.get("DefinitionBody")).get("Fn::Transform"));
        assertThat(transform.get("Name")).isEqualTo("AWS::Include");
        assertThat(map(transform.get("Parameters")).get("Location")).isEqualTo("openapi.yaml");
        assertThat(api).doesNotContainKeys("DefinitionUri", "Auth", "Cors", "GatewayResponses", "Models")
                .containsEntry("TracingEnabled", true)
                .containsEntry("OpenApiVersion", "3.0.3");
        Map<String, Object> settings = map(list(api.get("MethodSettings")).getFirst());
        assertThat(settings).containsEntry("ResourcePath", "/*").containsEntry("HttpMethod", "*")
                .containsEntry("ThrottlingRateLimit", Map.of("Ref", "ApiThrottlingRateLimit"))
                .containsEntry("ThrottlingBurstLimit", Map.of("Ref", "ApiThrottlingBurstLimit"))
                .containsEntry("DataTraceEnabled", false);
        assertThat(((Number) parameter("ApiThrottlingRateLimit").get("Default")).intValue()).isPositive();
        assertThat(((Number) parameter("ApiThrottlingBurstLimit").get("Default")).intValue()).isPositive();

        Map<String, Object> accessLog = map(api.get("AccessLogSetting"));
        assertThat(accessLog.get("DestinationArn")).isEqualTo(Map.of("Fn::GetAtt", List.of("ApiAccessLogGroup", "Arn")));
        String format = String.valueOf(accessLog.get("Format"));
        Map<String, Object> line = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(format));
        assertThat(line).as("access log format is one JSON object").containsKeys("requestId", "status",
                "httpMethod", "resourcePath", "errorResponseType", "integrationLatency");
        assertThat(format).doesNotContain("$input").doesNotContain("Authorization")
                .as("no bodies or tokens in access logs");
    }

    @Test
    void everyLogGroupHasTheRetentionParameterAndFunctionsLogToTheirOwn() {
        Map<String, Map<String, Object>> groups = resources("AWS::Logs::LogGroup");
        assertThat(groups).hasSize(Function.values().length + 1);
        groups.forEach((id, group) -> assertThat(map(group.get("Properties")).get("RetentionInDays")).as(id)
                .isEqualTo(Map.of("Ref", "LogRetentionDays")));
        for (Function function : Function.values()) {
            Map<String, Object> logging = map(properties(function.logicalId).get("LoggingConfig"));
            Object group = logging.get("LogGroup");
            assertThat(group).as("%s LoggingConfig.LogGroup", function.logicalId).isInstanceOf(Map.class);
            assertThat(groups).containsKey(String.valueOf(map(group).get("Ref")));
        }
        assertThat(parameter("LogRetentionDays")).containsEntry("Default", 30);
    }

    @Test
    void cognitoUserPoolAndAppClientWithoutSecretForTheCli() {
        assertThat(resources("AWS::Cognito::UserPool").keySet()).containsExactly("TodoUserPool");
        Map<String, Object> client = properties("TodoUserPoolClient");
        assertThat(client).containsEntry("UserPoolId", Map.of("Ref", "TodoUserPool"))
                .containsEntry("GenerateSecret", false);
        assertThat(list(client.get("ExplicitAuthFlows"))).contains("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
    }

    @Test
    void theOutputsAreWhatTheDeployGuideUses() {
        Map<String, Object> outputs = map(Project.template().get("Outputs"));
        assertThat(outputs.keySet()).contains("ApiUrl", "UserPoolId", "UserPoolClientId", "TableName");
        assertThat(map(map(outputs.get("ApiUrl")).get("Value")).get("Fn::Sub"))
                .isEqualTo("https://${TodoApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/"
                        + properties("TodoApi").get("StageName"));
        assertThat(map(outputs.get("UserPoolId")).get("Value")).isEqualTo(Map.of("Ref", "TodoUserPool"));
        assertThat(map(outputs.get("UserPoolClientId")).get("Value")).isEqualTo(Map.of("Ref", "TodoUserPoolClient"));
        assertThat(map(outputs.get("TableName")).get("Value")).isEqualTo(Map.of("Ref", TABLE));
    }

    @Test
    void everyParameterHasADefaultAndADescription() {
        map(Project.template().get("Parameters")).forEach((name, definition) -> {
            assertThat(map(definition)).as(name).containsKeys("Default", "Description");
            assertThat(String.valueOf(map(definition).get("Description"))).as(name).hasSizeGreaterThan(20);
        });
        assertThat(parameter("AllowedOrigin")).as("empty: the web app's origin").containsEntry("Default", "");
        assertThat(map(Project.template().get("Conditions")))
                .containsEntry("AllowWebAppOrigin", Map.of("Fn::Equals", List.of(Map.of("Ref", "AllowedOrigin"), "")));
        assertThat(parameter("LogLevel")).containsEntry("Default", "INFO");
        Pattern allowed = Pattern.compile(String.valueOf(parameter("AllowedOrigin").get("AllowedPattern")));
        assertThat(List.of("", "*", "https://app.example.com", "http://localhost:5173"))
                .allMatch(origin -> allowed.matcher(origin).matches());
        assertThat(List.of("'*'", "https://a.example.com/path", "*, https://x.example.com", " "))
                .as("values that would break the quoted header mappings")
                .noneMatch(origin -> allowed.matcher(origin).matches());
    }

    @Test
    void theFunctionsGetTheEnvironmentTheirCodeReads() {
        Map<String, Object> variables = map(map(functionGlobals().get("Environment")).get("Variables"));
        assertThat(variables)
                .containsEntry(DynamoDbTodoRepository.TABLE_NAME_ENV, Map.of("Ref", TABLE))
                .containsEntry(ApiRequests.ALLOWED_ORIGIN_ENV, Map.of("Fn::If", List.of("AllowWebAppOrigin",
                        Map.of("Fn::Sub", "https://${WebDistribution.DomainName}"), Map.of("Ref", "AllowedOrigin"))))
                .containsEntry("POWERTOOLS_LOG_LEVEL", Map.of("Ref", "LogLevel"))
                .containsKeys("POWERTOOLS_SERVICE_NAME", "JAVA_TOOL_OPTIONS", DynamoDbClients.ENDPOINT_ENV);
        assertThat(variables).as("Lambda sets AWS_REGION itself").doesNotContainKey(DynamoDbClients.REGION_ENV);
        // Declared so that `sam local invoke --env-vars` can set it; empty in AWS. An empty value must not reach the
        // SDK's own endpoint resolution (it fails the client build), hence the ignore flag.
        assertThat(variables.get(DynamoDbClients.ENDPOINT_ENV)).isEqualTo("");
        assertThat(variables.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")).isEqualTo("true");
        for (Function function : Function.values()) {
            assertThat(map(properties(function.logicalId).get("Environment"))).as(
                    "%s: one environment for all (local-api runs the functions in one JVM)", function.logicalId).isEmpty();
        }
    }

    @Test
    void envJsonPointsEveryFunctionAtTheLocalEngineWithVariablesTheTemplateDeclares() {
        Map<String, Object> env = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Project.read("events/env.json")));
        Map<String, Object> declared = map(map(functionGlobals().get("Environment")).get("Variables"));
        for (Function function : Function.values()) {
            Map<String, Object> overrides = map(env.get(function.logicalId));
            assertThat(overrides).as("events/env.json entry of %s", function.logicalId)
                    .containsEntry(DynamoDbTodoRepository.TABLE_NAME_ENV, "todos")
                    .containsEntry(DynamoDbClients.ENDPOINT_ENV, "http://host.docker.internal:" + LOCAL_ENGINE_PORT)
                    .containsKeys(ApiRequests.ALLOWED_ORIGIN_ENV, "POWERTOOLS_LOG_LEVEL");
            assertThat(declared.keySet()).as("SAM CLI overrides only variables the template declares")
                    .containsAll(overrides.keySet());
        }
        assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(Function.values()).map(f -> f.logicalId).toList());
    }

    @Test
    void theDeployGuideStartsTheLocalEngineOnThePortOfEnvJson() {
        // docs/deploy.md's `sam local invoke` section starts local-api with the engine exposed on a fixed port; the
        // function containers reach it through events/env.json. The two must name the same port.
        String guide = Project.read("docs/deploy.md");
        java.util.regex.Matcher run = java.util.regex.Pattern
                .compile("-Dlocal-api\\.args=\"[^\"]*--dynamodb-port (\\d+)[^\"]*\"").matcher(guide);
        assertThat(run.find()).as("docs/deploy.md runs local-api with --dynamodb-port").isTrue();
        assertThat(Integer.parseInt(run.group(1))).isEqualTo(LOCAL_ENGINE_PORT);
        assertThat(guide).contains("--env-vars events/env.json");
    }

    @Test
    void eachFunctionHasAnEventFile() {
        for (Function function : Function.values()) {
            Map<String, Object> event = map(new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Project.read("events/" + function.module + ".json")));
            assertThat(event.get("resource")).as("events/%s.json resource", function.module).isEqualTo(function.path);
            assertThat(String.valueOf(event.get("httpMethod"))).as("events/%s.json httpMethod", function.module)
                    .isEqualToIgnoringCase(function.method);
        }
    }

    @Test
    void samconfigDeploysSafely() {
        String config = Project.read("samconfig.toml");
        assertThat(setting(config, "default.deploy.parameters", "resolve_s3")).isEqualTo("true");
        assertThat(setting(config, "default.deploy.parameters", "confirm_changeset")).isEqualTo("true");
        assertThat(setting(config, "default.deploy.parameters", "capabilities")).contains("CAPABILITY_IAM")
                .doesNotContain("CAPABILITY_NAMED_IAM");
        assertThat(setting(config, "default.local_invoke.parameters", "env_vars")).isEqualTo("\"events/env.json\"");
    }

    private static Map<String, Object> parameter(String name) {
        Map<String, Object> parameter = map(map(Project.template().get("Parameters")).get(name));
        assertThat(parameter).as("parameter %s", name).isNotEmpty();
        return parameter;
    }

    /** The raw value of {@code key} in the TOML table {@code [table]}. */
    private static String setting(String toml, String table, String key) {
        Matcher section = Pattern.compile("(?ms)^\\[" + Pattern.quote(table) + "\\]\\s*$(.*?)(?=^\\[|\\z)").matcher(toml);
        assertThat(section.find()).as("[%s] in samconfig.toml", table).isTrue();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=\\s*(.+?)\\s*$").matcher(section.group(1));
        assertThat(value.find()).as("%s in [%s]", key, table).isTrue();
        return value.group(1).replaceAll("^\"(true|false)\"$", "$1");
    }
}
