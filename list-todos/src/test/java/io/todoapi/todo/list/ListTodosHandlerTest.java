package io.todoapi.todo.list;

import static io.todoapi.todo.testing.Events.withOwner;
import static io.todoapi.todo.testing.Events.withQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.todoapi.todo.error.StorageUnavailableException;
import io.todoapi.todo.http.PageTokens;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoPage;
import io.todoapi.todo.repository.TodoRepository;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.Responses;
import io.todoapi.todo.testing.TestContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ListTodosHandlerTest {

    private static final Instant T = Instant.parse("2026-11-24T19:02:53.123Z");
    private static final Todo FIRST =
            new Todo("019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f61", "one", null, false, null, T, T, 1);
    private static final Todo SECOND =
            new Todo("019ab6f2-8d3c-7e41-9a55-3c2b1d0e4f62", "two", "d", true, null, T, T, 4);

    @Mock
    private TodoRepository todos;

    private ListTodosHandler handler;

    @BeforeEach
    void setUp() {
        handler = new ListTodosHandler(todos, Events.pipeline());
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, TestContext.of("ListTodosFunction"));
    }

    @Test
    void returnsAPageWithANextTokenThatContinuesAfterItsLastItem() {
        when(todos.list(Events.FIXTURE_OWNER, 10, Optional.empty()))
                .thenReturn(new TodoPage(List.of(FIRST, SECOND), Optional.of(SECOND.id())));
        JsonNode body = Responses.json(handle(Events.load("list-todos")), 200);
        assertThat(body.get("items")).hasSize(2);
        assertThat(body.get("items").get(0).get("id").asText()).isEqualTo(FIRST.id());
        assertThat(body.get("items").get(1).toString())
                .isEqualTo("{\"id\":\"" + SECOND.id() + "\",\"title\":\"two\","
                        + "\"description\":\"d\",\"completed\":true,\"createdAt\":\"2026-11-24T19:02:53.123Z\","
                        + "\"updatedAt\":\"2026-11-24T19:02:53.123Z\",\"version\":4}");
        String token = body.get("nextToken").asText();
        assertThat(PageTokens.decode(Events.FIXTURE_OWNER, token)).isEqualTo(SECOND.id());

        when(todos.list(Events.FIXTURE_OWNER, 10, Optional.of(SECOND.id())))
                .thenReturn(new TodoPage(List.of(), Optional.empty()));
        JsonNode next =
                Responses.json(handle(withQuery(Events.load("list-todos"), "limit", "10", "nextToken", token)), 200);
        assertThat(next.toString()).isEqualTo("{\"items\":[]}");
    }

    @Test
    void theLastPageHasNoNextToken() {
        when(todos.list(Events.FIXTURE_OWNER, 20, Optional.empty()))
                .thenReturn(new TodoPage(List.of(FIRST), Optional.empty()));
        JsonNode body = Responses.json(handle(withQuery(Events.load("list-todos"))), 200);
        assertThat(body.has("nextToken")).isFalse();
        verify(todos).list(Events.FIXTURE_OWNER, 20, Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1e2", ""})
    void rejectsALimitOutOfRange(String limit) {
        assertThat(Responses.errors(handle(withQuery(Events.load("list-todos"), "limit", limit))))
                .containsExactly("parameter limit: must be an integer from 1 to 100");
        verifyNoInteractions(todos);
    }

    @Test
    void rejectsATamperedToken() {
        String token = PageTokens.encode(Events.FIXTURE_OWNER, FIRST.id());
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        assertThat(Responses.errors(handle(withQuery(Events.load("list-todos"), "nextToken", tampered))))
                .containsExactly("parameter nextToken: is not a token returned by this API for your list; start again"
                        + " without it");
        verifyNoInteractions(todos);
    }

    @Test
    void rejectsAnotherCallersToken() {
        String bobsToken = PageTokens.encode("bob", FIRST.id());
        Responses.problem(handle(withQuery(Events.load("list-todos"), "nextToken", bobsToken)), 400);
        verifyNoInteractions(todos);
    }

    @Test
    void returns401WithoutClaims() {
        Responses.problem(handle(withOwner(Events.load("list-todos"), null)), 401);
        verifyNoInteractions(todos);
    }

    @Test
    void returns503WhenDynamoDbIsThrottling() {
        when(todos.list(anyString(), anyInt(), any()))
                .thenThrow(new StorageUnavailableException(new RuntimeException()));
        APIGatewayProxyResponseEvent response = handle(Events.load("list-todos"));
        Responses.problem(response, 503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
    }
}
