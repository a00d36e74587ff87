package io.todoapi.todo.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.todoapi.todo.config.JsonLogConfigurator;
import io.todoapi.todo.create.CreateTodoHandler;
import io.todoapi.todo.delete.DeleteTodoHandler;
import io.todoapi.todo.get.GetTodoHandler;
import io.todoapi.todo.http.RequestPipeline;
import io.todoapi.todo.id.IdGenerator;
import io.todoapi.todo.id.UuidV7Generator;
import io.todoapi.todo.list.ListTodosHandler;
import io.todoapi.todo.repository.TodoRepository;
import io.todoapi.todo.testing.Events;
import io.todoapi.todo.testing.TestContext;
import io.todoapi.todo.testing.TodoFunction;
import io.todoapi.todo.update.UpdateTodoHandler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Warm per-invocation latency and allocation of each handler, in process, with {@link StubTodoRepository}: the cost
 * of the function's own code from event to response (routing, parsing, validation, JSON, response headers,
 * Powertools logging), without DynamoDB. Runs in its own JVM with Lambda's JVM flags; its stdout (the functions'
 * log lines) is discarded by the caller. Each handler is warmed up for {@value #WARMUP_MILLIS} ms, then measured in
 * {@value #BATCHES} batches of {@value #BATCH} invocations: nanoseconds per invocation from {@link System#nanoTime()}
 * and bytes allocated per invocation from the thread's allocation counter
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}).
 *
 * <p>Writes one line per handler to the file named by the first argument:
 * {@code function,nsPerOp min,median,max,bytesPerOp min,median,max}.
 */
public final class WarmInvocations {

    static final long WARMUP_MILLIS = 3_000;
    static final int BATCHES = 10;
    static final int BATCH = 2_000;

    private WarmInvocations() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        useFunctionLogging();
        List<String> lines = new ArrayList<>();
        for (TodoFunction function : TodoFunction.values()) {
            lines.add(measure(function));
        }
        Files.write(out, lines);
    }

    /**
     * The functions' logging configuration instead of the tests' (common's test classes are on this class path, and
     * their configurator, at WARN, would take precedence): so each invocation writes its INFO request line.
     */
    private static void useFunctionLogging() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.reset();
        JsonLogConfigurator configurator = new JsonLogConfigurator();
        configurator.setContext(logging);
        configurator.configure(logging);
    }

    private static String measure(TodoFunction function) throws ReflectiveOperationException, IOException {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = handler(function);
        APIGatewayProxyRequestEvent event = Events.load(function.module());
        Context context = TestContext.of(function.module());
        int expected = function.fixtureStatus();
        long sink = 0;
        long warmupEnd = System.nanoTime() + WARMUP_MILLIS * 1_000_000;
        while (System.nanoTime() < warmupEnd) {
            sink += check(handler.handleRequest(event, context), expected);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Double> nanos = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        for (int batch = 0; batch < BATCHES; batch++) {
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                sink += check(handler.handleRequest(event, context), expected);
            }
            long elapsed = System.nanoTime() - started;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            nanos.add((double) elapsed / BATCH);
            bytes.add((double) allocated / BATCH);
        }
        if (sink == 0) {
            throw new IllegalStateException("no response bodies");
        }
        Summary time = Summary.of(nanos);
        Summary allocation = Summary.of(bytes);
        return String.join(
                ",",
                function.module(),
                Double.toString(time.min()),
                Double.toString(time.median()),
                Double.toString(time.max()),
                Double.toString(allocation.min()),
                Double.toString(allocation.median()),
                Double.toString(allocation.max()));
    }

    /** The response's body length (kept, so that no work can be optimised away); fails on an unexpected status. */
    private static long check(APIGatewayProxyResponseEvent response, int expected) {
        if (response.getStatusCode() != expected) {
            throw new IllegalStateException("status " + response.getStatusCode() + ": " + response.getBody());
        }
        return 1 + (response.getBody() == null ? 0 : response.getBody().length());
    }

    /** The handler through its test constructor (package-private, hence reflection) over the stub repository. */
    @SuppressWarnings("unchecked")
    static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler(TodoFunction function)
            throws ReflectiveOperationException {
        TodoRepository todos = new StubTodoRepository(Events.FIXTURE_TODO_ID);
        RequestPipeline api = Events.pipeline();
        Clock clock = Clock.systemUTC();
        Object[] arguments = switch (function) {
            case CREATE -> new Object[] {todos, clock, new UuidV7Generator(clock), api};
            case UPDATE -> new Object[] {todos, clock, api};
            default -> new Object[] {todos, api};
        };
        Class<?>[] types = switch (function) {
            case CREATE -> new Class<?>[] {TodoRepository.class, Clock.class, IdGenerator.class, RequestPipeline.class};
            case UPDATE -> new Class<?>[] {TodoRepository.class, Clock.class, RequestPipeline.class};
            default -> new Class<?>[] {TodoRepository.class, RequestPipeline.class};
        };
        Class<?> handlerClass = switch (function) {
            case CREATE -> CreateTodoHandler.class;
            case LIST -> ListTodosHandler.class;
            case GET -> GetTodoHandler.class;
            case UPDATE -> UpdateTodoHandler.class;
            case DELETE -> DeleteTodoHandler.class;
        };
        Constructor<?> constructor = handlerClass.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                constructor.newInstance(arguments);
    }
}
