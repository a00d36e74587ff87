package io.todoapi.todo.priming;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.CredentialsUnavailableException;
import io.todoapi.todo.json.ApiGatewayEventSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming of one function. Before the snapshot, the function answers its {@link PrimingEvents} through its
 * real pipeline (event deserialization, Powertools logging, parsing, validation, the repository, SDK marshalling and
 * unmarshalling, JSON responses), with its DynamoDB client offline ({@link OfflineSwitchHttpClient}): nothing is
 * written and no connection is opened, so the snapshot holds loaded, linked and C1-compiled code but no socket.
 * After each restore it runs what must differ between execution environments restored from one snapshot.
 *
 * <p>Priming is an optimisation: a failure inside it is logged (WARN) and init goes on, and the function still
 * answers, only more slowly at first. Two failures are not caught, because every real request would fail the same
 * way, so publishing the version should fail instead: a {@link LinkageError} (a class missing from the artifact) and
 * a {@link CredentialsUnavailableException} (no AWS credentials in this execution environment).
 */
public final class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final ApiGatewayEventSerializer SERIALIZER = new ApiGatewayEventSerializer();

    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler;
    private final List<APIGatewayProxyRequestEvent> events;
    private final OfflineSwitchHttpClient http;
    private final Runnable precondition;
    private final List<Runnable> afterRestore;
    private final String functionName;
    private volatile List<Integer> lastStatusCodes = List.of();

    SnapStartPriming(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
                     List<APIGatewayProxyRequestEvent> events, OfflineSwitchHttpClient http, Runnable precondition,
                     List<Runnable> afterRestore, String functionName) {
        this.handler = handler;
        this.events = List.copyOf(events);
        this.http = http;
        this.precondition = precondition;
        this.afterRestore = List.copyOf(afterRestore);
        this.functionName = functionName;
    }

    /**
     * Registers this priming with the CRaC global context. That context holds its resources weakly: the caller
     * (the handler) must keep a reference to this object for as long as the function lives.
     */
    SnapStartPriming register() {
        Core.getGlobalContext().register(this);
        return this;
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
            LOG.debug("SnapStart priming answered {} in {} ms", lastStatusCodes,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (CredentialsUnavailableException e) {
            LOG.error("SnapStart priming: the function has no AWS credentials; failing init", e);
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming failed; the function still works, its first requests are slower", e);
        }
    }

    private void answerEvents() {
        List<Integer> statusCodes = new ArrayList<>();
        for (APIGatewayProxyRequestEvent event : events) {
            // Through the serializer the runtime uses, both ways, so that its code is primed too.
            APIGatewayProxyRequestEvent received = SERIALIZER.fromJson(SERIALIZER.toJson(event),
                    APIGatewayProxyRequestEvent.class);
            APIGatewayProxyResponseEvent response = handler.handleRequest(received, PrimingEvents.context(functionName));
            SERIALIZER.toJson(response);
            statusCodes.add(response.getStatusCode());
            if (response.getStatusCode() >= 400) {
                // Valid requests against canned success: an error status here is a bug, not bad input.
                LOG.warn("SnapStart priming: {} {} answered {}", event.getHttpMethod(), event.getPath(),
                        response.getStatusCode());
            }
        }
        lastStatusCodes = List.copyOf(statusCodes);
    }

    /** What runs after each restore. */
    public void restored() {
        afterRestore.forEach(Runnable::run);
    }

    /** The status codes of the last priming, one per event, e.g. {@code [201, 201]}; empty before. */
    public List<Integer> lastStatusCodes() {
        return lastStatusCodes;
    }

    /** The DynamoDB operations the priming's client answered offline, e.g. {@code {PutItem=3}}. */
    public Map<String, Integer> operationsAnsweredOffline() {
        return http.answeredOffline();
    }
}
