package io.todoapi.todo.config;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.http.RequestPipeline;
import io.todoapi.todo.id.IdGenerator;
import io.todoapi.todo.id.UuidV7Generator;
import io.todoapi.todo.metrics.RequestMetrics;
import io.todoapi.todo.priming.OfflineSwitchHttpClient;
import io.todoapi.todo.priming.SnapStartPriming;
import io.todoapi.todo.repository.DynamoDbTodoRepository;
import io.todoapi.todo.repository.TodoRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The composition root of a deployed function: everything its handler depends on is built here, once, by the
 * handler's no-arg constructor (the one Lambda and local-api call), which then hands it to the handler's other
 * constructor, the one the handler tests use. The configuration is read only here and only through
 * {@link FunctionEnvironment}, so that an environment variable and a system property of the same name (local-api)
 * configure a function alike: {@link #VARIABLES} lists every one.
 *
 * <p>The DynamoDB client's HTTP client can be switched offline, for SnapStart priming ({@link #prime}).
 */
public final class CompositionRoot {

    /** The function's name, which Lambda sets; priming answers its events in a context that carries it. */
    public static final String FUNCTION_NAME_ENV = "AWS_LAMBDA_FUNCTION_NAME";

    /** Every variable a function reads, through {@link FunctionEnvironment}: template.yaml's, Lambda's and the SDK's. */
    public static final List<String> VARIABLES = List.of(
            DynamoDbTodoRepository.TABLE_NAME_ENV,
            RequestPipeline.ALLOWED_ORIGIN_ENV,
            RequestPipeline.USER_POOL_CLIENT_ID_ENV,
            DynamoDbClients.REGION_ENV,
            DynamoDbClients.ENDPOINT_ENV,
            DynamoDbClients.FIPS_ENV,
            DynamoDbClients.DUALSTACK_ENV,
            FUNCTION_NAME_ENV,
            RequestMetrics.SERVICE_ENV,
            RequestMetrics.DISABLED_ENV);

    private final Clock clock = Clock.systemUTC();
    private final OfflineSwitchHttpClient http;
    private final LambdaCredentials credentials;
    private final TodoRepository repository;
    private final RequestPipeline pipeline;
    private final String functionName;
    private UuidV7Generator ids;

    private CompositionRoot(String operation) {
        this.http = new OfflineSwitchHttpClient(DynamoDbClients.httpClient());
        this.credentials = new LambdaCredentials();
        this.repository = new DynamoDbTodoRepository(
                DynamoDbClients.fromEnvironment(http, credentials),
                FunctionEnvironment.require(DynamoDbTodoRepository.TABLE_NAME_ENV));
        this.pipeline = new RequestPipeline(
                FunctionEnvironment.get(RequestPipeline.ALLOWED_ORIGIN_ENV).orElse("*"),
                FunctionEnvironment.require(RequestPipeline.USER_POOL_CLIENT_ID_ENV),
                metrics(operation));
        this.functionName = FunctionEnvironment.get(FUNCTION_NAME_ENV).orElse("todo-function");
    }

    /**
     * Builds the dependencies of the function serving {@code operation} (one of {@code ApiMetrics.OPERATIONS}, a
     * dimension of its metrics) from its configuration ({@link #VARIABLES}).
     */
    public static CompositionRoot fromEnvironment(String operation) {
        return new CompositionRoot(operation);
    }

    /** The function's metrics: on stdout unless Powertools' switch {@value RequestMetrics#DISABLED_ENV} says off. */
    static RequestMetrics metrics(String operation) {
        if (FunctionEnvironment.get(RequestMetrics.DISABLED_ENV)
                .map(Boolean::parseBoolean)
                .orElse(false)) {
            return RequestMetrics.disabled();
        }
        return RequestMetrics.toStdout(
                FunctionEnvironment.get(RequestMetrics.SERVICE_ENV).orElse(RequestMetrics.DEFAULT_SERVICE), operation);
    }

    public TodoRepository repository() {
        return repository;
    }

    public RequestPipeline pipeline() {
        return pipeline;
    }

    public Clock clock() {
        return clock;
    }

    /** The id generator, built on first use; each SnapStart restore reseeds it (see {@link #prime}). */
    public IdGenerator ids() {
        if (ids == null) {
            ids = new UuidV7Generator(clock);
        }
        return ids;
    }

    /**
     * Registers the function's SnapStart priming: before the snapshot {@code handler} answers the events that
     * {@code events} makes for this function's app client (e.g. {@code PrimingEvents::createTodo}) offline, after
     * resolving the credentials (so that an execution environment without any fails its init). After each restore,
     * what must differ between environments restored from one snapshot is renewed: the credentials resolved before
     * the snapshot are dropped, the next invocation counts as a cold start again, and the id generator, if the
     * function has one, is reseeded. The priming's own invocations write no metrics and use up no cold start.
     */
    public void prime(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            Function<String, List<APIGatewayProxyRequestEvent>> events) {
        List<Runnable> afterRestore = new ArrayList<>();
        afterRestore.add(credentials::discardResolved);
        afterRestore.add(pipeline.metrics()::restored);
        if (ids != null) {
            afterRestore.add(ids::reseed);
        }
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> unmetered =
                (event, context) -> pipeline.metrics().whilePriming(() -> handler.handleRequest(event, context));
        SnapStartPriming.register(
                handler,
                unmetered,
                events.apply(pipeline.audience()),
                http,
                credentials::resolveCredentials,
                afterRestore,
                functionName);
    }
}
