package io.todoapi.todo.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Command line and environment of local-api. Every option has an environment variable (command line wins), so
 * the same settings work from {@code ./mvnw ... -Dlocal-api.args=...}, a shell profile or a test.
 */
record LocalApiOptions(
        String command,
        String invokeFunction,
        Path eventFile,
        String host,
        int port,
        URI dynamodbEndpoint,
        String dynamodbHost,
        int dynamodbPort,
        String region,
        String tableName,
        Path template,
        Path spec,
        Map<String, String> parameterOverrides,
        String defaultUser,
        boolean requireToken) {

    /** The region local-api uses for the embedded engine and for {@code AWS::Region}. */
    static final String REGION = "us-east-1";

    static final String USAGE = """
            Usage: local-api [serve] [options]
                   local-api invoke <FunctionLogicalId> --event <file.json> [options]

            serve (default) runs the whole API on http://localhost:3000 with an embedded DynamoDB engine (dynalite,
            in memory). invoke runs one function on one API Gateway event and prints its response (like
            `sam local invoke`, without Docker).

            Options (environment variable in brackets):
              --port N                   HTTP port, 0 for any free port [LOCAL_API_PORT] (default 3000)
              --host H                   interface to listen on [LOCAL_API_HOST] (default 127.0.0.1)
              --dynamodb-endpoint URL    use this DynamoDB endpoint instead of the embedded engine: real DynamoDB
                                         (with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY set), LocalStack, moto
                                         [LOCAL_API_DYNAMODB_ENDPOINT]
              --dynamodb-port N          expose the embedded engine on this port, e.g. 8000 for
                                         `sam local invoke --env-vars events/env.json` [LOCAL_API_DYNAMODB_PORT]
              --dynamodb-host H          interface of the embedded engine; 0.0.0.0 lets containers reach it
                                         [LOCAL_API_DYNAMODB_HOST] (default 127.0.0.1)
              --region R                 region of --dynamodb-endpoint [AWS_REGION] (default us-east-1)
              --table NAME               local name of the template's table [LOCAL_API_TABLE] (default todos)
              --template FILE            SAM template [LOCAL_API_TEMPLATE] (default ./template.yaml)
              --spec FILE                OpenAPI spec [LOCAL_API_SPEC] (default: the file template.yaml includes)
              --parameter-overrides K=V  template parameters, space-separated pairs, e.g. AllowedOrigin=http://x
                                         [LOCAL_API_PARAMETER_OVERRIDES]
              --default-user SUB         caller when a request has no Authorization header
                                         [LOCAL_API_DEFAULT_USER] (default local-user)
              --require-token            answer 401 without an Authorization header, as deployed
                                         [LOCAL_API_REQUIRE_TOKEN=true]
              --event FILE               (invoke) the API Gateway proxy event to send
              --help                     this text

            Bearer tokens are decoded but their signatures are NOT verified: local use only.
            """;

    static LocalApiOptions parse(String[] args, Function<String, String> env) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        boolean requireToken = Boolean.parseBoolean(env.apply("LOCAL_API_REQUIRE_TOKEN"));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException("");
            } else if (arg.equals("--require-token")) {
                requireToken = true;
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value;
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                if (!List.of("port", "host", "dynamodb-endpoint", "dynamodb-port", "dynamodb-host", "region", "table",
                        "template", "spec", "parameter-overrides", "default-user", "event").contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
                values.put(name, value);
            } else {
                positional.add(arg);
            }
        }
        String command = positional.isEmpty() ? "serve" : positional.getFirst();
        if (!command.equals("serve") && !command.equals("invoke")) {
            throw new IllegalArgumentException("unknown command " + command);
        }
        String invokeFunction = null;
        Path event = null;
        if (command.equals("invoke")) {
            if (positional.size() != 2 || !values.containsKey("event")) {
                throw new IllegalArgumentException("invoke needs a function logical id and --event <file>");
            }
            invokeFunction = positional.get(1);
            event = Path.of(values.get("event"));
        } else if (positional.size() > 1) {
            throw new IllegalArgumentException("unexpected argument " + positional.get(1));
        }
        Function<String, String> option = name -> values.getOrDefault(name,
                env.apply("LOCAL_API_" + name.toUpperCase().replace('-', '_')));
        Path template = Path.of(orDefault(option.apply("template"), "template.yaml"));
        String endpoint = option.apply("dynamodb-endpoint");
        return new LocalApiOptions(command, invokeFunction, event,
                orDefault(option.apply("host"), "127.0.0.1"),
                port("--port", orDefault(option.apply("port"), "3000")),
                endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
                orDefault(option.apply("dynamodb-host"), "127.0.0.1"),
                port("--dynamodb-port", orDefault(option.apply("dynamodb-port"), "0")),
                orDefault(values.get("region"), orDefault(env.apply("AWS_REGION"), REGION)),
                orDefault(option.apply("table"), "todos"),
                template,
                option.apply("spec") == null ? null : Path.of(option.apply("spec")),
                pairs(orDefault(option.apply("parameter-overrides"), "")),
                orDefault(option.apply("default-user"), "local-user"),
                requireToken);
    }

    /** The spec: --spec, else the file the template's API includes with AWS::Include, else ./openapi.yaml. */
    Path specFile(Path includedByTemplate) {
        if (spec != null) {
            return spec;
        }
        if (includedByTemplate != null && Files.isRegularFile(includedByTemplate)) {
            return includedByTemplate;
        }
        return template.toAbsolutePath().getParent().resolve("openapi.yaml");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a port number (0-65535), not " + value);
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--parameter-overrides takes Key=Value pairs, not " + pair);
            }
            pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return pairs;
    }
}
