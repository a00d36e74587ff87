package io.todoapi.todo.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.todoapi.todo.localdb.LocalDynamoDb;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole API on one port, emulating API Gateway in front of the five functions: routes, the Cognito
 * authorizer (claims from an unverified bearer JWT), request validators, gateway responses, OPTIONS mocks and the
 * REST proxy event, all derived from openapi.yaml and template.yaml. The functions run in this JVM against an
 * embedded dynalite (or any DynamoDB endpoint). Also serves the spec at /openapi.yaml and Swagger UI at /docs.
 */
public final class LocalApiServer implements AutoCloseable {

    /** One request and its response, as seen on the wire (for tests and tools). */
    public record Exchange(String method, String path, String query, Map<String, List<String>> requestHeaders,
                           byte[] requestBody, int status, Map<String, List<String>> responseHeaders,
                           byte[] responseBody) {
    }

    /** API Gateway's payload limit for REST APIs. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final String DOCS_RESOURCES = "META-INF/resources/webjars/swagger-ui/";

    private final LocalApiOptions options;
    private final LocalDynamoDb engine;
    private final URI dynamodbEndpoint;
    private final SamTemplate template;
    private final ApiSpec spec;
    private final Path specFile;
    private final FunctionHost functions;
    private final RequestValidator validator;
    private final GatewayResponses gatewayResponses;
    private final LocalAuthorizer authorizer;
    private final String stage;
    private final String swaggerUiVersion;
    private final List<Consumer<Exchange>> listeners = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private LocalApiServer(LocalApiOptions options, LocalDynamoDb engine, URI dynamodbEndpoint, SamTemplate template,
                           ApiSpec spec, Path specFile, FunctionHost functions) throws IOException {
        this.options = options;
        this.engine = engine;
        this.dynamodbEndpoint = dynamodbEndpoint;
        this.template = template;
        this.spec = spec;
        this.specFile = specFile;
        this.functions = functions;
        this.stage = template.stageName();
        this.validator = new RequestValidator(spec);
        this.gatewayResponses = new GatewayResponses(spec, stage);
        this.authorizer = new LocalAuthorizer(options.defaultUser(), options.requireToken(), Clock.systemUTC());
        this.swaggerUiVersion = swaggerUiVersion();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(options.host()), options.port()), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Starts everything (engine, table, functions, HTTP server) as {@code options} say; {@code log} gets progress. */
    public static LocalApiServer start(LocalApiOptions options, PrintStream log) throws IOException {
        Consumer<String> warn = message -> log.println("  ! " + message);
        Path templateFile = options.template().toAbsolutePath();
        if (!Files.isRegularFile(templateFile)) {
            throw new IllegalArgumentException(templateFile + " does not exist: run local-api from the project"
                    + " directory or pass --template");
        }
        SamTemplate template = SamTemplate.read(templateFile, options.parameterOverrides(), options.tableName(), warn);
        Path specFile = options.specFile(template.includedDefinition()
                .map(location -> templateFile.getParent().resolve(location)).orElse(null));
        ApiSpec spec = ApiSpec.of(CloudFormationYaml.read(specFile), template.functions().keySet(), template);

        LocalDynamoDb engine = null;
        URI endpoint = options.dynamodbEndpoint();
        if (endpoint == null) {
            engine = LocalDynamoDb.start(options.dynamodbHost(), options.dynamodbPort());
            endpoint = engine.endpoint();
        }
        Map<String, String> runtime = new LinkedHashMap<>();
        runtime.put("AWS_REGION", options.region());
        runtime.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString());
        // dynalite, LocalStack and moto accept any credentials; real DynamoDB needs the caller's, from the environment.
        boolean localCredentials = engine != null || System.getenv("AWS_ACCESS_KEY_ID") == null;
        if (localCredentials) {
            runtime.put("aws.accessKeyId", LocalDynamoDb.ACCESS_KEY_ID);
            runtime.put("aws.secretAccessKey", LocalDynamoDb.SECRET_ACCESS_KEY);
        }
        Map<String, SamTemplate.Function> routed = new LinkedHashMap<>();
        spec.routes().forEach(route -> {
            if (route.functionLogicalId() != null) {
                routed.put(route.functionLogicalId(), template.functions().get(route.functionLogicalId()));
            }
        });
        FunctionHost functions = null;
        try {
            try (DynamoDbClient client = adminClient(endpoint, options.region(), localCredentials)) {
                Map<String, Object> table = template.tableProperties().orElseThrow(() ->
                        new IllegalArgumentException("template.yaml defines no AWS::DynamoDB::Table"));
                LocalTables.create(client, options.tableName(), table, template, message -> log.println("  " + message));
            }
            functions = new FunctionHost(routed, runtime, warn);
            functions.initializeAll();
            return new LocalApiServer(options, engine, endpoint, template, spec, specFile, functions);
        } catch (RuntimeException | IOException e) {
            if (functions != null) {
                functions.close();
            }
            if (engine != null) {
                engine.close();
            }
            throw e;
        }
    }

    /** The client that creates the table, with the same endpoint, region and credentials as the functions. */
    private static DynamoDbClient adminClient(URI endpoint, String region, boolean localCredentials) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(localCredentials
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                LocalDynamoDb.ACCESS_KEY_ID, LocalDynamoDb.SECRET_ACCESS_KEY))
                        : EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The API's base URL, e.g. {@code http://localhost:3000}. */
    public URI url() {
        String host = options.host().equals("0.0.0.0") || options.host().equals("127.0.0.1") ? "localhost"
                : options.host();
        return URI.create("http://" + host + ":" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI dynamodbEndpoint() {
        return dynamodbEndpoint;
    }

    /** The local table's name. */
    public String tableName() {
        return options.tableName();
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
            String target = route.mock() != null ? "mock (CORS preflight)"
                    : route.functionLogicalId() + " (" + all.get(route.functionLogicalId()).handlerClass() + ")";
            lines.add(String.format("%-7s %-18s -> %s", route.method(), route.pathTemplate(), target));
        }
        return lines;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        functions.close();
        if (engine != null) {
            engine.close();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> requestHeaders.put(name, List.copyOf(values)));
        Map<String, String> singleHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        requestHeaders.forEach((name, values) -> singleHeaders.put(name, values.getLast()));
        byte[] body;
        Response response;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        }
        try {
            response = body.length > MAX_PAYLOAD_BYTES
                    ? gateway("REQUEST_TOO_LARGE", "Request Too Long", "", singleHeaders, requestId, method, rawPath,
                            rawPath)
                    : respond(requestId, method, rawPath, rawQuery, requestHeaders, singleHeaders, body);
        } catch (RuntimeException e) {
            System.err.println("local-api: " + method + " " + rawPath + " failed: " + e);
            response = gateway("DEFAULT_5XX", "Internal server error", "", singleHeaders, requestId, method, rawPath,
                    rawPath).withStatus(500);
        }
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>(response.headers());
        responseHeaders.put("x-amzn-RequestId", List.of(requestId));
        responseHeaders.forEach((name, values) -> values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        boolean noBody = response.body().length == 0 || method.equals("HEAD") || response.status() == 204
                || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
        Exchange recorded = new Exchange(method, rawPath, rawQuery, requestHeaders, body, response.status(),
                responseHeaders, noBody ? new byte[0] : response.body());
        listeners.forEach(listener -> listener.accept(recorded));
    }

    /** A response before the request id header is added. */
    private record Response(int status, Map<String, List<String>> headers, byte[] body) {
        Response withStatus(int newStatus) {
            return new Response(newStatus, headers, body);
        }
    }

    private Response respond(String requestId, String method, String rawPath, String rawQuery,
                             Map<String, List<String>> requestHeaders, Map<String, String> singleHeaders, byte[] body)
            throws IOException {
        if (method.equals("GET") || method.equals("HEAD")) {
            Optional<Response> local = localResource(rawPath);
            if (local.isPresent()) {
                return local.get();
            }
        }
        List<ApiSpec.Route> onPath = new ArrayList<>();
        Map<String, String> pathParameters = Map.of();
        for (ApiSpec.Route route : spec.routes()) {
            Optional<Map<String, String>> match = route.match(rawPath);
            if (match.isPresent()) {
                onPath.add(route);
                pathParameters = match.get();
            }
        }
        if (onPath.isEmpty()) {
            return gateway("MISSING_AUTHENTICATION_TOKEN", "Missing Authentication Token", "", singleHeaders, requestId,
                    method, rawPath, rawPath);
        }
        ApiSpec.Route route = onPath.stream().filter(candidate -> candidate.method().equals(method)).findFirst()
                .orElse(null);
        if (route == null) {
            return methodNotAllowed(onPath, singleHeaders, requestId, method, rawPath);
        }
        if (route.mock() != null) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            route.mock().headers().forEach((name, value) -> headers.put(name, List.of(unquote(value))));
            return new Response(route.mock().status(), headers, new byte[0]);
        }
        Map<String, String> decodedPathParameters = new LinkedHashMap<>();
        pathParameters.forEach((name, value) -> decodedPathParameters.put(name, decode(value, false)));
        Map<String, Object> claims = null;
        if (route.authorized()) {
            try {
                claims = authorizer.claims(singleHeaders.get("Authorization"));
            } catch (LocalAuthorizer.Unauthorized e) {
                return gateway("UNAUTHORIZED", e.getMessage(), "", singleHeaders, requestId, method, route.pathTemplate(),
                        rawPath);
            }
        }
        Map<String, List<String>> query = query(rawQuery);
        Optional<RequestValidator.Failure> invalid = validator.validate(route, decodedPathParameters, query,
                requestHeaders, singleHeaders.get("Content-Type"), body);
        if (invalid.isPresent()) {
            String message = invalid.get().responseType().equals("BAD_REQUEST_BODY") ? "Invalid request body"
                    : "Missing required request parameters";
            return gateway(invalid.get().responseType(), message, invalid.get().validationErrorString(), singleHeaders,
                    requestId, method, route.pathTemplate(), rawPath);
        }
        APIGatewayProxyRequestEvent event = event(requestId, method, rawPath, route, decodedPathParameters, query,
                requestHeaders, singleHeaders, body, claims);
        APIGatewayProxyResponseEvent result;
        try {
            result = functions.invoke(route.functionLogicalId(), event);
        } catch (FunctionHost.FunctionError e) {
            System.err.println("local-api: " + e.getMessage());
            return gateway("DEFAULT_5XX", "Internal server error", "", singleHeaders, requestId, method,
                    route.pathTemplate(), rawPath).withStatus(502);
        }
        if (result == null || result.getStatusCode() == null) {
            System.err.println("local-api: " + route.functionLogicalId() + " returned no statusCode: malformed proxy"
                    + " response");
            return gateway("DEFAULT_5XX", "Internal server error", "", singleHeaders, requestId, method,
                    route.pathTemplate(), rawPath).withStatus(502);
        }
        return fromProxyResponse(result);
    }

    /** The REST API (v1) proxy event API Gateway would send for this request. */
    private APIGatewayProxyRequestEvent event(String requestId, String method, String rawPath, ApiSpec.Route route,
                                              Map<String, String> pathParameters, Map<String, List<String>> query,
                                              Map<String, List<String>> requestHeaders,
                                              Map<String, String> singleHeaders, byte[] body,
                                              Map<String, Object> claims) {
        String path = decode(rawPath, false);
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setSourceIp(singleHeaders.getOrDefault("X-Forwarded-For", "127.0.0.1").split(",")[0].trim());
        identity.setUserAgent(singleHeaders.get("User-Agent"));
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAccountId("000000000000");
        context.setApiId("local");
        context.setResourceId(Integer.toHexString(route.pathTemplate().hashCode()));
        context.setStage(stage);
        context.setRequestId(requestId);
        context.setExtendedRequestId(requestId);
        context.setResourcePath(route.pathTemplate());
        context.setHttpMethod(method);
        context.setPath("/" + stage + path);
        context.setProtocol("HTTP/1.1");
        context.setDomainName(singleHeaders.getOrDefault("Host", "localhost"));
        context.setDomainPrefix("localhost");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        context.setRequestTime(REQUEST_TIME.format(now));
        context.setRequestTimeEpoch(now.toInstant().toEpochMilli());
        context.setIdentity(identity);
        if (claims != null) {
            context.setAuthorizer(new LinkedHashMap<>(Map.of("claims", claims)));
        }
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        requestHeaders.forEach((name, values) -> {
            single.put(name, values.getLast());
            multi.put(name, new ArrayList<>(values));
        });
        Map<String, String> singleQuery = new LinkedHashMap<>();
        query.forEach((name, values) -> singleQuery.put(name, values.getLast()));
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withResource(route.pathTemplate())
                .withPath(path)
                .withHttpMethod(method)
                .withHeaders(single.isEmpty() ? null : single)
                .withMultiValueHeaders(multi.isEmpty() ? null : multi)
                .withQueryStringParameters(singleQuery.isEmpty() ? null : singleQuery)
                .withMultiValueQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context);
        if (body.length > 0) {
            try {
                event.setBody(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body)).toString());
                event.setIsBase64Encoded(false);
            } catch (CharacterCodingException notUtf8) {
                event.setBody(Base64.getEncoder().encodeToString(body));
                event.setIsBase64Encoded(true);
            }
        } else {
            event.setIsBase64Encoded(false);
        }
        return event;
    }

    /** API Gateway's merge: multi-value headers first, then single-value ones not already there. */
    private static Response fromProxyResponse(APIGatewayProxyResponseEvent result) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (result.getMultiValueHeaders() != null) {
            result.getMultiValueHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        }
        if (result.getHeaders() != null) {
            result.getHeaders().forEach((name, value) -> {
                if (headers.keySet().stream().noneMatch(existing -> existing.equalsIgnoreCase(name))) {
                    headers.put(name, List.of(value));
                }
            });
        }
        byte[] body = result.getBody() == null ? new byte[0]
                : Boolean.TRUE.equals(result.getIsBase64Encoded()) ? Base64.getDecoder().decode(result.getBody())
                : result.getBody().getBytes(StandardCharsets.UTF_8);
        return new Response(result.getStatusCode(), headers, body);
    }

    private Response gateway(String type, String message, String validationErrors, Map<String, String> requestHeaders,
                             String requestId, String method, String resourcePath, String path) {
        GatewayResponses.Response rendered = gatewayResponses.render(type, message, validationErrors, requestHeaders,
                requestId, method, resourcePath, path);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        rendered.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return new Response(rendered.status(), headers, rendered.body());
    }

    /**
     * A known path with another method. (Deployed, API Gateway answers MISSING_AUTHENTICATION_TOKEN here; locally
     * a 405 with {@code Allow} tells a developer more.) Same problem shape and CORS headers as the 4XX responses.
     */
    private Response methodNotAllowed(List<ApiSpec.Route> onPath, Map<String, String> requestHeaders, String requestId,
                                      String method, String rawPath) {
        Set<String> allowed = new LinkedHashSet<>();
        onPath.forEach(route -> allowed.add(route.method()));
        Response base = gateway("DEFAULT_4XX", "Method Not Allowed", "", requestHeaders, requestId, method,
                onPath.getFirst().pathTemplate(), rawPath);
        Map<String, List<String>> headers = new LinkedHashMap<>(base.headers());
        headers.put("Allow", List.of(String.join(", ", allowed)));
        headers.put("Content-Type", List.of("application/problem+json"));
        String body = "{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,\"detail\":"
                + GatewayResponses.quote(method + " is not allowed on " + decode(rawPath, false) + "; allowed: "
                + String.join(", ", allowed)) + "}";
        return new Response(405, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** /openapi.yaml and /docs (Swagger UI from its webjar, offline). */
    private Optional<Response> localResource(String rawPath) throws IOException {
        if (rawPath.equals("/openapi.yaml")) {
            return Optional.of(new Response(200, Map.of("Content-Type", List.of("application/yaml; charset=utf-8")),
                    Files.readAllBytes(specFile)));
        }
        if (rawPath.equals("/docs")) {
            return Optional.of(new Response(302, Map.of("Location", List.of("/docs/")), new byte[0]));
        }
        if (!rawPath.startsWith("/docs/")) {
            return Optional.empty();
        }
        String file = rawPath.substring("/docs/".length());
        if (file.isEmpty()) {
            file = "index.html";
        }
        if (file.contains("..") || file.contains("//")) {
            return Optional.of(new Response(404, Map.of(), new byte[0]));
        }
        InputStream resource = file.equals("index.html") || file.equals("initializer.js")
                ? LocalApiServer.class.getResourceAsStream("docs/" + file)
                : LocalApiServer.class.getClassLoader().getResourceAsStream(DOCS_RESOURCES + swaggerUiVersion + "/"
                + file);
        if (resource == null) {
            return Optional.of(new Response(404, Map.of("Content-Type", List.of("text/plain")),
                    "Not found".getBytes(StandardCharsets.UTF_8)));
        }
        try (resource) {
            return Optional.of(new Response(200, Map.of("Content-Type", List.of(contentType(file))),
                    resource.readAllBytes()));
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (file.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (file.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (file.endsWith(".png")) {
            return "image/png";
        }
        return "application/octet-stream";
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = LocalApiServer.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties.getProperty("version");
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text, boolean plusIsSpace) {
        try {
            return URLDecoder.decode(plusIsSpace ? text : text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
