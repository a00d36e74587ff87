package io.todoapi.todo.delete;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.ArtifactContract;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalTodoTable;
import io.todoapi.todo.testing.TodoFunction;

/** The deployable artifact (target/delete-todo-lambda.jar) as Lambda runs it, answering events/delete-todo.json. */
class DeleteTodoArtifactIT extends ArtifactContract {

    DeleteTodoArtifactIT() {
        super(TodoFunction.DELETE);
    }

    @Override
    protected void answersItsFixture(FunctionArtifact function, LocalTodoTable table) {
        APIGatewayProxyResponseEvent response = function.invoke(Events.load("delete-todo"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertThat(function.invoke(Events.load("delete-todo")).getStatusCode()).isEqualTo(404);
    }
}
