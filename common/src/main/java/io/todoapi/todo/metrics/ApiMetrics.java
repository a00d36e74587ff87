package io.todoapi.todo.metrics;

import java.util.List;

/**
 * The names of the CloudWatch metrics the functions write (embedded metric format, one line per invocation): the
 * namespace, the two dimensions every metric carries, and each metric with its unit. template.yaml's alarms and
 * dashboard refer to these names; a contract test keeps the two in step. Nothing personal or high-cardinality is
 * ever a dimension: no user id, no todo id.
 */
public final class ApiMetrics {

    public static final String NAMESPACE = "TodoApi";

    /** Dimension: the service, POWERTOOLS_SERVICE_NAME ({@code todo-api}). */
    public static final String SERVICE = "service";
    /** Dimension: the API operation the function serves, e.g. {@code createTodo}. */
    public static final String OPERATION = "operation";

    /**
     * Responses by status class (Count): one of the three is 1 in every invocation's line, the others 0. A 304 (Not
     * Modified) counts as a 2xx; a function that fails without a response (API Gateway answers 502) as a 5xx.
     */
    public static final String REQUESTS_2XX = "Requests2xx";

    public static final String REQUESTS_4XX = "Requests4xx";
    public static final String REQUESTS_5XX = "Requests5xx";
    /** Time from the event's arrival in the function to its response (Milliseconds). */
    public static final String LATENCY = "Latency";
    /** Changes refused because the todo changed since the caller's If-Match (412, Count): only in a 412's line. */
    public static final String CONFLICTS = "Conflicts";
    /** Creates answered from an earlier request with the same Idempotency-Key (Count): only in such a line. */
    public static final String IDEMPOTENT_REPLAYS = "IdempotentReplays";
    /**
     * The first invocation of an execution environment, after its init or its restore from a snapshot (Count): only in
     * that invocation's line. SnapStart priming's invocations write no line and do not count.
     */
    public static final String COLD_START = "ColdStart";

    /** The operations, one per function: the values of {@link #OPERATION}. */
    public static final List<String> OPERATIONS =
            List.of("createTodo", "listTodos", "getTodo", "updateTodo", "deleteTodo");

    private ApiMetrics() {}
}
