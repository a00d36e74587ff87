package io.todoapi.todo.priming;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.CredentialsUnavailableException;
import io.todoapi.todo.json.ApiGatewayEventSerializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming of one function. Before the snapshot, the function answers its {@link PrimingEvents} through its
 * real pipeline (event deserialization, Powertools logging, parsing, validation, the repository, SDK marshalling and
 * unmarshalling, JSON responses), {@link #DEFAULT_ITERATIONS} times, with its DynamoDB client offline
 * ({@link OfflineSwitchHttpClient}): nothing is written and no connection is opened, so the snapshot holds loaded,
 * linked and JIT-compiled code for the request path but no socket.
 * After each restore it runs what must differ between execution environments restored from one snapshot.
 *
 * <p>Priming is an optimisation: a failure inside it is logged (WARN) and init goes on, and the function still
 * answers, only more slowly at first. Two failures are not caught, because every real request would fail the same
 * way, so publishing the version should fail instead: a {@link LinkageError} (a class missing from the artifact) and
 * a {@link CredentialsUnavailableException} (no AWS credentials in this execution environment).
 */
public final class SnapStartPriming implements Resource {

    /**
     * The JVM system property that sets how many times the priming answers its events ({@value #DEFAULT_ITERATIONS}
     * by default), read once: for measuring the choice (benchmarks/README.md), not a setting to tune per function.
     */
    public static final String ITERATIONS_PROPERTY = "todo.priming.iterations";
    /**
     * How many times the priming answers its events unless {@link #ITERATIONS_PROPERTY} says otherwise. Measured
     * (benchmarks/README.md, "JIT flags and priming count"): with C1 only, the first invocations after restore stop
     * improving between 500 and 1,000 iterations, while the methods compiled into the snapshot still grow to about
     * 1,000; 2,000 nearly doubles the init time for no measurable gain. Init stays well under 10 s.
     */
    public static final int DEFAULT_ITERATIONS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final ApiGatewayEventSerializer SERIALIZER = new ApiGatewayEventSerializer();
    /** Strong references to the registered primings, which the CRaC context holds weakly, by function. */
    private static final Map<Object, SnapStartPriming> REGISTERED =
            Collections.synchronizedMap(new IdentityHashMap<>());

    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler;
    private final List<APIGatewayProxyRequestEvent> events;
    private final OfflineSwitchHttpClient http;
    private final Runnable precondition;
    private final List<Runnable> afterRestore;
    private final String functionName;
    private final int iterations;
    private volatile List<Integer> lastStatusCodes = List.of();

    SnapStartPriming(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            List<APIGatewayProxyRequestEvent> events,
            OfflineSwitchHttpClient http,
            Runnable precondition,
            List<Runnable> afterRestore,
            String functionName,
            int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("priming iterations must be >= 0: " + iterations);
        }
        this.iterations = iterations;
        this.handler = handler;
        this.events = List.copyOf(events);
        this.http = http;
        this.precondition = precondition;
        this.afterRestore = List.copyOf(afterRestore);
        this.functionName = functionName;
    }

    /**
     * {@link #DEFAULT_ITERATIONS} without a value; otherwise the value, a whole number >= 0 (0: the priming answers
     * no event, which measures a snapshot without priming). A malformed value fails init: it is a deliberate setting.
     */
    static int iterations(String property) {
        if (property == null || property.isBlank()) {
            return DEFAULT_ITERATIONS;
        }
        try {
            int iterations = Integer.parseInt(property.trim());
            if (iterations >= 0) {
                return iterations;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                ITERATIONS_PROPERTY + " must be a whole number >= 0, not '" + property + "'");
    }

    /**
     * Registers the priming of the function {@code owner} with the CRaC global context: {@code handler} (the
     * function's own, or one around it) answers the events (see the constructor for the rest). That context holds its
     * resources weakly, so the priming is also kept here for as long as the function lives.
     */
    public static SnapStartPriming register(
            Object owner,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            List<APIGatewayProxyRequestEvent> events,
            OfflineSwitchHttpClient http,
            Runnable precondition,
            List<Runnable> afterRestore,
            String functionName) {
        SnapStartPriming priming = new SnapStartPriming(
                handler,
                events,
                http,
                precondition,
                afterRestore,
                functionName,
                iterations(System.getProperty(ITERATIONS_PROPERTY)));
        REGISTERED.put(owner, priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** The priming registered for the function {@code owner}, if any (e.g. for a test of its production constructor). */
    public static Optional<SnapStartPriming> registeredFor(Object owner) {
        return Optional.ofNullable(REGISTERED.get(owner));
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        restored();
    }

    /**
     * What runs before the snapshot: {@code precondition} (the credentials check), then the function answers its
     * priming events offline. Throws only {@link CredentialsUnavailableException} (and errors).
     */
    public void prime() {
        long started = System.nanoTime();
        try {
            precondition.run();
            http.runOffline(this::answerEvents);
            LOG.debug(
                    "SnapStart priming answered {} {} times in {} ms",
                    lastStatusCodes,
                    iterations,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (CredentialsUnavailableException e) {
            LOG.error("SnapStart priming: the function has no AWS credentials; failing init", e);
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming failed; the function still works, its first requests are slower", e);
        }
    }

    /**
     * Answers the events {@link #iterations} times: often enough that the JIT compiles the request path before the
     * snapshot (the count is measured: benchmarks/README.md, "JIT flags and priming count").
     */
    private void answerEvents() {
        for (int iteration = 0; iteration < iterations; iteration++) {
            List<Integer> statusCodes = new ArrayList<>();
            for (APIGatewayProxyRequestEvent event : events) {
                // Through the serializer the runtime uses, both ways, so that its code is primed too.
                APIGatewayProxyRequestEvent received =
                        SERIALIZER.fromJson(SERIALIZER.toJson(event), APIGatewayProxyRequestEvent.class);
                APIGatewayProxyResponseEvent response =
                        handler.handleRequest(received, PrimingEvents.context(functionName));
                SERIALIZER.toJson(response);
                statusCodes.add(response.getStatusCode());
                if (response.getStatusCode() >= 400 && iteration == 0) {
                    // Valid requests against canned success: an error status here is a bug, not bad input. Every
                    // iteration answers the same, so the first one says it.
                    LOG.warn(
                            "SnapStart priming: {} {} answered {}",
                            event.getHttpMethod(),
                            event.getPath(),
                            response.getStatusCode());
                }
            }
            lastStatusCodes = List.copyOf(statusCodes);
        }
    }

    /** What runs after each restore. */
    public void restored() {
        afterRestore.forEach(Runnable::run);
    }

    /** The function name of the context the priming events are answered in. */
    public String functionName() {
        return functionName;
    }

    /** How many times the priming answers its events. */
    public int iterations() {
        return iterations;
    }

    /** The status codes of the last priming's last iteration, one per event, e.g. {@code [201, 201]}; empty before. */
    public List<Integer> lastStatusCodes() {
        return lastStatusCodes;
    }

    /** The DynamoDB operations the priming's client answered offline, e.g. {@code {PutItem=3}}. */
    public Map<String, Integer> operationsAnsweredOffline() {
        return http.answeredOffline();
    }
}
