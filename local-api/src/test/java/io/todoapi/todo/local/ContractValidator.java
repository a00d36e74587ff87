package io.todoapi.todo.local;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Checks recorded exchanges against openapi.yaml with Atlassian's swagger-request-validator: the request (for
 * requests a client following the contract would send) and, always, the response: status documented, headers and
 * body matching their schemas.
 */
final class ContractValidator {

    private final OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(
                    RunningApi.projectDirectory()
                            .resolve("openapi.yaml")
                            .toUri()
                            .toString())
            // The spec's servers name API Gateway's stage URL; locally the API is at the root.
            .withBasePathOverride("/")
            .withLevelResolver(LevelResolver.create()
                    // API Gateway security is enforced by local-api's authorizer, not by this check.
                    .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    /**
     * Problems with the response of {@code exchange} (empty when it follows the contract). A route the spec does not
     * have (an unknown path, another method) has no documented response to check; the tests check its problem body.
     */
    List<String> responseProblems(LocalApiServer.Exchange exchange) {
        return messages(validator.validateResponse(exchange.path(), method(exchange), response(exchange))).stream()
                .filter(message -> !message.startsWith("validation.request.path.missing")
                        && !message.startsWith("validation.request.operation.notAllowed"))
                .toList();
    }

    /** Problems with the request and the response of {@code exchange}. */
    List<String> problems(LocalApiServer.Exchange exchange) {
        return messages(validator.validate(request(exchange), response(exchange)));
    }

    private static Request.Method method(LocalApiServer.Exchange exchange) {
        return Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT));
    }

    private static Request request(LocalApiServer.Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method(exchange), exchange.path());
        exchange.requestHeaders().forEach((name, values) -> request.withHeader(name, values));
        if (exchange.query() != null) {
            for (String pair : exchange.query().split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                request.withQueryParam(name, value);
            }
        }
        if (exchange.requestBody().length > 0) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static SimpleResponse response(LocalApiServer.Exchange exchange) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach((name, values) -> response.withHeader(name, values));
        if (exchange.responseBody().length > 0) {
            response.withBody(exchange.responseBody());
        }
        return response.build();
    }

    private static List<String> messages(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }
}
