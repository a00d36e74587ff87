package io.todoapi.todo.list;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.ArtifactContract;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalTodoTable;
import io.todoapi.todo.testing.TodoFunction;

/** The deployable artifact (target/list-todos-lambda.jar) as Lambda runs it, answering events/list-todos.json. */
class ListTodosArtifactIT extends ArtifactContract {

    ListTodosArtifactIT() {
        super(TodoFunction.LIST);
    }

    @Override
    protected void answersItsFixture(FunctionArtifact function, LocalTodoTable table) {
        APIGatewayProxyResponseEvent response = function.invoke(Events.load("list-todos"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).startsWith("{\"items\":[{\"id\":\"" + Events.FIXTURE_TODO_ID + "\"");
    }
}
