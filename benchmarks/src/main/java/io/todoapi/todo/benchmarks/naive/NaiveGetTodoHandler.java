package io.todoapi.todo.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Naive {@code GET /todos/{todoId}}: one consistent GetItem. */
public class NaiveGetTodoHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String id = event.getPathParameters().get("todoId");
        NaiveTodo todo = NaiveSupport.TABLE.getItem(r -> r.key(Key.builder()
                        .partitionValue(NaiveSupport.owner(event))
                        .sortValue("TODO#" + id)
                        .build())
                .consistentRead(true));
        context.getLogger().log("get " + id);
        return todo == null ? NaiveSupport.error(404, "not found") : NaiveSupport.json(200, todo);
    }
}
