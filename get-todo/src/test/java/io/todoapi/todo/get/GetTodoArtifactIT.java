package io.todoapi.todo.get;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.ArtifactContract;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalTodoTable;
import io.todoapi.todo.testing.TodoFunction;

/** The deployable artifact (target/get-todo-lambda.jar) as Lambda runs it, answering events/get-todo.json. */
class GetTodoArtifactIT extends ArtifactContract {

    GetTodoArtifactIT() {
        super(TodoFunction.GET);
    }

    @Override
    protected void answersItsFixture(FunctionArtifact function, LocalTodoTable table) {
        APIGatewayProxyResponseEvent response = function.invoke(Events.load("get-todo"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        assertThat(response.getBody()).contains("\"title\":\"Buy oat milk\"");
        APIGatewayProxyResponseEvent notModified =
                function.invoke(Events.withHeader(Events.load("get-todo"), "If-None-Match", "\"1\""));
        assertThat(notModified.getStatusCode()).isEqualTo(304);
    }
}
