package io.todoapi.todo.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Command line and environment of local-api. Every option has an environment variable (command line wins), so
 * the same settings work from {@code ./mvnw ... -Dlocal-api.args=...}, a shell profile or a test. Settings that
 * would expose the API or a real table beyond this machine are refused here, before anything starts, unless the
 * command line opts in.
 */
record LocalApiOptions(
        String command,
        Invocation invocation,
        Address http,
        DynamoDb dynamodb,
        Project project,
        Callers callers,
        boolean allowRemote,
        Output output) {

    /** {@code invoke}: the function to run and the event to send it. */
    record Invocation(String functionLogicalId, Path eventFile) {}

    /** An interface and a port to listen on (0: any free port). */
    record Address(String host, int port) {}

    /** The DynamoDB engine: another {@code endpoint}, or (when null) dynalite on {@code embedded}. */
    record DynamoDb(URI endpoint, Address embedded, String region, String tableName) {}

    /** The files local-api derives the API from, and the template's parameter overrides. */
    record Project(Path template, Path spec, Map<String, String> parameterOverrides) {

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
    }

    /** Who a request without a token is. */
    record Callers(String defaultUser, boolean requireToken) {}

    /** What is printed besides the banner and one line per request. */
    record Output(boolean logJson, boolean verbose, boolean metrics) {}

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
              --allow-remote             allow a --host or --dynamodb-host that other machines can reach
                                         [LOCAL_API_ALLOW_REMOTE=true]
              --dynamodb-endpoint URL    use this DynamoDB endpoint instead of the embedded engine: real DynamoDB
                                         (with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY set), LocalStack, moto
                                         [LOCAL_API_DYNAMODB_ENDPOINT]; one not on this machine needs
                                         --require-token and a non-* AllowedOrigin
              --dynamodb-port N          expose the embedded engine on this port, e.g. 8000 for
                                         `sam local invoke --env-vars events/env.json` [LOCAL_API_DYNAMODB_PORT]
              --dynamodb-host H          interface of the embedded engine [LOCAL_API_DYNAMODB_HOST]
                                         (default 127.0.0.1; another one needs --allow-remote)
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
              --log-json                 print the functions' JSON log lines (default: warnings and errors only)
                                         [LOCAL_API_LOG_JSON=true]
              --metrics                  print the functions' metrics, one CloudWatch EMF line per request, as
                                         deployed (default: none) [LOCAL_API_METRICS=true]
              --verbose                  print the routes and start-up details [LOCAL_API_VERBOSE=true]
              --event FILE               (invoke) the API Gateway proxy event to send
              --help                     this text

            Bearer tokens are decoded but their signatures are NOT verified: local use only.
            """;

    private static final Set<String> FLAGS = Set.of("require-token", "allow-remote", "log-json", "metrics", "verbose");
    private static final Set<String> VALUED = Set.of(
            "port",
            "host",
            "dynamodb-endpoint",
            "dynamodb-port",
            "dynamodb-host",
            "region",
            "table",
            "template",
            "spec",
            "parameter-overrides",
            "default-user",
            "event");

    /** Parses {@code args} over {@code env}; a bad or unsafe setting is an IllegalArgumentException of one line. */
    static LocalApiOptions parse(String[] args, Function<String, String> env) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException("");
            } else if (arg.startsWith("--") && FLAGS.contains(arg.substring(2))) {
                values.put(arg.substring(2), "true");
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
                if (!VALUED.contains(name)) {
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
        Invocation invocation = null;
        if (command.equals("invoke")) {
            if (positional.size() != 2 || !values.containsKey("event")) {
                throw new IllegalArgumentException("invoke needs a function logical id and --event <file>");
            }
            invocation = new Invocation(positional.get(1), Path.of(values.get("event")));
        } else if (positional.size() > 1) {
            throw new IllegalArgumentException("unexpected argument " + positional.get(1));
        }
        Function<String, String> option = name -> values.getOrDefault(
                name, env.apply("LOCAL_API_" + name.toUpperCase().replace('-', '_')));
        Function<String, Boolean> flag = name -> Boolean.parseBoolean(option.apply(name));
        String endpoint = option.apply("dynamodb-endpoint");
        LocalApiOptions options = new LocalApiOptions(
                command,
                invocation,
                new Address(
                        orDefault(option.apply("host"), "127.0.0.1"),
                        port("--port", orDefault(option.apply("port"), "3000"))),
                new DynamoDb(
                        endpoint == null || endpoint.isBlank() ? null : endpoint(endpoint),
                        new Address(
                                orDefault(option.apply("dynamodb-host"), "127.0.0.1"),
                                port("--dynamodb-port", orDefault(option.apply("dynamodb-port"), "0"))),
                        orDefault(values.get("region"), orDefault(env.apply("AWS_REGION"), REGION)),
                        orDefault(option.apply("table"), "todos")),
                new Project(
                        Path.of(orDefault(option.apply("template"), "template.yaml")),
                        option.apply("spec") == null ? null : Path.of(option.apply("spec")),
                        pairs(orDefault(option.apply("parameter-overrides"), ""))),
                new Callers(orDefault(option.apply("default-user"), "local-user"), flag.apply("require-token")),
                flag.apply("allow-remote"),
                new Output(flag.apply("log-json"), flag.apply("verbose"), flag.apply("metrics")));
        options.checkExposure();
        return options;
    }

    /** The same options listening on another address (invoke runs the API on any free loopback port). */
    LocalApiOptions withHttp(Address address) {
        return new LocalApiOptions(command, invocation, address, dynamodb, project, callers, allowRemote, output);
    }

    /** Whether the DynamoDB endpoint is another machine's, e.g. real DynamoDB. */
    boolean remoteTable() {
        return dynamodb.endpoint() != null && !Loopback.isLocal(dynamodb.endpoint());
    }

    /**
     * Refuses what would let other machines, or any web page the developer visits, reach the API or a real table:
     * a non-loopback interface without --allow-remote, and a remote table without --require-token (the allowed
     * origin is checked once the template is read).
     */
    private void checkExposure() {
        if (!allowRemote && !Loopback.isLoopback(http.host())) {
            throw new IllegalArgumentException("--host " + http.host() + " can be reached from other machines; add"
                    + " --allow-remote to listen there anyway, or use --host 127.0.0.1");
        }
        if (!allowRemote
                && dynamodb.endpoint() == null
                && !Loopback.isLoopback(dynamodb.embedded().host())) {
            throw new IllegalArgumentException(
                    "--dynamodb-host " + dynamodb.embedded().host() + " can be reached"
                            + " from other machines; add --allow-remote to listen there anyway, or use --dynamodb-host"
                            + " 127.0.0.1");
        }
        if (remoteTable() && !callers.requireToken()) {
            throw new IllegalArgumentException("--dynamodb-endpoint " + dynamodb.endpoint() + " is not on this"
                    + " machine: add --require-token, so that no request runs as a default user on that table");
        }
    }

    private static URI endpoint(String text) {
        try {
            URI uri = URI.create(text.trim());
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "--dynamodb-endpoint must be a URL such as http://localhost:8000, not " + text);
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
