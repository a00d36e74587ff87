package io.todoapi.todo.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.ArtifactContract;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalTodoTable;
import io.todoapi.todo.testing.TodoFunction;

/** The deployable artifact (target/update-todo-lambda.jar) as Lambda runs it, answering events/update-todo.json. */
class UpdateTodoArtifactIT extends ArtifactContract {

    UpdateTodoArtifactIT() {
        super(TodoFunction.UPDATE);
    }

    @Override
    protected void answersItsFixture(FunctionArtifact function, LocalTodoTable table) {
        APIGatewayProxyResponseEvent response = function.invoke(Events.load("update-todo"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(response.getBody()).contains("\"completed\":true").doesNotContain("description");
        // the fixture says If-Match: "1", which is now stale
        assertThat(function.invoke(Events.load("update-todo")).getStatusCode()).isEqualTo(412);
        assertThat(function.emfLines())
                .extracting(line -> line.contains("\"Conflicts\":1"))
                .as("the stale If-Match is counted as a conflict")
                .containsExactly(false, true);
    }
}
