package io.todoapi.todo.create;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.testing.ArtifactContract;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.FunctionArtifact;
import io.todoapi.todo.testing.LocalTodoTable;
import io.todoapi.todo.testing.TodoFunction;
import java.util.Optional;

/** The deployable artifact (target/create-todo-lambda.jar) as Lambda runs it, answering events/create-todo.json. */
class CreateTodoArtifactIT extends ArtifactContract {

    CreateTodoArtifactIT() {
        super(TodoFunction.CREATE);
    }

    @Override
    protected void seed(LocalTodoTable table) {}

    @Override
    protected void answersItsFixture(FunctionArtifact function, LocalTodoTable table) {
        APIGatewayProxyResponseEvent response = function.invoke(Events.load("create-todo"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getBody()).contains("\"title\":\"Buy oat milk\"");
        assertThat(response.getHeaders().get("Location")).startsWith("/todos/");
        // the same Idempotency-Key again: the same todo, and still one item
        assertThat(function.invoke(Events.load("create-todo")).getBody()).isEqualTo(response.getBody());
        assertThat(table.repository()
                        .list(Events.FIXTURE_OWNER, 10, Optional.empty())
                        .items())
                .hasSize(1);
        assertThat(function.emfLines())
                .extracting(line -> line.contains("\"IdempotentReplays\":1"))
                .as("the second create is counted as a replay")
                .containsExactly(false, true);
    }
}
