package io.todoapi.todo.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the naive handlers share, written the way most first Lambda functions are: an {@link ObjectMapper}, the SDK
 * client with its defaults ({@code DynamoDbClient.create()}: region, credentials, endpoint and the Apache HTTP client
 * found at run time), and a bean table schema ({@code TableSchema.fromBean}, built by introspection). A reasonable,
 * straightforward implementation — nothing in it is slowed down on purpose.
 */
final class NaiveSupport {

    static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    static final DynamoDbTable<NaiveTodo> TABLE = DynamoDbEnhancedClient.builder()
            .dynamoDbClient(DynamoDbClient.create())
            .build()
            .table(System.getenv("TABLE_NAME"), TableSchema.fromBean(NaiveTodo.class));

    private NaiveSupport() {}

    @SuppressWarnings("unchecked")
    static String owner(APIGatewayProxyRequestEvent event) {
        Map<String, Object> claims =
                (Map<String, Object>) event.getRequestContext().getAuthorizer().get("claims");
        return "USER#" + claims.get("sub");
    }

    static String validate(NaiveTodoInput input, boolean patch) {
        if (!patch && (input.title == null || input.title.isBlank())) {
            return "title is required";
        }
        if (input.title != null && (input.title.isBlank() || input.title.length() > 200)) {
            return "title must be 1..200 characters";
        }
        if (input.description != null && input.description.length() > 2000) {
            return "description must be at most 2000 characters";
        }
        if (input.dueDate != null) {
            try {
                LocalDate.parse(input.dueDate);
            } catch (RuntimeException e) {
                return "dueDate must be YYYY-MM-DD";
            }
        }
        return null;
    }

    static APIGatewayProxyResponseEvent json(int status, Object body) {
        try {
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static APIGatewayProxyResponseEvent error(int status, String detail) {
        return json(status, Map.of("status", status, "detail", detail));
    }
}
