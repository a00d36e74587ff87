package io.todoapi.todo.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variables Lambda's Java runtime gives a function, per initialization type, as the Lambda developer
 * guide documents them ("Defined runtime environment variables"; for SnapStart, "Activating and managing Lambda
 * SnapStart", credentials): nothing else. In particular a SnapStart function has no access-key variables: it gets
 * its credentials from the container credentials endpoint. The function's own variables (template.yaml) come on
 * top, as on Lambda.
 */
public final class LambdaEnvironment {

    /** How Lambda initializes the execution environment ({@code AWS_LAMBDA_INITIALIZATION_TYPE}). */
    public enum InitializationType {
        ON_DEMAND("on-demand"),
        SNAP_START("snap-start");

        private final String value;

        InitializationType(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** The runtime identifier in {@code AWS_EXECUTION_ENV}: the template's {@code Runtime}, prefixed. */
    public static final String EXECUTION_ENV = "AWS_Lambda_java25";

    public static final String REGION = "us-east-1";

    /** Every mode: the reserved variables and the unreserved ones the runtime sets. */
    private static final List<String> COMMON = List.of(
            "_HANDLER",
            "AWS_REGION",
            "AWS_DEFAULT_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR",
            "TZ",
            "LANG",
            "PATH",
            "LD_LIBRARY_PATH",
            "AWS_XRAY_CONTEXT_MISSING",
            "AWS_XRAY_DAEMON_ADDRESS",
            "_AWS_XRAY_DAEMON_ADDRESS",
            "_AWS_XRAY_DAEMON_PORT");
    /** On demand: the execution role's credentials in variables. */
    private static final List<String> ACCESS_KEYS =
            List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
    /** SnapStart: the container credentials endpoint instead. */
    private static final List<String> CONTAINER_CREDENTIALS =
            List.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN");

    private LambdaEnvironment() {}

    /** The names Lambda sets in {@code type}, before the function's own. */
    public static Set<String> names(InitializationType type) {
        Set<String> names = new TreeSet<>(COMMON);
        names.addAll(type == InitializationType.SNAP_START ? CONTAINER_CREDENTIALS : ACCESS_KEYS);
        return names;
    }

    /**
     * Lambda's variables for one function: {@code runtimeApi} is the Runtime API's {@code host:port},
     * {@code taskRoot} stands for {@code /var/task}, and the credentials are {@code credentials}' (variables or
     * endpoint, by {@code type}); {@code null} leaves them out, to test a function that gets none.
     */
    public static Map<String, String> of(
            InitializationType type,
            String handler,
            String functionName,
            String runtimeApi,
            Path taskRoot,
            CredentialsSource credentials) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("_HANDLER", handler);
        env.put("AWS_REGION", REGION);
        env.put("AWS_DEFAULT_REGION", REGION);
        env.put("AWS_EXECUTION_ENV", EXECUTION_ENV);
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", type == InitializationType.SNAP_START ? "1" : "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", type.value());
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/06/[1]0123456789abcdef0123456789abcdef");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", "/var/runtime");
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin");
        env.put(
                "LD_LIBRARY_PATH",
                "/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:" + taskRoot + ":" + taskRoot
                        + "/lib:/opt/lib");
        env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        env.put("AWS_XRAY_DAEMON_ADDRESS", "169.254.79.129:2000");
        env.put("_AWS_XRAY_DAEMON_ADDRESS", "169.254.79.129");
        env.put("_AWS_XRAY_DAEMON_PORT", "2000");
        if (credentials == null) {
            return env;
        }
        if (type == InitializationType.SNAP_START) {
            env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.endpoint());
            env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", credentials.authorizationToken());
        } else {
            env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
            env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        }
        return env;
    }

    /** The execution role's credentials, and the endpoint that serves them to a SnapStart function. */
    public interface CredentialsSource {
        String accessKeyId();

        String secretAccessKey();

        String sessionToken();

        /** {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
        String endpoint();

        /** {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}: the endpoint answers only requests that send it. */
        String authorizationToken();
    }
}
