package io.todoapi.todo.benchmarks;

import io.todoapi.todo.priming.PrimingEvents;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The functions' logging alone, in a fresh JVM whose class path is this class and a function's deployable jar (so
 * with the function's own Logback configuration, JSON encoder and LoggingManager): Powertools' logging context and one
 * request log line, as RequestPipeline writes it (with the context the functions use when they invoke themselves), then
 * {@code DONE}.
 */
public final class LoggingProbe {

    private LoggingProbe() {}

    public static void main(String[] args) {
        String result = PowertoolsLogging.withLogging(PrimingEvents.context("probe"), () -> {
            LoggerFactory.getLogger(LoggingProbe.class).info("{} {} -> {}", "GET", "/todos", 200);
            return "logged";
        });
        System.out.println("DONE " + result);
    }
}
