package io.todoapi.todo.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.UUID;

/** Naive {@code POST /todos}: databind, validate, one PutItem through the bean schema. */
public class NaiveCreateTodoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        NaiveTodoInput input;
        try {
            input = NaiveSupport.MAPPER.readValue(event.getBody(), NaiveTodoInput.class);
        } catch (JsonProcessingException e) {
            return NaiveSupport.error(400, "malformed JSON");
        }
        String invalid = NaiveSupport.validate(input, false);
        if (invalid != null) {
            return NaiveSupport.error(400, invalid);
        }
        String now = Instant.now().toString();
        NaiveTodo todo = new NaiveTodo();
        todo.setPk(NaiveSupport.owner(event));
        todo.setSk("TODO#" + UUID.randomUUID());
        todo.setTitle(input.title);
        todo.setDescription(input.description);
        todo.setCompleted(input.completed != null && input.completed);
        todo.setDueDate(input.dueDate);
        todo.setCreatedAt(now);
        todo.setUpdatedAt(now);
        todo.setVersion(1L);
        NaiveSupport.TABLE.putItem(todo);
        context.getLogger().log("created " + todo.getId());
        return NaiveSupport.json(201, todo);
    }
}
