package io.todoapi.todo.http;

/** The media types of the API's bodies. */
public final class MediaTypes {

    public static final String JSON = "application/json";
    /** JSON Merge Patch (RFC 7396), the body of updateTodo. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    /** Problem details (RFC 9457), the body of every error. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private MediaTypes() {}
}
