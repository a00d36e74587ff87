package io.todoapi.todo.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What API Gateway does with a request for the API, in its order: find the route (404 without one, 405 for
 * another method), answer a mock integration (the CORS preflights), run the authorizer, run the request validator,
 * then invoke the route's function with the proxy event and map its proxy response. Its own answers are the spec's
 * gateway responses.
 */
final class ApiGateway {

    private final ApiSpec spec;
    private final FunctionHost functions;
    private final LocalAuthorizer authorizer;
    private final RequestValidator validator;
    private final GatewayResponses gatewayResponses;
    private final ProxyEvents events;
    private final Consumer<String> errors;

    ApiGateway(
            ApiSpec spec,
            String stage,
            FunctionHost functions,
            LocalApiOptions.Callers callers,
            Consumer<String> errors) {
        this.spec = spec;
        this.functions = functions;
        this.authorizer = new LocalAuthorizer(callers.defaultUser(), callers.requireToken(), Clock.systemUTC());
        this.validator = new RequestValidator(spec);
        this.gatewayResponses = new GatewayResponses(spec, stage);
        this.events = new ProxyEvents(stage);
        this.errors = errors;
    }

    /** Whether some route of the spec has {@code rawPath} (with any method). */
    boolean hasPath(String rawPath) {
        return spec.routes().stream().anyMatch(route -> route.match(rawPath).isPresent());
    }

    LocalResponse respond(LocalRequest request) {
        String rawPath = request.rawPath();
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
            return gateway(
                    GatewayResponses.Error.of("MISSING_AUTHENTICATION_TOKEN", "Missing Authentication Token"),
                    request,
                    rawPath);
        }
        ApiSpec.Route route = onPath.stream()
                .filter(candidate -> candidate.method().equals(request.method()))
                .findFirst()
                .orElse(null);
        if (route == null) {
            return methodNotAllowed(onPath, request);
        }
        if (route.mock() != null) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            route.mock().headers().forEach((name, value) -> headers.put(name, List.of(unquote(value))));
            return new LocalResponse(route.mock().status(), headers, new byte[0]);
        }
        Map<String, String> decodedPathParameters = new LinkedHashMap<>();
        pathParameters.forEach((name, value) -> decodedPathParameters.put(name, ProxyEvents.decode(value, false)));
        Map<String, Object> claims = null;
        if (route.authorized()) {
            try {
                claims = authorizer.claims(request.header("Authorization"));
            } catch (LocalAuthorizer.Unauthorized e) {
                return gateway(
                        GatewayResponses.Error.of("UNAUTHORIZED", e.getMessage()), request, route.pathTemplate());
            }
        }
        Map<String, List<String>> query = ProxyEvents.query(request.rawQuery());
        Optional<RequestValidator.Failure> invalid = validator.validate(
                route, decodedPathParameters, query, request.headers(), request.header("Content-Type"), request.body());
        if (invalid.isPresent()) {
            String message = invalid.get().responseType().equals("BAD_REQUEST_BODY")
                    ? "Invalid request body"
                    : "Missing required request parameters";
            return gateway(
                    new GatewayResponses.Error(
                            invalid.get().responseType(), message, invalid.get().validationErrorString()),
                    request,
                    route.pathTemplate());
        }
        APIGatewayProxyRequestEvent event = events.event(request, route, decodedPathParameters, query, claims);
        APIGatewayProxyResponseEvent result;
        try {
            result = functions.invoke(route.functionLogicalId(), event);
        } catch (FunctionHost.FunctionError e) {
            errors.accept(e.getMessage());
            return internalError(request, route.pathTemplate()).withStatus(502);
        }
        if (result == null || result.getStatusCode() == null) {
            errors.accept(route.functionLogicalId() + " returned no statusCode: malformed proxy response");
            return internalError(request, route.pathTemplate()).withStatus(502);
        }
        return ProxyEvents.response(result);
    }

    /** API Gateway's answer to a failure of its own: DEFAULT_5XX. */
    LocalResponse internalError(LocalRequest request, String resourcePath) {
        return gateway(GatewayResponses.Error.of("DEFAULT_5XX", "Internal server error"), request, resourcePath)
                .withStatus(500);
    }

    /** The gateway response {@code error} to {@code request}, for the route {@code resourcePath}. */
    LocalResponse gateway(GatewayResponses.Error error, LocalRequest request, String resourcePath) {
        return LocalResponse.of(gatewayResponses.render(
                error,
                new GatewayResponses.Request(
                        request.id(), request.method(), resourcePath, request.rawPath(), request.singleHeaders())));
    }

    /**
     * A known path with another method. (Deployed, API Gateway answers MISSING_AUTHENTICATION_TOKEN here; locally
     * a 405 with {@code Allow} tells a developer more.) Same problem shape and CORS headers as the 4XX responses;
     * the detail quotes the method and path as excerpts.
     */
    private LocalResponse methodNotAllowed(List<ApiSpec.Route> onPath, LocalRequest request) {
        Set<String> allowed = new LinkedHashSet<>();
        onPath.forEach(route -> allowed.add(route.method()));
        String body = "{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,\"detail\":"
                + GatewayResponses.quote(ClientText.excerpt(request.method()) + " is not allowed on "
                        + ClientText.excerpt(ProxyEvents.decode(request.rawPath(), false)) + "; allowed: "
                        + String.join(", ", allowed))
                + "}";
        LocalResponse base = gateway(
                GatewayResponses.Error.of("DEFAULT_4XX", "Method Not Allowed"),
                request,
                onPath.getFirst().pathTemplate());
        return new LocalResponse(405, base.headers(), body.getBytes(StandardCharsets.UTF_8))
                .withHeader("Allow", String.join(", ", allowed))
                .withHeader("Content-Type", "application/problem+json");
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")
                ? trimmed.substring(1, trimmed.length() - 1)
                : trimmed;
    }
}
