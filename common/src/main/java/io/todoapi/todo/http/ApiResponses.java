package io.todoapi.todo.http;

import io.todoapi.todo.json.TodoJson;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.model.TodoPage;
import java.util.Map;

/** The success responses of the five operations. */
public final class ApiResponses {

    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String REVALIDATE = "private, no-cache";

    private ApiResponses() {}

    /** 201 with the todo, {@code Location: /todos/{id}} and its ETag. */
    public static ApiResponse created(Todo todo) {
        return ApiResponse.json(
                201,
                MediaTypes.JSON,
                TodoJson.todo(todo),
                Map.of("Location", "/todos/" + todo.id(), "ETag", EntityTags.of(todo)));
    }

    /**
     * 200 with the todo and its ETag. Private caches may keep it but must revalidate (If-None-Match), so a client
     * never shows a stale todo and a repeat costs a 304 without a body.
     */
    public static ApiResponse okWithETag(Todo todo) {
        return ApiResponse.json(
                200,
                MediaTypes.JSON,
                TodoJson.todo(todo),
                Map.of("ETag", EntityTags.of(todo), CACHE_CONTROL, REVALIDATE));
    }

    /** 304 for a conditional GET whose If-None-Match matched: no body, the current ETag. */
    public static ApiResponse notModified(Todo todo) {
        return new ApiResponse(304, Map.of("ETag", EntityTags.of(todo), CACHE_CONTROL, REVALIDATE), null);
    }

    /** 200 with a page of todos; the nextToken is bound to {@code owner}. */
    public static ApiResponse page(String owner, TodoPage page) {
        String nextToken =
                page.lastId().map(lastId -> PageTokens.encode(owner, lastId)).orElse(null);
        return ApiResponse.json(200, MediaTypes.JSON, TodoJson.todoList(page.items(), nextToken), Map.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), null);
    }
}
