package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.functionGlobals;
import static io.todoapi.todo.deployment.Project.functionProperty;
import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static io.todoapi.todo.deployment.Project.properties;
import static io.todoapi.todo.deployment.Project.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.DynamoDbClients;
import io.todoapi.todo.testing.TodoFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The five functions of template.yaml: handlers, modules, the makefile build, runtime settings. */
class TemplateFunctionsTest {

    @Test
    void theTemplateHasExactlyTheFiveFunctions() {
        assertThat(Project.resources("AWS::Serverless::Function").keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(TodoFunction.values())
                        .map(f -> f.logicalId())
                        .toList());
    }

    @ParameterizedTest
    @EnumSource(TodoFunction.class)
    void eachFunctionsHandlerIsTheRequestHandlerClassOfItsModule(TodoFunction function) throws Exception {
        assertThat(properties(function.logicalId()).get("Handler"))
                .as("%s Handler", function.logicalId())
                .isEqualTo(function.handler());

        // The class itself, loaded from the module's build: a Lambda handler of API Gateway proxy events that the
        // runtime can create (public no-arg constructor) and call.
        Class<?> type = Class.forName(function.handlerClass());
        // The module's build (<module>/target/...) or its installed artifact (.../<module>/<version>/<module>-...).
        assertThat(Path.of(type.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString())
                .as("where %s comes from", function.handlerClass())
                .containsPattern("[/\\\\]" + Pattern.quote(function.module()) + "([/\\\\]|-\\d|\\.jar)");
        assertThat(Arrays.stream(type.getGenericInterfaces()).map(java.lang.reflect.Type::getTypeName))
                .as("%s implements", function.handlerClass())
                .contains(RequestHandler.class.getName() + "<" + APIGatewayProxyRequestEvent.class.getName() + ", "
                        + APIGatewayProxyResponseEvent.class.getName() + ">");
        assertThat(type.getConstructor().getModifiers() & java.lang.reflect.Modifier.PUBLIC)
                .isNotZero();
        assertThat(type.getMethod("handleRequest", APIGatewayProxyRequestEvent.class, Context.class)
                        .getReturnType())
                .isEqualTo(APIGatewayProxyResponseEvent.class);

        Document modulePom = xml(function.module() + "/pom.xml");
        assertThat(childText(modulePom, "artifactId"))
                .as("artifactId of %s/pom.xml", function.module())
                .isEqualTo(function.module());
        NodeList modules = xml("pom.xml").getElementsByTagName("module");
        assertThat(IntStream.range(0, modules.getLength())
                        .mapToObj(i -> modules.item(i).getTextContent()))
                .as("modules of the root pom")
                .contains(function.module());
    }

    @ParameterizedTest
    @EnumSource(TodoFunction.class)
    void eachFunctionIsBuiltByItsMakefileTarget(TodoFunction function) {
        assertThat(map(resource(function.logicalId()).get("Metadata")).get("BuildMethod"))
                .as(function.logicalId())
                .isEqualTo("makefile");
        assertThat(functionProperty(function.logicalId(), "CodeUri"))
                .as("%s CodeUri", function.logicalId())
                .isEqualTo(".");
        String makefile = Project.read("Makefile");
        Matcher target = Pattern.compile(
                        "(?m)^build-" + function.logicalId() + ":\\s*;\\s*\\$\\(call lambda-zip,([a-z-]+)\\)")
                .matcher(makefile);
        assertThat(target.find())
                .as("Makefile target build-%s", function.logicalId())
                .isTrue();
        assertThat(target.group(1))
                .as("module built by build-%s", function.logicalId())
                .isEqualTo(function.module());
    }

    @Test
    void theMakefileBuildsWithoutTestsAndWithoutTheLocalEngineAndCopiesTheShadedJarToLib() {
        String makefile = Project.read("Makefile");
        Matcher args = Pattern.compile("(?m)^MVN_ARGS\\s*\\?=(.*)$").matcher(makefile);
        assertThat(args.find()).as("MVN_ARGS in the Makefile").isTrue();
        assertThat(args.group(1).trim().split("\\s+")).contains("-DskipTests", "-Ddynalite.skipInstall", "-B");
        assertThat(makefile)
                .contains("MVN_ARGS='$(MVN_ARGS)' ARTIFACTS_DIR='$(ARTIFACTS_DIR)' scripts/build-function.sh $(1)");
        // scripts/check-sam-build.sh runs it; here only that it builds the modules with their dependencies from
        // source (-am) and copies each module's shaded jar to lib/<module>.jar.
        assertThat(Project.read("scripts/build-function.sh"))
                .contains("$MVN $MVN_ARGS -pl \"$modules\" -am package")
                .contains("jar=\"$stage/$m/target/$m-lambda.jar\"")
                .contains("cp \"$1\" \"$ARTIFACTS_DIR/lib/$module.jar\"");
    }

    @Test
    void theRuntimeRunsTheBytecodeTheBuildProduces() throws Exception {
        String runtime = String.valueOf(functionGlobals().get("Runtime"));
        assertThat(runtime).matches("java(21|25)");
        int runtimeVersion = Integer.parseInt(runtime.substring("java".length()));
        String release = childText(xml("pom.xml"), "maven.compiler.release");
        assertThat(Integer.parseInt(release))
                .as("maven.compiler.release of the root pom")
                .isLessThanOrEqualTo(runtimeVersion);
        for (TodoFunction function : TodoFunction.values()) {
            assertThat(properties(function.logicalId()))
                    .as(function.logicalId())
                    .doesNotContainKeys("Runtime", "Timeout");
        }
    }

    @Test
    void functionsArePublishedToTheLiveAliasWithSnapStartOnArm64() {
        Map<String, Object> globals = functionGlobals();
        assertThat(globals.get("AutoPublishAlias")).isEqualTo(TodoFunction.ALIAS);
        assertThat(globals.get("AutoPublishAliasAllProperties")).isEqualTo(true);
        assertThat(map(globals.get("SnapStart")).get("ApplyOn")).isEqualTo("PublishedVersions");
        assertThat(list(globals.get("Architectures"))).containsExactly("arm64");
        assertThat(globals.get("Tracing")).isEqualTo("Active");
        for (TodoFunction function : TodoFunction.values()) {
            assertThat(properties(function.logicalId()))
                    .as("%s must not override the alias, SnapStart or the architecture", function.logicalId())
                    .doesNotContainKeys("AutoPublishAlias", "SnapStart", "Architectures");
        }
    }

    @Test
    void theFunctionTimeoutLeavesRoomForTheBoundedSdkRetries() throws Exception {
        var field = DynamoDbClients.class.getDeclaredField("API_CALL_TIMEOUT");
        field.setAccessible(true);
        Duration apiCallTimeout = (Duration) field.get(null);
        Object timeout = functionGlobals().get("Timeout");
        assertThat(timeout).isInstanceOf(Integer.class);
        assertThat(Duration.ofSeconds((Integer) timeout))
                .as("function Timeout vs the SDK's API call timeout")
                .isGreaterThanOrEqualTo(apiCallTimeout.plusSeconds(5));
        assertThat((Integer) functionGlobals().get("MemorySize")).isBetween(512, 10240);
    }

    private static Document xml(String relativePath) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder()
                .parse(Project.root().resolve(relativePath).toFile());
    }

    /** The text of the first element {@code name} that is a child of the document element (or anywhere, for properties). */
    private static String childText(Document document, String name) {
        var children = document.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (name.equals(children.item(i).getNodeName())) {
                return children.item(i).getTextContent().trim();
            }
        }
        NodeList anywhere = document.getElementsByTagName(name);
        if (anywhere.getLength() > 0) {
            return anywhere.item(0).getTextContent().trim();
        }
        throw new AssertionError("no <" + name + "> in " + document.getDocumentURI());
    }
}
