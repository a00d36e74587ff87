package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.map;
import static io.todoapi.todo.deployment.Project.operation;
import static io.todoapi.todo.deployment.Project.resolve;
import static io.todoapi.todo.deployment.Project.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.todoapi.todo.testing.TodoFunction;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every response of every operation: the statuses of the contract, a named schema for each (none for 204/304),
 * problem+json for errors, and the headers (ETag, Location, Retry-After, CORS).
 */
class SpecResponsesTest {

    private static final Map<TodoFunction, Set<String>> STATUSES = Map.of(
            TodoFunction.CREATE, Set.of("201", "400", "401", "413", "415", "422", "429", "500", "503", "504"),
            TodoFunction.LIST, Set.of("200", "400", "401", "429", "500", "503", "504"),
            TodoFunction.GET, Set.of("200", "304", "400", "401", "404", "429", "500", "503", "504"),
            TodoFunction.UPDATE, Set.of("200", "400", "401", "404", "412", "413", "415", "429", "500", "503", "504"),
            TodoFunction.DELETE, Set.of("204", "400", "401", "404", "412", "429", "500", "503", "504"));

    @ParameterizedTest
    @EnumSource(TodoFunction.class)
    void eachOperationDocumentsExactlyTheStatusesOfTheContract(TodoFunction function) {
        assertThat(responses(function).keySet())
                .as(function.operationId())
                .containsExactlyInAnyOrderElementsOf(STATUSES.get(function));
    }

    @ParameterizedTest
    @EnumSource(TodoFunction.class)
    void everyResponseHasANamedSchemaExcept204And304(TodoFunction function) {
        responses(function).forEach((status, value) -> {
            Map<String, Object> response = resolve(value);
            assertThat(response.get("description"))
                    .as("%s %s description", function.operationId(), status)
                    .isNotNull();
            Map<String, Object> content = map(response.get("content"));
            if (status.equals("204") || status.equals("304")) {
                assertThat(content)
                        .as("%s %s has no body", function.operationId(), status)
                        .isEmpty();
                return;
            }
            assertThat(content)
                    .as("%s %s content", function.operationId(), status)
                    .isNotEmpty();
            content.forEach((mediaType, media) -> {
                Object ref = map(map(media).get("schema")).get("$ref");
                assertThat(ref)
                        .as(
                                "%s %s %s: a named schema ($ref), not an inline one",
                                function.operationId(), status, mediaType)
                        .isInstanceOf(String.class);
                assertThat(schema(((String) ref).substring("#/components/schemas/".length())))
                        .isNotEmpty();
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(mediaType).isEqualTo("application/problem+json");
                    assertThat(ref).isEqualTo("#/components/schemas/Problem");
                } else {
                    assertThat(mediaType).isEqualTo("application/json");
                }
            });
        });
    }

    @ParameterizedTest
    @EnumSource(TodoFunction.class)
    void everyResponseDeclaresItsCorsHeaders(TodoFunction function) {
        responses(function)
                .forEach((status, value) -> assertThat(headers(value).keySet())
                        .as("%s %s headers", function.operationId(), status)
                        .contains("Access-Control-Allow-Origin", "Access-Control-Expose-Headers"));
    }

    @Test
    void entityTagsLocationAndRetryAfterAreDeclaredWhereTheFunctionsSendThem() {
        assertThat(headers(responses(TodoFunction.CREATE).get("201")).keySet()).contains("Location", "ETag");
        assertThat(headers(responses(TodoFunction.GET).get("200")).keySet()).contains("ETag");
        assertThat(headers(responses(TodoFunction.GET).get("304")).keySet()).contains("ETag");
        assertThat(headers(responses(TodoFunction.UPDATE).get("200")).keySet()).contains("ETag");
        for (TodoFunction function : TodoFunction.values()) {
            assertThat(headers(responses(function).get("503")).keySet())
                    .as(function.operationId())
                    .contains("Retry-After");
            assertThat(headers(responses(function).get("429")).keySet())
                    .as(function.operationId())
                    .contains("Retry-After");
        }
        assertThat(headers(responses(TodoFunction.CREATE).get("415")).keySet()).contains("Accept-Post");
        assertThat(headers(responses(TodoFunction.UPDATE).get("415")).keySet()).contains("Accept-Patch");
        assertThat(headers(responses(TodoFunction.CREATE).get("401")).keySet()).contains("WWW-Authenticate");
    }

    @Test
    void successBodiesAreTheirSchemas() {
        assertThat(schemaOf(TodoFunction.CREATE, "201", "application/json")).isEqualTo("#/components/schemas/Todo");
        assertThat(schemaOf(TodoFunction.GET, "200", "application/json")).isEqualTo("#/components/schemas/Todo");
        assertThat(schemaOf(TodoFunction.UPDATE, "200", "application/json")).isEqualTo("#/components/schemas/Todo");
        assertThat(schemaOf(TodoFunction.LIST, "200", "application/json")).isEqualTo("#/components/schemas/TodoList");
        assertThat(map(map(map(operation("/todos", "post").get("requestBody")).get("content")))
                        .keySet())
                .containsExactly("application/json");
        assertThat(map(map(map(operation("/todos/{todoId}", "patch").get("requestBody"))
                                .get("content")))
                        .keySet())
                .containsExactlyInAnyOrder("application/merge-patch+json", "application/json");
    }

    @Test
    void problemsHaveTheRfc9457MembersAndFieldErrorsHaveExactlyOneLocation() {
        Map<String, Object> problem = schema("Problem");
        assertThat(map(problem.get("properties")).keySet())
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "errors");
        assertThat(Project.list(problem.get("required"))).contains("type", "title", "detail");
        assertThat(map(map(problem.get("properties")).get("type")).get("format"))
                .isEqualTo("uri-reference");
        Map<String, Object> error = schema("ProblemError");
        assertThat(map(error.get("properties")).keySet())
                .containsExactlyInAnyOrder("pointer", "parameter", "header", "detail");
        assertThat(error)
                .containsEntry("additionalProperties", false)
                .containsEntry("minProperties", 2)
                .containsEntry("maxProperties", 2);
        assertThat(Project.list(error.get("required"))).containsExactly("detail");
        assertThat("#/title")
                .matches(String.valueOf(
                                map(map(error.get("properties")).get("pointer")).get("pattern"))
                        .replace("^", "")
                        .replace("$", ""));
    }

    private static Map<String, Object> responses(TodoFunction function) {
        return map(operation(function.path(), function.method()).get("responses"));
    }

    private static Map<String, Object> headers(Object response) {
        return map(resolve(response).get("headers"));
    }

    private static Object schemaOf(TodoFunction function, String status, String mediaType) {
        return map(map(map(resolve(responses(function).get(status)).get("content"))
                                .get(mediaType))
                        .get("schema"))
                .get("$ref");
    }
}
