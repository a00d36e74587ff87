package io.todoapi.todo.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.internal.LoggingManager;
import software.amazon.lambda.powertools.logging.internal.LoggingManagerRegistry;

class LogbackLoggingLevelsTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Logger configured = context.getLogger("io.todoapi.levels.configured");
    private final Logger inheriting = context.getLogger("io.todoapi.levels.configured.inheriting");
    private final Logger elsewhere = context.getLogger("com.example.levels.elsewhere");
    private final LogbackLoggingLevels levels = new LogbackLoggingLevels();
    private final Map<Logger, Level> before = new HashMap<>();

    @BeforeEach
    void configure() {
        context.getLoggerList().forEach(logger -> before.put(logger, logger.getLevel()));
        root.setLevel(Level.WARN);
        configured.setLevel(Level.INFO);
    }

    @AfterEach
    void restore() {
        context.getLoggerList().forEach(logger -> logger.setLevel(before.get(logger)));
    }

    @Test
    void powertoolsFindsItThroughServiceLoader() {
        assertThat(LoggingManagerRegistry.getLoggingManager()).isInstanceOf(LogbackLoggingLevels.class);
    }

    @Test
    void aLevelAppliesToTheRootAndEveryLoggerWithALevelOfItsOwn() {
        levels.setLogLevel(org.slf4j.event.Level.DEBUG);

        assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(configured.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(inheriting.getLevel()).isNull();
        assertThat(inheriting.getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(elsewhere.isDebugEnabled()).isTrue();

        levels.setLogLevel(org.slf4j.event.Level.ERROR);

        assertThat(configured.isWarnEnabled()).isFalse();
        assertThat(elsewhere.isWarnEnabled()).isFalse();
        assertThat(configured.isErrorEnabled()).isTrue();
    }

    @Test
    void reportsTheLevelALoggerLogsAtOwnOrInherited() {
        assertThat(levels.getLogLevel(LoggerFactory.getLogger(configured.getName())))
                .isEqualTo(org.slf4j.event.Level.INFO);
        assertThat(levels.getLogLevel(LoggerFactory.getLogger(inheriting.getName())))
                .isEqualTo(org.slf4j.event.Level.INFO);
        assertThat(levels.getLogLevel(LoggerFactory.getLogger(elsewhere.getName())))
                .isEqualTo(org.slf4j.event.Level.WARN);
    }

    @Test
    void logbackLevelsWithoutAnSlf4jCounterpartMapToTheNearestOne() {
        assertThat(LogbackLoggingLevels.toSlf4j(Level.OFF)).isEqualTo(org.slf4j.event.Level.ERROR);
        assertThat(LogbackLoggingLevels.toSlf4j(Level.ERROR)).isEqualTo(org.slf4j.event.Level.ERROR);
        assertThat(LogbackLoggingLevels.toSlf4j(Level.WARN)).isEqualTo(org.slf4j.event.Level.WARN);
        assertThat(LogbackLoggingLevels.toSlf4j(Level.INFO)).isEqualTo(org.slf4j.event.Level.INFO);
        assertThat(LogbackLoggingLevels.toSlf4j(Level.DEBUG)).isEqualTo(org.slf4j.event.Level.DEBUG);
        assertThat(LogbackLoggingLevels.toSlf4j(Level.TRACE)).isEqualTo(org.slf4j.event.Level.TRACE);
        assertThat(LogbackLoggingLevels.toSlf4j(Level.ALL)).isEqualTo(org.slf4j.event.Level.TRACE);
    }

    /**
     * LogbackLoggingLevels implements an interface of Powertools' {@code internal} package, which may change in any
     * release without notice. If this fails after an upgrade of powertools-logging, the SPI changed: adapt
     * LogbackLoggingLevels to it (and this list) before shipping, or log levels stop applying.
     */
    @Test
    void thePowertoolsInterfaceItImplementsIsTheOneItWasWrittenFor() {
        assertThat(java.util.Arrays.stream(LoggingManager.class.getDeclaredMethods())
                        .filter(method -> java.lang.reflect.Modifier.isAbstract(method.getModifiers()))
                        .map(method -> method.getReturnType().getName() + " " + method.getName()
                                + java.util.Arrays.stream(method.getParameterTypes())
                                        .map(Class::getName)
                                        .toList())
                        .sorted()
                        .toList())
                .as("Powertools' LoggingManager SPI, which LogbackLoggingLevels implements")
                .containsExactly(
                        "org.slf4j.event.Level getLogLevel[org.slf4j.Logger]",
                        "void setLogLevel[org.slf4j.event.Level]");
        assertThat(LoggingManager.class.getPackage().getImplementationVersion())
                .as("powertools-logging version")
                .isIn("2.9.0", null);
    }
}
