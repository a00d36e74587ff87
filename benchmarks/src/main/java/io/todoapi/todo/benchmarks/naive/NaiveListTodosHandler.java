package io.todoapi.todo.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/** Naive {@code GET /todos}: one Query page of the caller's partition. */
public class NaiveListTodosHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        Map<String, String> query = event.getQueryStringParameters();
        int limit = query != null && query.get("limit") != null ? Integer.parseInt(query.get("limit")) : 20;
        if (limit < 1 || limit > 100) {
            return NaiveSupport.error(400, "limit must be 1..100");
        }
        Page<NaiveTodo> page = NaiveSupport.TABLE
                .query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                                .partitionValue(NaiveSupport.owner(event))
                                .sortValue("TODO#")
                                .build()))
                        .limit(limit)
                        .consistentRead(true)
                        .build())
                .iterator()
                .next();
        context.getLogger().log("listed " + page.items().size());
        return NaiveSupport.json(200, Map.of("items", page.items()));
    }
}
