package io.todoapi.todo.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import io.todoapi.todo.config.JsonLogConfigurator;

/**
 * Tests: the same JSON appender as in Lambda, everything at WARN so that test output stays readable. Ranked above
 * the functions' {@link JsonLogConfigurator}, so Logback picks it wherever the test classes are on the class path.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_TOP_PRIORITY)
public final class TestLogConfigurator extends ch.qos.logback.core.spi.ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(JsonLogConfigurator.jsonAppender(context));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
