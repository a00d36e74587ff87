package io.todoapi.todo.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Naive {@code PATCH /todos/{todoId}}: databind the patch, one UpdateItem of the non-null fields. */
public class NaiveUpdateTodoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        NaiveTodoInput input;
        try {
            input = NaiveSupport.MAPPER.readValue(event.getBody(), NaiveTodoInput.class);
        } catch (JsonProcessingException e) {
            return NaiveSupport.error(400, "malformed JSON");
        }
        String invalid = NaiveSupport.validate(input, true);
        if (invalid != null) {
            return NaiveSupport.error(400, invalid);
        }
        NaiveTodo patch = new NaiveTodo();
        patch.setPk(NaiveSupport.owner(event));
        patch.setSk("TODO#" + event.getPathParameters().get("todoId"));
        patch.setTitle(input.title);
        patch.setDescription(input.description);
        patch.setCompleted(input.completed);
        patch.setDueDate(input.dueDate);
        patch.setUpdatedAt(Instant.now().toString());
        try {
            NaiveTodo updated = NaiveSupport.TABLE.updateItem(UpdateItemEnhancedRequest.builder(NaiveTodo.class)
                    .item(patch)
                    .ignoreNulls(true)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_exists(pk)")
                            .build())
                    .build());
            context.getLogger().log("updated " + updated.getId());
            return NaiveSupport.json(200, updated);
        } catch (ConditionalCheckFailedException e) {
            return NaiveSupport.error(404, "not found");
        }
    }
}
