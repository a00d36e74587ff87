package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static io.todoapi.todo.deployment.Project.properties;
import static io.todoapi.todo.deployment.Project.resource;
import static io.todoapi.todo.deployment.Project.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app's hosting in template.yaml: a private, encrypted bucket that only this CloudFront distribution may
 * read (origin access control), HTTPS only, security headers, the SPA fallback, Cognito's managed login with the
 * code flow back to the site; and web/deploy-web.sh, which uploads the app with its config.json.
 */
class WebAppResourcesTest {

    private static final String SITE_URL = "https://${WebDistribution.DomainName}/";
    private static final Map<String, Object> THIS_DISTRIBUTION_ARN =
            Map.of("Fn::Sub", "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${WebDistribution}");

    @Test
    void theBucketIsPrivateEncryptedAndNotAWebsite() {
        assertThat(resources("AWS::S3::Bucket").keySet()).containsExactly("WebBucket");
        Map<String, Object> bucket = properties("WebBucket");
        assertThat(map(bucket.get("PublicAccessBlockConfiguration")))
                .isEqualTo(Map.of(
                        "BlockPublicAcls",
                        true,
                        "BlockPublicPolicy",
                        true,
                        "IgnorePublicAcls",
                        true,
                        "RestrictPublicBuckets",
                        true));
        Map<String, Object> encryption =
                map(list(map(bucket.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"))
                        .getFirst());
        assertThat(map(encryption.get("ServerSideEncryptionByDefault"))).containsEntry("SSEAlgorithm", "AES256");
        assertThat(list(map(bucket.get("OwnershipControls")).get("Rules")))
                .containsExactly(Map.of("ObjectOwnership", "BucketOwnerEnforced"));
        assertThat(bucket)
                .as("no ACLs, no static website endpoint (plain HTTP), no public reads")
                .doesNotContainKeys("AccessControl", "WebsiteConfiguration", "CorsConfiguration");
    }

    @Test
    void theBucketPolicyLetsOnlyThisDistributionReadObjectsAndRefusesPlainHttp() {
        assertThat(resources("AWS::S3::BucketPolicy").keySet()).containsExactly("WebBucketPolicy");
        Map<String, Object> policy = properties("WebBucketPolicy");
        assertThat(policy.get("Bucket")).isEqualTo(Map.of("Ref", "WebBucket"));
        List<Object> statements = list(map(policy.get("PolicyDocument")).get("Statement"));
        assertThat(statements).hasSize(2);

        Map<String, Object> read = map(statements.get(0));
        assertThat(read)
                .containsEntry("Effect", "Allow")
                .containsEntry("Principal", Map.of("Service", "cloudfront.amazonaws.com"))
                .containsEntry("Action", "s3:GetObject")
                .containsEntry("Resource", Map.of("Fn::Sub", "${WebBucket.Arn}/*"))
                .containsEntry("Condition", Map.of("StringEquals", Map.of("AWS:SourceArn", THIS_DISTRIBUTION_ARN)));

        Map<String, Object> tls = map(statements.get(1));
        assertThat(tls)
                .containsEntry("Effect", "Deny")
                .containsEntry("Principal", "*")
                .containsEntry("Action", "s3:*")
                .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", false)));
        assertThat(list(tls.get("Resource")))
                .containsExactly(
                        Map.of("Fn::GetAtt", List.of("WebBucket", "Arn")), Map.of("Fn::Sub", "${WebBucket.Arn}/*"));
    }

    @Test
    void cloudFrontReadsTheBucketWithOriginAccessControlAndServesHttpsOnly() {
        Map<String, Object> access = map(properties("WebOriginAccessControl").get("OriginAccessControlConfig"));
        assertThat(access)
                .containsEntry("OriginAccessControlOriginType", "s3")
                .containsEntry("SigningBehavior", "always")
                .containsEntry("SigningProtocol", "sigv4");

        Map<String, Object> config = distribution();
        Map<String, Object> origin = map(list(config.get("Origins")).getFirst());
        assertThat(list(config.get("Origins"))).hasSize(1);
        assertThat(origin)
                .containsEntry("DomainName", Map.of("Fn::GetAtt", List.of("WebBucket", "RegionalDomainName")))
                .containsEntry("OriginAccessControlId", Map.of("Fn::GetAtt", List.of("WebOriginAccessControl", "Id")))
                .containsEntry("S3OriginConfig", Map.of("OriginAccessIdentity", ""));
        Map<String, Object> behavior = map(config.get("DefaultCacheBehavior"));
        assertThat(behavior)
                .containsEntry("TargetOriginId", origin.get("Id"))
                .containsEntry("ViewerProtocolPolicy", "redirect-to-https")
                .containsEntry("ResponseHeadersPolicyId", Map.of("Ref", "WebResponseHeadersPolicy"));
        assertThat(list(behavior.get("AllowedMethods"))).containsExactly("GET", "HEAD");
        assertThat(config)
                .as("no other behaviours, origins or cache settings that could bypass the headers")
                .doesNotContainKeys("CacheBehaviors", "OriginGroups");
        assertThat(config).containsEntry("DefaultRootObject", "index.html").containsEntry("Enabled", true);
    }

    @Test
    void unknownPathsGetTheAppItself() {
        assertThat(list(distribution().get("CustomErrorResponses")))
                .containsExactly(
                        Map.of(
                                "ErrorCode",
                                403,
                                "ResponseCode",
                                200,
                                "ResponsePagePath",
                                "/index.html",
                                "ErrorCachingMinTTL",
                                10),
                        Map.of(
                                "ErrorCode",
                                404,
                                "ResponseCode",
                                200,
                                "ResponsePagePath",
                                "/index.html",
                                "ErrorCachingMinTTL",
                                10));
    }

    @Test
    void theHeadersPolicyForbidsInlineScriptsFramingAndSniffingAndPinsHttps() {
        Map<String, Object> config = map(properties("WebResponseHeadersPolicy").get("ResponseHeadersPolicyConfig"));
        Map<String, Object> security = map(config.get("SecurityHeadersConfig"));
        Map<String, Object> csp = map(security.get("ContentSecurityPolicy"));
        assertThat(csp).containsEntry("Override", true);
        List<Object> sub = list(map(csp.get("ContentSecurityPolicy")).get("Fn::Sub"));
        String policy = String.valueOf(sub.get(0));
        assertThat(policy)
                .contains(
                        "default-src 'none';",
                        "script-src 'self';",
                        "style-src 'self';",
                        "frame-ancestors 'none';",
                        "object-src 'none';",
                        "base-uri 'none';")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval")
                .contains("connect-src 'self' https://*.execute-api.${AWS::Region}.${AWS::URLSuffix}"
                        + " https://${Prefix}.auth.${AWS::Region}.amazoncognito.com;");
        assertThat(map(sub.get(1)).get("Prefix"))
                .as("the Cognito domain the app signs in on")
                .isEqualTo(properties("TodoUserPoolDomain").get("Domain"));

        assertThat(map(security.get("StrictTransportSecurity")))
                .containsEntry("Override", true)
                .containsEntry("IncludeSubdomains", true);
        assertThat(((Number) map(security.get("StrictTransportSecurity")).get("AccessControlMaxAgeSec")).intValue())
                .isGreaterThanOrEqualTo(31_536_000);
        assertThat(map(security.get("ContentTypeOptions"))).containsEntry("Override", true);
        assertThat(map(security.get("FrameOptions"))).containsEntry("FrameOption", "DENY");
        assertThat(map(security.get("ReferrerPolicy"))).containsEntry("ReferrerPolicy", "no-referrer");
    }

    @Test
    void theAppClientSignsInWithTheCodeFlowOnlyAndReturnsToTheSite() {
        Map<String, Object> client = properties("TodoUserPoolClient");
        assertThat(client)
                .containsEntry("AllowedOAuthFlowsUserPoolClient", true)
                .containsEntry("GenerateSecret", false);
        assertThat(list(client.get("AllowedOAuthFlows"))).as("no implicit flow").containsExactly("code");
        assertThat(list(client.get("AllowedOAuthScopes"))).containsExactly("openid", "email");
        assertThat(list(client.get("CallbackURLs"))).containsExactly(Map.of("Fn::Sub", SITE_URL));
        assertThat(list(client.get("LogoutURLs"))).containsExactly(Map.of("Fn::Sub", SITE_URL));
        assertThat(map(map(map(Project.template().get("Outputs")).get("WebsiteUrl"))
                        .get("Value")))
                .as("config.json's redirectUri (the WebsiteUrl output) is the callback URL")
                .isEqualTo(Map.of("Fn::Sub", SITE_URL));

        Map<String, Object> domain = properties("TodoUserPoolDomain");
        assertThat(domain)
                .containsEntry("UserPoolId", Map.of("Ref", "TodoUserPool"))
                .containsEntry("ManagedLoginVersion", 2);
        assertThat(properties("TodoManagedLoginBranding"))
                .containsEntry("ClientId", Map.of("Ref", "TodoUserPoolClient"))
                .containsEntry("UseCognitoProvidedValues", true);
        List<Object> output =
                list(map(map(map(Project.template().get("Outputs")).get("CognitoDomainUrl"))
                                .get("Value"))
                        .get("Fn::Sub"));
        assertThat(output.get(0)).isEqualTo("https://${Prefix}.auth.${AWS::Region}.amazoncognito.com");
        assertThat(map(output.get(1)).get("Prefix")).isEqualTo(domain.get("Domain"));
    }

    @Test
    void deployWebUploadsTheBuildWithCacheHeadersAndAConfigFromTheStackOutputs(@TempDir Path temp) throws IOException {
        assumeTrue(Tools.onPath("bash"), "SKIPPED: bash is not on PATH");
        Path site = Files.createDirectories(temp.resolve("site/assets"));
        Files.writeString(site.resolve("app.1234.js"), "console.log(1)");
        Files.writeString(site.getParent().resolve("index.html"), "<!doctype html>");
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path calls = temp.resolve("calls.txt");
        // A stand-in `aws`: answers the stack outputs, keeps a copy of what is uploaded, records every call.
        Path aws = bin.resolve("aws");
        Files.writeString(aws, """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                case "$*" in
                  cloudformation*ApiUrl*) echo https://api1.execute-api.eu-west-1.amazonaws.com/prod ;;
                  cloudformation*WebsiteUrl*) echo https://d1.cloudfront.net/ ;;
                  cloudformation*WebBucketName*) echo site-bucket ;;
                  cloudformation*WebDistributionId*) echo E1 ;;
                  cloudformation*CognitoDomainUrl*) echo https://todo-1a2b3c4d.auth.eu-west-1.amazoncognito.com ;;
                  cloudformation*UserPoolClientId*) echo client1 ;;
                  s3*) if [ "$2" = cp ]; then cp "$3" "%s/uploaded-$(basename "$3")"; fi ;;
                esac
                """.formatted(calls, temp));
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));

        Tools.Result result = Tools.run(
                List.of("bash", "web/deploy-web.sh"),
                null,
                Map.of(
                        "STACK",
                        "todo-test",
                        "PATH",
                        bin + ":" + System.getenv("PATH"),
                        "WEB_DIST",
                        site.getParent().toString()),
                60);

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(Files.readString(temp.resolve("uploaded-config.json"), StandardCharsets.UTF_8))
                .isEqualTo("""
                {"auth":"cognito","apiUrl":"https://api1.execute-api.eu-west-1.amazonaws.com/prod",\
                "cognitoDomain":"https://todo-1a2b3c4d.auth.eu-west-1.amazoncognito.com","clientId":"client1",\
                "redirectUri":"https://d1.cloudfront.net/"}
                """);
        List<String> uploads = Files.readAllLines(calls).stream()
                .filter(line -> !line.startsWith("cloudformation"))
                .map(line -> line.replaceAll(" /\\S*?/(assets|config\\.json|index\\.html) ", " <build>/$1 "))
                .toList();
        String forAYear = "--cache-control public, max-age=31536000, immutable";
        String revalidated = "--only-show-errors --cache-control no-cache --content-type";
        assertThat(uploads)
                .containsExactly(
                        "s3 sync <build>/assets s3://site-bucket/assets --only-show-errors " + forAYear,
                        "s3 cp <build>/config.json s3://site-bucket/config.json " + revalidated + " application/json",
                        "s3 cp <build>/index.html s3://site-bucket/index.html " + revalidated
                                + " text/html; charset=utf-8",
                        "s3 sync <build>/assets s3://site-bucket/assets --only-show-errors --delete " + forAYear,
                        "cloudfront create-invalidation --distribution-id E1 --paths / /index.html /config.json"
                                + " --query Invalidation.Id --output text");
        assertThat(Files.readAllLines(calls))
                .filteredOn(line -> line.startsWith("cloudformation"))
                .allMatch(line -> line.startsWith("cloudformation describe-stacks --stack-name todo-test "));
    }

    private static Map<String, Object> distribution() {
        assertThat(resources("AWS::CloudFront::Distribution").keySet()).containsExactly("WebDistribution");
        assertThat(resource("WebDistribution")).containsKey("Properties");
        return map(properties("WebDistribution").get("DistributionConfig"));
    }
}
