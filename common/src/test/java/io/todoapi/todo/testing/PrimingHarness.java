package io.todoapi.todo.testing;

import io.todoapi.todo.config.CompositionRoot;
import io.todoapi.todo.config.DynamoDbClients;
import io.todoapi.todo.http.RequestPipeline;
import io.todoapi.todo.localdb.LocalDynamoDb;
import io.todoapi.todo.model.Todo;
import io.todoapi.todo.priming.PrimingEvents;
import io.todoapi.todo.repository.DynamoDbTodoRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * For the priming tests of the handler modules: a fresh table on the local engine that already holds the todo the
 * priming events address (so that a priming write leaking to the engine would change or delete it), and the
 * function configuration pointing at it, given as JVM system properties (which {@code FunctionEnvironment} and the
 * SDK read before environment variables), so that a handler's production constructor can be used. Close it to
 * remove the properties.
 */
public final class PrimingHarness implements AutoCloseable {

    /** The {@code ALLOWED_ORIGIN} the harness gives the function. */
    public static final String ALLOWED_ORIGIN = "https://todo.example.test";
    /** The {@code AWS_LAMBDA_FUNCTION_NAME} the harness gives the function. */
    public static final String FUNCTION_NAME = "todo-api-PrimingTestFunction";

    private static final List<String> PROPERTIES = List.of(
            DynamoDbTodoRepository.TABLE_NAME_ENV,
            DynamoDbClients.REGION_ENV,
            DynamoDbClients.ENDPOINT_ENV,
            RequestPipeline.USER_POOL_CLIENT_ID_ENV,
            RequestPipeline.ALLOWED_ORIGIN_ENV,
            CompositionRoot.FUNCTION_NAME_ENV,
            "aws.accessKeyId",
            "aws.secretAccessKey");

    private final LocalTodoTable table;

    private PrimingHarness(LocalTodoTable table) {
        this.table = table;
    }

    public static PrimingHarness start(String prefix) {
        LocalTodoTable table = LocalTodoTable.create(prefix);
        Instant created = Instant.parse("2026-01-01T00:00:00.000Z");
        table.repository()
                .create(
                        PrimingEvents.OWNER,
                        new Todo(
                                PrimingEvents.TODO_ID,
                                "Seeded",
                                null,
                                false,
                                LocalDate.of(2026, 12, 31),
                                created,
                                created,
                                1));
        System.setProperty(DynamoDbTodoRepository.TABLE_NAME_ENV, table.name());
        System.setProperty(DynamoDbClients.REGION_ENV, LocalDynamoDb.REGION.id());
        System.setProperty(
                DynamoDbClients.ENDPOINT_ENV, LocalDynamoDb.shared().endpoint().toString());
        System.setProperty(RequestPipeline.USER_POOL_CLIENT_ID_ENV, Events.FIXTURE_AUDIENCE);
        System.setProperty(RequestPipeline.ALLOWED_ORIGIN_ENV, ALLOWED_ORIGIN);
        System.setProperty(CompositionRoot.FUNCTION_NAME_ENV, FUNCTION_NAME);
        System.setProperty("aws.accessKeyId", LocalDynamoDb.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", LocalDynamoDb.SECRET_ACCESS_KEY);
        return new PrimingHarness(table);
    }

    /**
     * The variables of {@link CompositionRoot#VARIABLES} that only this application sets (not the SDK's region and
     * endpoint, which a developer's shell may hold): the harness gives each as a system property.
     */
    public List<String> applicationVariables() {
        return List.of(
                DynamoDbTodoRepository.TABLE_NAME_ENV,
                RequestPipeline.USER_POOL_CLIENT_ID_ENV,
                RequestPipeline.ALLOWED_ORIGIN_ENV,
                CompositionRoot.FUNCTION_NAME_ENV);
    }

    public LocalTodoTable table() {
        return table;
    }

    /** Every item of the table, whoever owns it. */
    public List<Map<String, AttributeValue>> items() {
        return table.client()
                .scan(b -> b.tableName(table.name()).consistentRead(true))
                .items();
    }

    @Override
    public void close() {
        PROPERTIES.forEach(System::clearProperty);
        table.close();
    }
}
