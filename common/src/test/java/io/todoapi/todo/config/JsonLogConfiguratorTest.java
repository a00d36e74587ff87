package io.todoapi.todo.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import io.todoapi.todo.logging.JsonLineEncoder;
import org.junit.jupiter.api.Test;

/**
 * The functions' logging set-up as Logback applies it from the service file, and without the rank annotation that
 * made Logback build an annotation proxy at every cold start.
 */
class JsonLogConfiguratorTest {

    @Test
    void configuresJsonLinesOnStdoutOursAtInfoTheRestAtWarn() {
        LoggerContext context = new LoggerContext();
        Configurator.ExecutionStatus status = new JsonLogConfigurator().configure(context);

        assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger ours = context.getLogger("io.todoapi");
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(ours.getLevel()).isEqualTo(Level.INFO);
        assertThat(ours.isAdditive()).isFalse();
        ConsoleAppender<?> appender = (ConsoleAppender<?>) ours.getAppender(JsonLogConfigurator.APPENDER_NAME);
        assertThat(appender.isStarted()).isTrue();
        assertThat(appender.getEncoder()).isInstanceOf(JsonLineEncoder.class);
        assertThat(root.getAppender(JsonLogConfigurator.APPENDER_NAME)).isSameAs(appender);
        context.stop();
    }

    /** Logback's own start-up, from META-INF/services, with the test configurator ranked above ours: it wins. */
    @Test
    void logbackStillPicksTheTestsConfiguratorAboveOurs() throws Exception {
        LoggerContext context = new LoggerContext();
        new ContextInitializer(context).autoConfig();

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.todoapi").getLevel())
                .as("ours would set INFO")
                .isNull();
        context.stop();
    }

    @Test
    void carriesNoAnnotationForLogbackToParse() {
        assertThat(JsonLogConfigurator.class.getDeclaredAnnotations()).isEmpty();
    }
}
