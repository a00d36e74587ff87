package io.todoapi.todo.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.internal.LoggingManager;

/**
 * Powertools' logging SPI on Logback: {@code PowertoolsLogging} finds it through {@code META-INF/services} and calls
 * it to apply {@code POWERTOOLS_LOG_LEVEL} (or Lambda's {@code AWS_LAMBDA_LOG_LEVEL}) once, and DEBUG for a sampled
 * request. Without an implementation Powertools prints an error at start-up and ignores the variable.
 *
 * <p>A level applies to the root logger and to every logger that has a level of its own (ours, {@code io.todoapi}),
 * so the variable sets how verbose the whole function is, whatever {@code JsonLogConfigurator} started with.
 */
public final class LogbackLoggingLevels implements LoggingManager {

    @Override
    public void setLogLevel(org.slf4j.event.Level level) {
        if (loggerFactory() instanceof LoggerContext context) {
            Level logbackLevel = Level.convertAnSLF4JLevel(level);
            for (Logger logger : context.getLoggerList()) {
                if (logger.getLevel() != null) {
                    logger.setLevel(logbackLevel);
                }
            }
        }
    }

    /** The level the logger logs at: its own, or the one it inherits. */
    @Override
    public org.slf4j.event.Level getLogLevel(org.slf4j.Logger logger) {
        if (loggerFactory() instanceof LoggerContext context) {
            return toSlf4j(context.getLogger(logger.getName()).getEffectiveLevel());
        }
        if (logger.isTraceEnabled()) {
            return org.slf4j.event.Level.TRACE;
        }
        if (logger.isDebugEnabled()) {
            return org.slf4j.event.Level.DEBUG;
        }
        if (logger.isInfoEnabled()) {
            return org.slf4j.event.Level.INFO;
        }
        return logger.isWarnEnabled() ? org.slf4j.event.Level.WARN : org.slf4j.event.Level.ERROR;
    }

    /** SLF4J has no OFF or ALL: OFF reads as ERROR, ALL as TRACE. */
    static org.slf4j.event.Level toSlf4j(Level level) {
        int value = level.toInt();
        if (value >= Level.ERROR_INT) {
            return org.slf4j.event.Level.ERROR;
        }
        if (value >= Level.WARN_INT) {
            return org.slf4j.event.Level.WARN;
        }
        if (value >= Level.INFO_INT) {
            return org.slf4j.event.Level.INFO;
        }
        return value >= Level.DEBUG_INT ? org.slf4j.event.Level.DEBUG : org.slf4j.event.Level.TRACE;
    }

    private static ILoggerFactory loggerFactory() {
        return LoggerFactory.getILoggerFactory();
    }
}
