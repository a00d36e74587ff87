package io.todoapi.todo.json;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.thirdparty.jackson.core.JsonEncoding;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;

/**
 * Reads API Gateway REST proxy events and writes proxy responses for the Lambda Java runtime, which finds this
 * class through {@code META-INF/services/com.amazonaws.services.lambda.runtime.CustomPojoSerializer}.
 *
 * <p>Why not the runtime's default: for event classes it builds a Jackson databind mapper with mix-ins and a Joda
 * time module that it loads from the function's own class path, so every function would have to ship Joda-Time
 * (0.6 MB, used by no API Gateway field) and pay for databind introspection on every cold start. This streaming
 * reader and writer handle exactly the two types the functions use, with the Jackson core the SDK already loads.
 * Unknown members are skipped, as the default serializer does. {@code ApiGatewayEventSerializerTest} checks it
 * against the runtime's own serializer on every fixture in {@code events/}.
 */
public final class ApiGatewayEventSerializer implements CustomPojoSerializer {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(software.amazon.awssdk.thirdparty.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public <T> T fromJson(InputStream input, Type type) {
        try (JsonParser parser = FACTORY.createParser(input)) {
            return read(parser, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T fromJson(String input, Type type) {
        try (JsonParser parser = FACTORY.createParser(input)) {
            return read(parser, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> void toJson(T value, OutputStream output, Type type) {
        try (JsonGenerator generator = FACTORY.createGenerator(output, JsonEncoding.UTF8)) {
            switch (value) {
                case null -> generator.writeNull();
                case APIGatewayProxyResponseEvent response -> writeResponse(generator, response);
                case APIGatewayProxyRequestEvent request -> writeRequest(generator, request);
                default -> throw unsupported(type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #toJson(Object, OutputStream, Type)} into a String. */
    public String toJson(Object value) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(512);
        toJson(value, out, value == null ? Object.class : value.getClass());
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(JsonParser parser, Type type) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null || first == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, JsonToken.START_OBJECT);
        if (type == APIGatewayProxyRequestEvent.class) {
            return (T) readRequest(parser);
        }
        throw unsupported(type);
    }

    private static APIGatewayProxyRequestEvent readRequest(JsonParser parser) throws IOException {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "version" -> event.setVersion(text(parser));
                case "resource" -> event.setResource(text(parser));
                case "path" -> event.setPath(text(parser));
                case "httpMethod" -> event.setHttpMethod(text(parser));
                case "headers" -> event.setHeaders(stringMap(parser));
                case "multiValueHeaders" -> event.setMultiValueHeaders(multiMap(parser));
                case "queryStringParameters" -> event.setQueryStringParameters(stringMap(parser));
                case "multiValueQueryStringParameters" -> event.setMultiValueQueryStringParameters(multiMap(parser));
                case "pathParameters" -> event.setPathParameters(stringMap(parser));
                case "stageVariables" -> event.setStageVariables(stringMap(parser));
                case "requestContext" -> event.setRequestContext(readContext(parser));
                case "body" -> event.setBody(text(parser));
                case "isBase64Encoded" -> event.setIsBase64Encoded(bool(parser));
                default -> parser.skipChildren();
            }
        }
        return event;
    }

    private static APIGatewayProxyRequestEvent.ProxyRequestContext readContext(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, JsonToken.START_OBJECT);
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "accountId" -> context.setAccountId(text(parser));
                case "stage" -> context.setStage(text(parser));
                case "resourceId" -> context.setResourceId(text(parser));
                case "requestId" -> context.setRequestId(text(parser));
                case "operationName" -> context.setOperationName(text(parser));
                case "identity" -> context.setIdentity(readIdentity(parser));
                case "resourcePath" -> context.setResourcePath(text(parser));
                case "httpMethod" -> context.setHttpMethod(text(parser));
                case "apiId" -> context.setApiId(text(parser));
                case "path" -> context.setPath(text(parser));
                case "authorizer" -> context.setAuthorizer(objectMap(parser));
                case "extendedRequestId" -> context.setExtendedRequestId(text(parser));
                case "requestTime" -> context.setRequestTime(text(parser));
                case "requestTimeEpoch" ->
                    context.setRequestTimeEpoch(
                            parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getValueAsLong());
                case "domainName" -> context.setDomainName(text(parser));
                case "domainPrefix" -> context.setDomainPrefix(text(parser));
                case "protocol" -> context.setProtocol(text(parser));
                default -> parser.skipChildren();
            }
        }
        return context;
    }

    private static APIGatewayProxyRequestEvent.RequestIdentity readIdentity(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, JsonToken.START_OBJECT);
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "cognitoIdentityPoolId" -> identity.setCognitoIdentityPoolId(text(parser));
                case "accountId" -> identity.setAccountId(text(parser));
                case "cognitoIdentityId" -> identity.setCognitoIdentityId(text(parser));
                case "caller" -> identity.setCaller(text(parser));
                case "apiKey" -> identity.setApiKey(text(parser));
                case "principalOrgId" -> identity.setPrincipalOrgId(text(parser));
                case "sourceIp" -> identity.setSourceIp(text(parser));
                case "cognitoAuthenticationType" -> identity.setCognitoAuthenticationType(text(parser));
                case "cognitoAuthenticationProvider" -> identity.setCognitoAuthenticationProvider(text(parser));
                case "userArn" -> identity.setUserArn(text(parser));
                case "userAgent" -> identity.setUserAgent(text(parser));
                case "user" -> identity.setUser(text(parser));
                case "accessKey" -> identity.setAccessKey(text(parser));
                default -> parser.skipChildren();
            }
        }
        return identity;
    }

    private static void writeResponse(JsonGenerator generator, APIGatewayProxyResponseEvent response)
            throws IOException {
        generator.writeStartObject();
        if (response.getStatusCode() != null) {
            generator.writeNumberField("statusCode", response.getStatusCode());
        }
        writeStringMap(generator, "headers", response.getHeaders());
        writeMultiMap(generator, "multiValueHeaders", response.getMultiValueHeaders());
        writeString(generator, "body", response.getBody());
        if (response.getIsBase64Encoded() != null) {
            generator.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
        }
        generator.writeEndObject();
    }

    private static void writeRequest(JsonGenerator generator, APIGatewayProxyRequestEvent event) throws IOException {
        generator.writeStartObject();
        writeString(generator, "version", event.getVersion());
        writeString(generator, "resource", event.getResource());
        writeString(generator, "path", event.getPath());
        writeString(generator, "httpMethod", event.getHttpMethod());
        writeStringMap(generator, "headers", event.getHeaders());
        writeMultiMap(generator, "multiValueHeaders", event.getMultiValueHeaders());
        writeStringMap(generator, "queryStringParameters", event.getQueryStringParameters());
        writeMultiMap(generator, "multiValueQueryStringParameters", event.getMultiValueQueryStringParameters());
        writeStringMap(generator, "pathParameters", event.getPathParameters());
        writeStringMap(generator, "stageVariables", event.getStageVariables());
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        if (context != null) {
            generator.writeObjectFieldStart("requestContext");
            writeString(generator, "accountId", context.getAccountId());
            writeString(generator, "stage", context.getStage());
            writeString(generator, "resourceId", context.getResourceId());
            writeString(generator, "requestId", context.getRequestId());
            writeString(generator, "operationName", context.getOperationName());
            APIGatewayProxyRequestEvent.RequestIdentity identity = context.getIdentity();
            if (identity != null) {
                generator.writeObjectFieldStart("identity");
                writeString(generator, "cognitoIdentityPoolId", identity.getCognitoIdentityPoolId());
                writeString(generator, "accountId", identity.getAccountId());
                writeString(generator, "cognitoIdentityId", identity.getCognitoIdentityId());
                writeString(generator, "caller", identity.getCaller());
                writeString(generator, "apiKey", identity.getApiKey());
                writeString(generator, "principalOrgId", identity.getPrincipalOrgId());
                writeString(generator, "sourceIp", identity.getSourceIp());
                writeString(generator, "cognitoAuthenticationType", identity.getCognitoAuthenticationType());
                writeString(generator, "cognitoAuthenticationProvider", identity.getCognitoAuthenticationProvider());
                writeString(generator, "userArn", identity.getUserArn());
                writeString(generator, "userAgent", identity.getUserAgent());
                writeString(generator, "user", identity.getUser());
                writeString(generator, "accessKey", identity.getAccessKey());
                generator.writeEndObject();
            }
            writeString(generator, "resourcePath", context.getResourcePath());
            writeString(generator, "httpMethod", context.getHttpMethod());
            writeString(generator, "apiId", context.getApiId());
            writeString(generator, "path", context.getPath());
            if (context.getAuthorizer() != null) {
                generator.writeFieldName("authorizer");
                writeAny(generator, context.getAuthorizer());
            }
            writeString(generator, "extendedRequestId", context.getExtendedRequestId());
            writeString(generator, "requestTime", context.getRequestTime());
            if (context.getRequestTimeEpoch() != null) {
                generator.writeNumberField("requestTimeEpoch", context.getRequestTimeEpoch());
            }
            writeString(generator, "domainName", context.getDomainName());
            writeString(generator, "domainPrefix", context.getDomainPrefix());
            writeString(generator, "protocol", context.getProtocol());
            generator.writeEndObject();
        }
        writeString(generator, "body", event.getBody());
        if (event.getIsBase64Encoded() != null) {
            generator.writeBooleanField("isBase64Encoded", event.getIsBase64Encoded());
        }
        generator.writeEndObject();
    }

    private static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return parser.getText();
        }
        throw new IOException("expected a string at " + parser.currentLocation());
    }

    private static Boolean bool(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> Boolean.valueOf(text(parser));
        };
    }

    private static Map<String, String> stringMap(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, JsonToken.START_OBJECT);
        Map<String, String> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            map.put(name, text(parser));
        }
        return map;
    }

    private static Map<String, List<String>> multiMap(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, JsonToken.START_OBJECT);
        Map<String, List<String>> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                map.put(name, null);
                continue;
            }
            expect(parser, JsonToken.START_ARRAY);
            List<String> values = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                values.add(text(parser));
            }
            map.put(name, values);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectMap(JsonParser parser) throws IOException {
        Object value = any(parser);
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw new IOException("expected an object at " + parser.currentLocation());
    }

    /** Any JSON value as Map, List, String, Boolean, Integer, Long, BigInteger, Double or null. */
    private static Object any(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, any(parser));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(any(parser));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + parser.currentToken() + " at " + parser.currentLocation());
        };
    }

    private static void writeAny(JsonGenerator generator, Object value) throws IOException {
        switch (value) {
            case null -> generator.writeNull();
            case Map<?, ?> map -> {
                generator.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    generator.writeFieldName(String.valueOf(entry.getKey()));
                    writeAny(generator, entry.getValue());
                }
                generator.writeEndObject();
            }
            case List<?> list -> {
                generator.writeStartArray();
                for (Object item : list) {
                    writeAny(generator, item);
                }
                generator.writeEndArray();
            }
            case Boolean bool -> generator.writeBoolean(bool);
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case java.math.BigInteger number -> generator.writeNumber(number);
            case Number number -> generator.writeNumber(number.doubleValue());
            default -> generator.writeString(value.toString());
        }
    }

    private static void writeString(JsonGenerator generator, String name, String value) throws IOException {
        if (value != null) {
            generator.writeStringField(name, value);
        }
    }

    private static void writeStringMap(JsonGenerator generator, String name, Map<String, String> map)
            throws IOException {
        if (map == null) {
            return;
        }
        generator.writeObjectFieldStart(name);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            generator.writeStringField(entry.getKey(), entry.getValue());
        }
        generator.writeEndObject();
    }

    private static void writeMultiMap(JsonGenerator generator, String name, Map<String, List<String>> map)
            throws IOException {
        if (map == null) {
            return;
        }
        generator.writeObjectFieldStart(name);
        for (Map.Entry<String, List<String>> entry : map.entrySet()) {
            generator.writeFieldName(entry.getKey());
            if (entry.getValue() == null) {
                generator.writeNull();
                continue;
            }
            generator.writeStartArray();
            for (String value : entry.getValue()) {
                generator.writeString(value);
            }
            generator.writeEndArray();
        }
        generator.writeEndObject();
    }

    private static void expect(JsonParser parser, JsonToken token) throws IOException {
        if (parser.currentToken() != token) {
            throw new IOException(
                    "expected " + token + " but found " + parser.currentToken() + " at " + parser.currentLocation());
        }
    }

    private static IllegalArgumentException unsupported(Type type) {
        return new IllegalArgumentException("This serializer handles API Gateway proxy events only, not " + type);
    }
}
