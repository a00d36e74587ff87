package io.todoapi.todo.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.todoapi.todo.logging.JsonLineEncoder;

/**
 * The functions' logging configuration, in code: one JSON line per event on stdout through our
 * {@link JsonLineEncoder} (cold start, function name, request ids, correlation id and our MDC fields); our
 * loggers at INFO, everything else at WARN. Logback finds it through {@code META-INF/services} and then reads no
 * {@code logback.xml}, so no XML parser and no Joran load on a cold start. Powertools applies
 * {@code POWERTOOLS_LOG_LEVEL} on top of these levels, through {@link io.todoapi.todo.logging.LogbackLoggingLevels}.
 *
 * <p>It has no {@code @ConfiguratorRank}: Logback reads a configurator's rank by reflection, which parses the
 * annotation into a dynamic proxy, about 75 JDK classes at start-up; a function's jar has this one configurator, so a
 * rank would decide nothing (the default rank, 20, still loses to the tests' {@code TestLogConfigurator}).
 */
public final class JsonLogConfigurator extends ContextAwareBase implements Configurator {

    /** The appender's name; tests find its encoder by it. */
    public static final String APPENDER_NAME = "JsonAppender";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> json = jsonAppender(context);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(json);
        Logger ours = context.getLogger("io.todoapi");
        ours.setLevel(Level.INFO);
        ours.setAdditive(false);
        ours.addAppender(json);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** A started console appender writing one JSON line per event to stdout. */
    public static ConsoleAppender<ILoggingEvent> jsonAppender(LoggerContext context) {
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
