package io.todoapi.todo.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Naive {@code DELETE /todos/{todoId}}: one conditional DeleteItem. */
public class NaiveDeleteTodoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String id = event.getPathParameters().get("todoId");
        try {
            NaiveSupport.TABLE.deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(Key.builder()
                            .partitionValue(NaiveSupport.owner(event))
                            .sortValue("TODO#" + id)
                            .build())
                    .conditionExpression(Expression.builder()
                            .expression("attribute_exists(pk)")
                            .build())
                    .build());
        } catch (ConditionalCheckFailedException e) {
            return NaiveSupport.error(404, "not found");
        }
        context.getLogger().log("deleted " + id);
        return new APIGatewayProxyResponseEvent().withStatusCode(204);
    }
}
