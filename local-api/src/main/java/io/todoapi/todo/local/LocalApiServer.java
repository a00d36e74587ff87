package io.todoapi.todo.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.todoapi.todo.localdb.LocalDynamoDb;
import io.todoapi.todo.metrics.RequestMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole API on one port, emulating API Gateway in front of the five functions ({@link ApiGateway}), all derived
 * from openapi.yaml and template.yaml; the functions run in this JVM ({@link FunctionHost}) against an embedded
 * dynalite (or any DynamoDB endpoint). Also serves the spec and Swagger UI ({@link DocsResources}) and, when it is on
 * the class path, the web app ({@link WebApp}). This class owns the start-up order (nothing starts when a port is
 * taken), the HTTP server, and the checks every request passes first: a loopback {@code Host} (DNS rebinding) and
 * API Gateway's payload limit.
 */
public final class LocalApiServer implements AutoCloseable {

    /** One request and its response, as seen on the wire (for tests and tools), and how long it took. */
    public record Exchange(
            String method,
            String path,
            String query,
            Map<String, List<String>> requestHeaders,
            byte[] requestBody,
            int status,
            Map<String, List<String>> responseHeaders,
            byte[] responseBody,
            long millis) {}

    /** API Gateway's payload limit for REST APIs. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private final LocalApiOptions options;
    private final LocalDynamoDb engine;
    private final URI dynamodbEndpoint;
    private final SamTemplate template;
    private final ApiSpec spec;
    private final FunctionHost functions;
    private final ApiGateway gateway;
    private final DocsResources docs;
    private final Optional<WebApp> webApp;
    private final boolean checkHost;
    private final List<Consumer<Exchange>> listeners = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private LocalApiServer(
            LocalApiOptions options,
            HttpServer server,
            LocalDynamoDb engine,
            URI dynamodbEndpoint,
            SamTemplate template,
            ApiSpec spec,
            Path specFile,
            FunctionHost functions) {
        this.options = options;
        this.server = server;
        this.engine = engine;
        this.dynamodbEndpoint = dynamodbEndpoint;
        this.template = template;
        this.spec = spec;
        this.functions = functions;
        this.gateway = new ApiGateway(
                spec,
                template.stageName(),
                functions,
                options.callers(),
                message -> System.err.println("local-api: " + message));
        this.docs = new DocsResources(specFile, spec.document());
        this.webApp = WebApp.on(LocalApiServer.class.getClassLoader());
        // Bound to loopback, only a browser on this machine can reach the API; it must also have asked for this
        // machine by name, or a page could reach it through DNS rebinding. Bound elsewhere (--allow-remote), other
        // machines' names for this one are expected.
        this.checkHost = Loopback.isLoopback(options.http().host());
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /**
     * Starts everything as {@code options} say, in an order that starts nothing when something is wrong: read the
     * template and spec, check what they allow, take the HTTP port, check the engine's port, start the engine,
     * create the table, create the functions, and only then answer requests. {@code log} gets warnings (and, with
     * --verbose, progress). A taken port or a refused setting is an IllegalStateException or
     * IllegalArgumentException of one line.
     */
    public static LocalApiServer start(LocalApiOptions options, PrintStream log) throws IOException {
        Consumer<String> warn = message -> log.println("  ! " + message);
        Consumer<String> info = options.output().verbose() ? message -> log.println("  " + message) : message -> {};
        Path templateFile = options.project().template().toAbsolutePath();
        if (!Files.isRegularFile(templateFile)) {
            throw new IllegalArgumentException(
                    templateFile + " does not exist: run local-api from the project" + " directory or pass --template");
        }
        SamTemplate template = SamTemplate.read(
                templateFile,
                options.project().parameterOverrides(),
                options.dynamodb().tableName(),
                warn);
        Path specFile = options.project()
                .specFile(template.includedDefinition()
                        .map(location -> templateFile.getParent().resolve(location))
                        .orElse(null));
        ApiSpec spec = ApiSpec.of(
                CloudFormationYaml.read(specFile), template.functions().keySet(), template);
        if (options.remoteTable()) {
            requireNamedOrigin(template, spec);
        }

        HttpServer server = bind(options.http());
        LocalDynamoDb engine = null;
        FunctionHost functions = null;
        try {
            URI endpoint = options.dynamodb().endpoint();
            if (endpoint == null) {
                LocalApiOptions.Address embedded = options.dynamodb().embedded();
                requireFree(embedded, "the DynamoDB engine's port", "--dynamodb-port");
                engine = LocalDynamoDb.start(embedded.host(), embedded.port());
                endpoint = engine.endpoint();
            }
            Map<String, String> runtime = new LinkedHashMap<>();
            runtime.put("AWS_REGION", options.dynamodb().region());
            runtime.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString());
            // The functions write their EMF lines to stdout, this process's: only with --metrics, else they would
            // drown the one line per request. Powertools' own switch, which the functions read (RequestMetrics).
            runtime.put(
                    RequestMetrics.DISABLED_ENV,
                    Boolean.toString(!options.output().metrics()));
            // dynalite, LocalStack and moto accept any credentials; real DynamoDB needs the caller's, from the
            // environment.
            boolean localCredentials = engine != null || System.getenv("AWS_ACCESS_KEY_ID") == null;
            if (localCredentials) {
                runtime.put("aws.accessKeyId", LocalDynamoDb.ACCESS_KEY_ID);
                runtime.put("aws.secretAccessKey", LocalDynamoDb.SECRET_ACCESS_KEY);
            }
            try (DynamoDbClient client =
                    adminClient(endpoint, options.dynamodb().region(), localCredentials)) {
                Map<String, Object> table = template.tableProperties()
                        .orElseThrow(
                                () -> new IllegalArgumentException("template.yaml defines no AWS::DynamoDB::Table"));
                LocalTables.create(client, options.dynamodb().tableName(), table, template, info);
            }
            Map<String, SamTemplate.Function> routed = new LinkedHashMap<>();
            spec.routes().forEach(route -> {
                if (route.functionLogicalId() != null) {
                    routed.put(route.functionLogicalId(), template.functions().get(route.functionLogicalId()));
                }
            });
            functions = new FunctionHost(routed, runtime, warn);
            functions.initializeAll();
            FunctionLogs.show(options.output().logJson());
            return new LocalApiServer(options, server, engine, endpoint, template, spec, specFile, functions);
        } catch (RuntimeException | IOException e) {
            server.stop(0);
            if (functions != null) {
                functions.close();
            }
            if (engine != null) {
                engine.close();
            }
            throw e;
        }
    }

    /** The HTTP port, taken now (and held) so that a busy one fails before anything else starts. */
    private static HttpServer bind(LocalApiOptions.Address address) throws IOException {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getByName(address.host()), address.port()), 64);
        } catch (BindException e) {
            throw portInUse(address, "the HTTP port", "--port");
        }
    }

    /** Fails when {@code address}'s port is taken (its owner is started next, on that port). */
    private static void requireFree(LocalApiOptions.Address address, String what, String option) throws IOException {
        if (address.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(address.host()), address.port()));
        } catch (BindException e) {
            throw portInUse(address, what, option);
        }
    }

    private static IllegalStateException portInUse(LocalApiOptions.Address address, String what, String option) {
        return new IllegalStateException("port " + address.port() + " (" + what + ") is already in use on "
                + address.host() + ": stop what uses it, or choose another port with " + option + " N");
    }

    /**
     * With a table that is not on this machine, no web page may call the API: every allowed origin the template and
     * spec answer (functions' {@code ALLOWED_ORIGIN}, gateway responses, CORS mocks) must name one.
     */
    private static void requireNamedOrigin(SamTemplate template, ApiSpec spec) {
        Set<String> origins = new LinkedHashSet<>();
        template.functions()
                .values()
                .forEach(function -> origins.add(function.environment().getOrDefault("ALLOWED_ORIGIN", "*")));
        spec.gatewayResponses().values().forEach(response -> allowedOrigin(response.headers(), origins));
        spec.routes().stream()
                .filter(route -> route.mock() != null)
                .forEach(route -> allowedOrigin(route.mock().headers(), origins));
        if (origins.contains("*") || origins.contains("")) {
            throw new IllegalArgumentException("--dynamodb-endpoint is not on this machine: add --parameter-overrides"
                    + " AllowedOrigin=<your web app's origin>, so that no other web page can call the API");
        }
    }

    /** Adds the {@code Access-Control-Allow-Origin} of {@code headers} (static values: {@code 'origin'}), if any. */
    private static void allowedOrigin(Map<String, String> headers, Set<String> origins) {
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase("Access-Control-Allow-Origin")) {
                origins.add(value.replace("'", "").trim());
            }
        });
    }

    /** The client that creates the table, with the same endpoint, region and credentials as the functions. */
    private static DynamoDbClient adminClient(URI endpoint, String region, boolean localCredentials) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(
                        localCredentials
                                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                        LocalDynamoDb.ACCESS_KEY_ID, LocalDynamoDb.SECRET_ACCESS_KEY))
                                : EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * The base URL as bound: {@code http://localhost:3000} on loopback, else the real interface, e.g.
     * {@code http://0.0.0.0:3000}.
     */
    public URI url() {
        return url(options.http().host(), port());
    }

    /** The base URL of a server bound to {@code host} and {@code port}, as the banner prints it. */
    static URI url(String host, int port) {
        String name = host;
        if (Loopback.isLoopback(host)) {
            name = "localhost";
        } else if (host.contains(":") && !host.startsWith("[")) {
            name = "[" + host + "]";
        }
        return URI.create("http://" + name + ":" + port);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI dynamodbEndpoint() {
        return dynamodbEndpoint;
    }

    /** The local table's name. */
    public String tableName() {
        return options.dynamodb().tableName();
    }

    /** Whether the web app is on the class path and served at /. */
    public boolean servesWebApp() {
        return webApp.isPresent();
    }

    /** Runs one function of the template on {@code event}, as {@code local-api invoke} does. */
    APIGatewayProxyResponseEvent invokeFunction(String logicalId, APIGatewayProxyRequestEvent event)
            throws FunctionHost.FunctionError {
        if (!template.functions().containsKey(logicalId)) {
            throw new IllegalArgumentException(logicalId + " is not a function of template.yaml; its functions: "
                    + String.join(", ", template.functions().keySet()));
        }
        return functions.invoke(logicalId, event);
    }

    /** Calls {@code listener} with every exchange after its response was sent. */
    public void onExchange(Consumer<Exchange> listener) {
        listeners.add(listener);
    }

    /** The routes, for the start-up banner: "POST /todos -> CreateTodoFunction (handler)". */
    List<String> describeRoutes() {
        Map<String, SamTemplate.Function> all = template.functions();
        List<String> lines = new ArrayList<>();
        for (ApiSpec.Route route : spec.routes()) {
            String target = route.mock() != null
                    ? "mock (CORS preflight)"
                    : route.functionLogicalId() + " ("
                            + all.get(route.functionLogicalId()).handlerClass() + ")";
            lines.add(String.format("%-7s %-18s -> %s", route.method(), route.pathTemplate(), target));
        }
        return lines;
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
        functions.close();
        if (engine != null) {
            engine.close();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        }
        LocalRequest request = new LocalRequest(
                UUID.randomUUID().toString(),
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                headers,
                body);
        LocalResponse response;
        try {
            response = respond(request);
        } catch (RuntimeException e) {
            System.err.println(
                    "local-api: " + request.method() + " " + ClientText.excerpt(request.rawPath()) + " failed: " + e);
            response = gateway.internalError(request, request.rawPath());
        }
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>(response.headers());
        responseHeaders.put("x-amzn-RequestId", List.of(request.id()));
        responseHeaders.forEach((name, values) ->
                values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        boolean noBody = response.body().length == 0
                || request.method().equals("HEAD")
                || response.status() == 204
                || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
        Exchange recorded = new Exchange(
                request.method(),
                request.rawPath(),
                request.rawQuery(),
                headers,
                body,
                response.status(),
                responseHeaders,
                noBody ? new byte[0] : response.body(),
                (System.nanoTime() - started) / 1_000_000);
        listeners.forEach(listener -> listener.accept(recorded));
    }

    private LocalResponse respond(LocalRequest request) {
        String host = request.header("Host");
        if (checkHost && !Loopback.isLoopbackHostHeader(host)) {
            return misdirected();
        }
        if (request.body().length > MAX_PAYLOAD_BYTES) {
            return gateway.gateway(
                    GatewayResponses.Error.of("REQUEST_TOO_LARGE", "Request Too Long"), request, request.rawPath());
        }
        String origin = checkHost ? "http://" + host.toLowerCase(Locale.ROOT) : url().toString();
        if (request.isRead()) {
            Optional<LocalResponse> local = docs.respond(request.rawPath(), origin)
                    .or(() -> webApp.flatMap(app -> app.respond(request.rawPath(), origin)));
            if (local.isPresent()) {
                return local.get();
            }
            if (webApp.isPresent() && !gateway.hasPath(request.rawPath())) {
                Optional<LocalResponse> page = webApp.get().fallback(request.header("Accept"));
                if (page.isPresent()) {
                    return page.get();
                }
            }
        }
        return gateway.respond(request);
    }

    /**
     * 421 for a request that did not name this machine in {@code Host}: a page on another site whose name was
     * rebound to 127.0.0.1 sends its own name, and must not reach the API (or, through it, a real table).
     */
    private static LocalResponse misdirected() {
        return LocalResponse.of(
                        421,
                        "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":"
                                + "\"Misdirected Request\",\"status\":421,\"detail\":\"local-api answers requests for localhost,"
                                + " 127.0.0.1 and [::1] only: open it as http://localhost:<port>.\"}")
                .withHeader("Cache-Control", "no-store")
                .withHeader("X-Content-Type-Options", "nosniff");
    }
}
