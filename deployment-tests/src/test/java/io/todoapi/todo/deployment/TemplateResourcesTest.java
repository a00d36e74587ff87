package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.functionGlobals;
import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static io.todoapi.todo.deployment.Project.properties;
import static io.todoapi.todo.deployment.Project.resource;
import static io.todoapi.todo.deployment.Project.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.config.DynamoDbClients;
import io.todoapi.todo.http.RequestPipeline;
import io.todoapi.todo.repository.DynamoDbTodoRepository;
import io.todoapi.todo.testing.TodoFunction;
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
        assertThat(list(properties.get("AttributeDefinitions")))
                .containsExactlyInAnyOrder(
                        Map.of("AttributeName", "pk", "AttributeType", "S"),
                        Map.of("AttributeName", "sk", "AttributeType", "S"));
        assertThat(list(properties.get("KeySchema")))
                .containsExactly(
                        Map.of("AttributeName", "pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE"));
        assertThat(map(properties.get("PointInTimeRecoverySpecification")))
                .containsEntry("PointInTimeRecoveryEnabled", true);
        assertThat(map(properties.get("TimeToLiveSpecification")))
                .containsEntry("AttributeName", "expiresAt")
                .containsEntry("Enabled", true);
        assertThat(properties.get("DeletionProtectionEnabled")).isEqualTo(Map.of("Ref", "TableDeletionProtection"));
        assertThat(properties)
                .as("a generated table name lets several stacks share a Region")
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
        assertThat(api)
                .doesNotContainKeys("DefinitionUri", "Auth", "Cors", "GatewayResponses", "Models")
                .containsEntry("TracingEnabled", true)
                .containsEntry("OpenApiVersion", "3.0.3");
        Map<String, Object> settings = map(list(api.get("MethodSettings")).getFirst());
        assertThat(settings)
                .containsEntry("ResourcePath", "/*")
                .containsEntry("HttpMethod", "*")
                .containsEntry("ThrottlingRateLimit", Map.of("Ref", "ApiThrottlingRateLimit"))
                .containsEntry("ThrottlingBurstLimit", Map.of("Ref", "ApiThrottlingBurstLimit"))
                .containsEntry("DataTraceEnabled", false);
        assertThat(((Number) parameter("ApiThrottlingRateLimit").get("Default")).intValue())
                .isPositive();
        assertThat(((Number) parameter("ApiThrottlingBurstLimit").get("Default")).intValue())
                .isPositive();
        // MethodSettings on /* and * set each method's own limit; the descriptions must not promise a stage-wide one.
        for (String limit : List.of("ApiThrottlingRateLimit", "ApiThrottlingBurstLimit")) {
            assertThat(String.valueOf(parameter(limit).get("Description")))
                    .as(limit)
                    .contains("for EACH method")
                    .doesNotContainIgnoringCase("all methods together");
        }

        Map<String, Object> accessLog = map(api.get("AccessLogSetting"));
        assertThat(accessLog.get("DestinationArn"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("ApiAccessLogGroup", "Arn")));
        String format = String.valueOf(accessLog.get("Format"));
        Map<String, Object> line = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(format));
        assertThat(line)
                .as("access log format is one JSON object")
                .containsKeys(
                        "requestId", "status", "httpMethod", "resourcePath", "errorResponseType", "integrationLatency");
        assertThat(line)
                .as("the caller, the TLS version and the cipher suite")
                .containsEntry("sub", "$context.authorizer.claims.sub")
                .containsEntry("tlsVersion", "$context.tlsVersion")
                .containsEntry("cipherSuite", "$context.cipherSuite");
        assertThat(format)
                .doesNotContain("$input")
                .doesNotContain("Authorization")
                .as("no bodies or tokens in access logs");
    }

    @Test
    void theApiAcceptsTls12OrNewerOnlyOnItsOwnHostName() {
        assertThat(properties("TodoApi"))
                .containsEntry("SecurityPolicy", "SecurityPolicy_TLS13_1_2_2021_06")
                .containsEntry("EndpointAccessMode", "STRICT");
    }

    @Test
    void apiGatewaysLoggingRoleIsADeliberateChoiceWithoutDefault() {
        Map<String, Object> choice = parameter("ApiGatewayLogsRole");
        assertThat(choice)
                .as("ApiGatewayLogsRole: sam deploy --guided must ask, a plain deploy must be told")
                .doesNotContainKey("Default");
        assertThat(list(choice.get("AllowedValues"))).containsExactly("create", "existing");
        assertThat(String.valueOf(choice.get("Description")))
                .contains("REPLACES the Region's setting")
                .contains("nothing account-wide is changed");
        assertThat(map(Project.template().get("Conditions")).get("CreateApiGatewayLogsRole"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "ApiGatewayLogsRole"), "create")));
        for (String created : List.of("ApiGatewayCloudWatchRole", "ApiGatewayAccount")) {
            assertThat(resource(created))
                    .as(created)
                    .containsEntry("Condition", "CreateApiGatewayLogsRole")
                    .containsEntry("DeletionPolicy", "Retain");
        }
    }

    @Test
    void theOptionalWebAclRateLimitsByIpAndTokenUsesTheManagedGroupsAndBlocksBodiesOver16Kib() {
        assertThat(parameter("WebAcl")).containsEntry("Default", "disabled");
        assertThat(list(parameter("WebAcl").get("AllowedValues"))).containsExactly("disabled", "enabled");
        assertThat(resource("ApiWebAcl")).containsEntry("Condition", "WebAclEnabled");
        assertThat(resource("ApiWebAclAssociation")).containsEntry("Condition", "WebAclEnabled");
        Map<String, Object> acl = properties("ApiWebAcl");
        assertThat(acl).containsEntry("Scope", "REGIONAL").containsEntry("DefaultAction", Map.of("Allow", Map.of()));
        Map<String, Map<String, Object>> rules = new java.util.LinkedHashMap<>();
        list(acl.get("Rules"))
                .forEach(rule -> rules.put(String.valueOf(map(rule).get("Name")), map(rule)));
        assertThat(rules.keySet())
                .containsExactly(
                        "body-over-16KiB", "ip-reputation", "known-bad-inputs", "rate-per-ip", "rate-per-token");

        Map<String, Object> size =
                map(map(rules.get("body-over-16KiB").get("Statement")).get("SizeConstraintStatement"));
        assertThat(size)
                .containsEntry("ComparisonOperator", "GT")
                .containsEntry("Size", 16384)
                .containsEntry("FieldToMatch", Map.of("Body", Map.of("OversizeHandling", "MATCH")));
        assertThat(map(map(map(rules.get("body-over-16KiB").get("Action")).get("Block"))
                        .get("CustomResponse")))
                .containsEntry("ResponseCode", 413);

        assertThat(map(map(rules.get("ip-reputation").get("Statement")).get("ManagedRuleGroupStatement")))
                .containsEntry("VendorName", "AWS")
                .containsEntry("Name", "AWSManagedRulesAmazonIpReputationList");
        assertThat(map(map(rules.get("known-bad-inputs").get("Statement")).get("ManagedRuleGroupStatement")))
                .containsEntry("VendorName", "AWS")
                .containsEntry("Name", "AWSManagedRulesKnownBadInputsRuleSet");
        for (String group : List.of("ip-reputation", "known-bad-inputs")) {
            assertThat(rules.get(group).get("OverrideAction"))
                    .as("%s keeps its rules' Block", group)
                    .isEqualTo(Map.of("None", Map.of()));
        }

        Map<String, Object> perIp =
                map(map(rules.get("rate-per-ip").get("Statement")).get("RateBasedStatement"));
        assertThat(perIp)
                .containsEntry("AggregateKeyType", "IP")
                .containsEntry("Limit", Map.of("Ref", "WafRateLimitPerIp"));
        Map<String, Object> perToken =
                map(map(rules.get("rate-per-token").get("Statement")).get("RateBasedStatement"));
        assertThat(perToken)
                .containsEntry("AggregateKeyType", "CUSTOM_KEYS")
                .containsEntry("Limit", Map.of("Ref", "WafRateLimitPerToken"));
        assertThat(map(map(list(perToken.get("CustomKeys")).getFirst()).get("Header")))
                .containsEntry("Name", "authorization");
        for (String rate : List.of("rate-per-ip", "rate-per-token")) {
            assertThat(map(map(map(rules.get(rate).get("Action")).get("Block")).get("CustomResponse")))
                    .as(rate)
                    .containsEntry("ResponseCode", 429);
        }
        map(acl.get("CustomResponseBodies"))
                .forEach((key, body) -> assertThat(new Yaml(new SafeConstructor(new LoaderOptions()))
                                .<Map<String, Object>>load(
                                        String.valueOf(map(body).get("Content"))))
                        .as("custom response %s", key)
                        .containsKeys("type", "title", "status", "detail"));
    }

    @Test
    void everyLogGroupHasTheRetentionParameterAndFunctionsLogToTheirOwn() {
        Map<String, Map<String, Object>> groups = resources("AWS::Logs::LogGroup");
        assertThat(groups).hasSize(TodoFunction.values().length + 1);
        groups.forEach((id, group) -> assertThat(map(group.get("Properties")).get("RetentionInDays"))
                .as(id)
                .isEqualTo(Map.of("Ref", "LogRetentionDays")));
        for (TodoFunction function : TodoFunction.values()) {
            Map<String, Object> logging = map(properties(function.logicalId()).get("LoggingConfig"));
            Object group = logging.get("LogGroup");
            assertThat(group)
                    .as("%s LoggingConfig.LogGroup", function.logicalId())
                    .isInstanceOf(Map.class);
            assertThat(groups).containsKey(String.valueOf(map(group).get("Ref")));
        }
        assertThat(parameter("LogRetentionDays")).containsEntry("Default", 30);
    }

    @Test
    void theAppClientHasNoSecretSrpAndAdminSignInOnlyShortLivedTokensAndRotatingRefreshTokens() {
        assertThat(resources("AWS::Cognito::UserPoolClient").keySet()).containsExactly("TodoUserPoolClient");
        Map<String, Object> client = properties("TodoUserPoolClient");
        assertThat(client)
                .containsEntry("UserPoolId", Map.of("Ref", "TodoUserPool"))
                .containsEntry("GenerateSecret", false)
                .containsEntry("PreventUserExistenceErrors", "ENABLED")
                .containsEntry("EnableTokenRevocation", true);
        // No USER_PASSWORD_AUTH; no REFRESH_TOKEN_AUTH, which Cognito does not allow together with rotation.
        assertThat(list(client.get("ExplicitAuthFlows")))
                .containsExactlyInAnyOrder("ALLOW_USER_SRP_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH");
        assertThat(map(client.get("TokenValidityUnits")))
                .containsEntry("IdToken", "minutes")
                .containsEntry("AccessToken", "minutes");
        assertThat(((Number) client.get("IdTokenValidity")).intValue()).isBetween(5, 15);
        assertThat(((Number) client.get("AccessTokenValidity")).intValue()).isBetween(5, 15);
        assertThat(map(client.get("RefreshTokenRotation"))).containsEntry("Feature", "ENABLED");
    }

    @Test
    void theUserPoolIsProtectedFromDeletionOffersTotpVerifiesNewEmailsAndHasOptionalThreatProtection() {
        assertThat(resources("AWS::Cognito::UserPool").keySet()).containsExactly("TodoUserPool");
        assertThat(resource("TodoUserPool")).containsEntry("DeletionPolicy", "Retain");
        Map<String, Object> pool = properties("TodoUserPool");
        assertThat(pool)
                .containsEntry("DeletionProtection", "ACTIVE")
                .containsEntry("MfaConfiguration", "OPTIONAL")
                .containsEntry("EnabledMfas", List.of("SOFTWARE_TOKEN_MFA"))
                .containsEntry(
                        "UserAttributeUpdateSettings",
                        Map.of("AttributesRequireVerificationBeforeUpdate", List.of("email")));
        assertThat(map(pool.get("AdminCreateUserConfig"))).containsEntry("AllowAdminCreateUserOnly", true);

        assertThat(parameter("CognitoThreatProtection")).containsEntry("Default", "OFF");
        assertThat(list(parameter("CognitoThreatProtection").get("AllowedValues")))
                .containsExactly("OFF", "AUDIT", "ENFORCED");
        assertThat(pool.get("UserPoolTier"))
                .as("threat protection needs the Plus plan")
                .isEqualTo(Map.of("Fn::If", List.of("ThreatProtection", "PLUS", "ESSENTIALS")));
        assertThat(pool.get("UserPoolAddOns"))
                .isEqualTo(Map.of(
                        "Fn::If",
                        List.of(
                                "ThreatProtection",
                                Map.of("AdvancedSecurityMode", Map.of("Ref", "CognitoThreatProtection")),
                                Map.of("Ref", "AWS::NoValue"))));
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
    void everyParameterButTheLoggingRoleChoiceHasADefaultAndEveryOneADescription() {
        map(Project.template().get("Parameters")).forEach((name, definition) -> {
            assertThat(map(definition)).as(name).containsKey("Description");
            if (!name.equals("ApiGatewayLogsRole")) {
                assertThat(map(definition)).as(name).containsKey("Default");
            }
            assertThat(String.valueOf(map(definition).get("Description")))
                    .as(name)
                    .hasSizeGreaterThan(20);
        });
        assertThat(parameter("AllowedOrigin")).as("empty: the web app's origin").containsEntry("Default", "");
        assertThat(map(Project.template().get("Conditions")))
                .containsEntry("AllowWebAppOrigin", Map.of("Fn::Equals", List.of(Map.of("Ref", "AllowedOrigin"), "")));
        assertThat(parameter("LogLevel")).containsEntry("Default", "INFO");
        Pattern allowed =
                Pattern.compile(String.valueOf(parameter("AllowedOrigin").get("AllowedPattern")));
        assertThat(List.of("", "*", "https://app.example.com", "http://localhost:5173"))
                .allMatch(origin -> allowed.matcher(origin).matches());
        assertThat(List.of("'*'", "https://a.example.com/path", "*, https://x.example.com", " "))
                .as("values that would break the quoted header mappings")
                .noneMatch(origin -> allowed.matcher(origin).matches());
    }

    @Test
    void theFunctionsGetTheEnvironmentTheirCodeReads() {
        Map<String, Object> variables =
                map(map(functionGlobals().get("Environment")).get("Variables"));
        assertThat(variables)
                .containsEntry(DynamoDbTodoRepository.TABLE_NAME_ENV, Map.of("Ref", TABLE))
                .containsEntry(
                        RequestPipeline.ALLOWED_ORIGIN_ENV,
                        Map.of(
                                "Fn::If",
                                List.of(
                                        "AllowWebAppOrigin",
                                        Map.of("Fn::Sub", "https://${WebDistribution.DomainName}"),
                                        Map.of("Ref", "AllowedOrigin"))))
                // The functions accept only ID tokens of this app client (the authorizer does not check aud).
                .containsEntry("USER_POOL_CLIENT_ID", Map.of("Ref", "TodoUserPoolClient"))
                .containsEntry("POWERTOOLS_LOG_LEVEL", Map.of("Ref", "LogLevel"))
                .containsKeys("POWERTOOLS_SERVICE_NAME", "JAVA_TOOL_OPTIONS", DynamoDbClients.ENDPOINT_ENV);
        assertThat(variables).as("Lambda sets AWS_REGION itself").doesNotContainKey(DynamoDbClients.REGION_ENV);
        // Declared so that `sam local invoke --env-vars` can set it; empty in AWS. An empty value must not reach the
        // SDK's own endpoint resolution (it fails the client build), hence the ignore flag.
        assertThat(variables.get(DynamoDbClients.ENDPOINT_ENV)).isEqualTo("");
        assertThat(variables.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")).isEqualTo("true");
        for (TodoFunction function : TodoFunction.values()) {
            assertThat(map(properties(function.logicalId()).get("Environment")))
                    .as("%s: one environment for all (local-api runs the functions in one JVM)", function.logicalId())
                    .isEmpty();
        }
    }

    @Test
    void envJsonPointsEveryFunctionAtTheLocalEngineWithVariablesTheTemplateDeclares() {
        Map<String, Object> env =
                map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Project.read("events/env.json")));
        Map<String, Object> declared =
                map(map(functionGlobals().get("Environment")).get("Variables"));
        for (TodoFunction function : TodoFunction.values()) {
            Map<String, Object> overrides = map(env.get(function.logicalId()));
            assertThat(overrides)
                    .as("events/env.json entry of %s", function.logicalId())
                    .containsEntry(DynamoDbTodoRepository.TABLE_NAME_ENV, "todos")
                    .containsEntry(DynamoDbClients.ENDPOINT_ENV, "http://host.docker.internal:" + LOCAL_ENGINE_PORT)
                    .containsKeys(RequestPipeline.ALLOWED_ORIGIN_ENV, "POWERTOOLS_LOG_LEVEL");
            assertThat(declared.keySet())
                    .as("SAM CLI overrides only variables the template declares")
                    .containsAll(overrides.keySet());
        }
        assertThat(env.keySet())
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(TodoFunction.values())
                        .map(f -> f.logicalId())
                        .toList());
    }

    @Test
    void theDeployGuideStartsTheLocalEngineOnThePortOfEnvJson() {
        // docs/deploy.md's `sam local invoke` section starts local-api with the engine exposed on a fixed port; the
        // function containers reach it through events/env.json. The two must name the same port.
        String guide = Project.read("docs/deploy.md");
        java.util.regex.Matcher run = java.util.regex.Pattern.compile(
                        "-Dlocal-api\\.args=\"[^\"]*--dynamodb-port (\\d+)[^\"]*\"")
                .matcher(guide);
        assertThat(run.find())
                .as("docs/deploy.md runs local-api with --dynamodb-port")
                .isTrue();
        assertThat(Integer.parseInt(run.group(1))).isEqualTo(LOCAL_ENGINE_PORT);
        assertThat(guide).contains("--env-vars events/env.json");
    }

    @Test
    void eachFunctionHasAnEventFile() {
        for (TodoFunction function : TodoFunction.values()) {
            Map<String, Object> event = map(new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Project.read("events/" + function.module() + ".json")));
            assertThat(event.get("resource"))
                    .as("events/%s.json resource", function.module())
                    .isEqualTo(function.path());
            assertThat(String.valueOf(event.get("httpMethod")))
                    .as("events/%s.json httpMethod", function.module())
                    .isEqualToIgnoringCase(function.method());
        }
    }

    @Test
    void samconfigDeploysSafely() {
        String config = Project.read("samconfig.toml");
        assertThat(setting(config, "default.deploy.parameters", "resolve_s3")).isEqualTo("true");
        assertThat(setting(config, "default.deploy.parameters", "confirm_changeset"))
                .isEqualTo("true");
        assertThat(setting(config, "default.deploy.parameters", "capabilities"))
                .contains("CAPABILITY_IAM")
                .doesNotContain("CAPABILITY_NAMED_IAM");
        assertThat(setting(config, "default.local_invoke.parameters", "env_vars"))
                .isEqualTo("\"events/env.json\"");
        assertThat(config)
                .as("the logging-role choice is the deployer's, not a committed answer")
                .doesNotContainPattern("(?m)^\\s*parameter_overrides\\s*=");
    }

    private static Map<String, Object> parameter(String name) {
        Map<String, Object> parameter =
                map(map(Project.template().get("Parameters")).get(name));
        assertThat(parameter).as("parameter %s", name).isNotEmpty();
        return parameter;
    }

    /** The raw value of {@code key} in the TOML table {@code [table]}. */
    private static String setting(String toml, String table, String key) {
        Matcher section = Pattern.compile("(?ms)^\\[" + Pattern.quote(table) + "\\]\\s*$(.*?)(?=^\\[|\\z)")
                .matcher(toml);
        assertThat(section.find()).as("[%s] in samconfig.toml", table).isTrue();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=\\s*(.+?)\\s*$")
                .matcher(section.group(1));
        assertThat(value.find()).as("%s in [%s]", key, table).isTrue();
        return value.group(1).replaceAll("^\"(true|false)\"$", "$1");
    }
}
