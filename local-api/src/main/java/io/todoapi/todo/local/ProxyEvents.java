package io.todoapi.todo.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Lambda proxy integration's two conversions, as API Gateway's REST API (v1) does them: an HTTP request into
 * the {@code APIGatewayProxyRequestEvent} a function receives, and the function's proxy response into HTTP.
 */
final class ProxyEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private final String stage;

    ProxyEvents(String stage) {
        this.stage = stage;
    }

    /**
     * The REST API (v1) proxy event for {@code request} on {@code route}: {@code pathParameters} and {@code query}
     * are decoded; {@code claims} (null when the route has no authorizer) become {@code authorizer.claims}.
     */
    APIGatewayProxyRequestEvent event(
            LocalRequest request,
            ApiSpec.Route route,
            Map<String, String> pathParameters,
            Map<String, List<String>> query,
            Map<String, Object> claims) {
        String path = decode(request.rawPath(), false);
        Map<String, String> single = request.singleHeaders();
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setSourceIp(single.getOrDefault("X-Forwarded-For", "127.0.0.1")
                .split(",")[0]
                .trim());
        identity.setUserAgent(request.header("User-Agent"));
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAccountId("000000000000");
        context.setApiId("local");
        context.setResourceId(Integer.toHexString(route.pathTemplate().hashCode()));
        context.setStage(stage);
        context.setRequestId(request.id());
        context.setExtendedRequestId(request.id());
        context.setResourcePath(route.pathTemplate());
        context.setHttpMethod(request.method());
        context.setPath("/" + stage + path);
        context.setProtocol("HTTP/1.1");
        context.setDomainName(single.getOrDefault("Host", "localhost"));
        context.setDomainPrefix("localhost");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        context.setRequestTime(REQUEST_TIME.format(now));
        context.setRequestTimeEpoch(now.toInstant().toEpochMilli());
        context.setIdentity(identity);
        if (claims != null) {
            context.setAuthorizer(new LinkedHashMap<>(Map.of("claims", claims)));
        }
        Map<String, List<String>> multi = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> multi.put(name, new ArrayList<>(values)));
        Map<String, String> singleQuery = new LinkedHashMap<>();
        query.forEach((name, values) -> singleQuery.put(name, values.getLast()));
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withResource(route.pathTemplate())
                .withPath(path)
                .withHttpMethod(request.method())
                .withHeaders(single.isEmpty() ? null : single)
                .withMultiValueHeaders(multi.isEmpty() ? null : multi)
                .withQueryStringParameters(singleQuery.isEmpty() ? null : singleQuery)
                .withMultiValueQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context);
        byte[] body = request.body();
        if (body.length > 0) {
            try {
                event.setBody(StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body))
                        .toString());
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
    static LocalResponse response(APIGatewayProxyResponseEvent result) {
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
        byte[] body = result.getBody() == null
                ? new byte[0]
                : Boolean.TRUE.equals(result.getIsBase64Encoded())
                        ? Base64.getDecoder().decode(result.getBody())
                        : result.getBody().getBytes(StandardCharsets.UTF_8);
        return new LocalResponse(result.getStatusCode(), headers, body);
    }

    /** The decoded query parameters of {@code rawQuery}, each with all its values in order. */
    static Map<String, List<String>> query(String rawQuery) {
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

    /** Percent-decoding ({@code +} is a space in a query only); a malformed escape leaves the text as it is. */
    static String decode(String text, boolean plusIsSpace) {
        try {
            return URLDecoder.decode(plusIsSpace ? text : text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
