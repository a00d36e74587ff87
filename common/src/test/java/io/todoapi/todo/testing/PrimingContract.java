package io.todoapi.todo.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.CompositionRoot;
import io.todoapi.todo.priming.SnapStartPriming;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming of a function as its production constructor registers it, against the local engine: every
 * priming event runs the function's path through the SDK, nothing reaches the table, and afterwards the function
 * serves real requests from the engine. The function is configured the way local-api configures it, through system
 * properties only ({@link PrimingHarness}): its answer shows that it took each of {@link CompositionRoot#VARIABLES}
 * from there (the table, the engine, the app client, the allowed origin, the function name). The environment
 * variable path is {@code ArtifactContract}'s. A module's {@code *PrimingIT} says which function and what it answers.
 */
public abstract class PrimingContract {

    private final TodoFunction function;
    private final Supplier<RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> newHandler;
    private final List<Integer> primingStatusCodes;
    private final Map<String, Integer> operationsPerIteration;

    /**
     * The contract for {@code function}, whose handler {@code newHandler} builds by its production (no-arg)
     * constructor; its priming events are answered with {@code primingStatusCodes} (e.g. {@code [201, 201]}), and
     * one priming iteration sends DynamoDB {@code operationsPerIteration} (e.g. {@code {PutItem=3}}). After the
     * priming the function answers its fixture event ({@code events/<module>.json}).
     */
    protected PrimingContract(
            TodoFunction function,
            Supplier<RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> newHandler,
            List<Integer> primingStatusCodes,
            Map<String, Integer> operationsPerIteration) {
        this.function = function;
        this.newHandler = newHandler;
        this.primingStatusCodes = List.copyOf(primingStatusCodes);
        this.operationsPerIteration = Map.copyOf(operationsPerIteration);
    }

    /** Puts what the fixture needs into the table after the priming (the fixture todo, by default). */
    protected void seed(PrimingHarness harness) {
        harness.table().repository().create(Events.FIXTURE_OWNER, Events.fixtureTodo());
    }

    /** Checks the answer to the fixture and the table afterwards; {@code before} is the table before the priming. */
    protected abstract void answeredTheFixture(
            APIGatewayProxyResponseEvent response, PrimingHarness harness, List<Map<String, AttributeValue>> before);

    @Test
    void primingRunsTheFunctionsPathOfflineAndWritesNothing() {
        try (PrimingHarness harness = PrimingHarness.start(function.module() + "-priming")) {
            assertThat(System.getenv())
                    .as("the function's own variables come from system properties here")
                    .doesNotContainKeys(harness.applicationVariables().toArray(String[]::new));
            List<Map<String, AttributeValue>> before = harness.items();
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = newHandler.get();
            SnapStartPriming priming = SnapStartPriming.registeredFor(handler).orElseThrow();

            priming.prime();
            priming.restored();

            assertThat(priming.functionName()).isEqualTo(PrimingHarness.FUNCTION_NAME);
            assertThat(priming.lastStatusCodes()).isEqualTo(primingStatusCodes);
            assertThat(priming.iterations()).isEqualTo(SnapStartPriming.DEFAULT_ITERATIONS);
            assertThat(priming.operationsAnsweredOffline()).isEqualTo(perIteration(operationsPerIteration));
            assertThat(harness.items()).as("the priming wrote nothing").isEqualTo(before);

            seed(harness);
            APIGatewayProxyResponseEvent response =
                    handler.handleRequest(Events.load(function.module()), TestContext.of(function.module()));
            assertThat(response.getHeaders())
                    .as("CORS from the ALLOWED_ORIGIN property")
                    .containsEntry("Access-Control-Allow-Origin", PrimingHarness.ALLOWED_ORIGIN)
                    .containsEntry("Vary", "Origin");
            answeredTheFixture(response, harness, before);
        }
    }

    private static Map<String, Integer> perIteration(Map<String, Integer> operations) {
        Map<String, Integer> total = new TreeMap<>();
        operations.forEach((operation, count) -> total.put(operation, count * SnapStartPriming.DEFAULT_ITERATIONS));
        return total;
    }
}
