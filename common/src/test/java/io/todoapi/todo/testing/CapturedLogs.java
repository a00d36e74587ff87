package io.todoapi.todo.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.todoapi.todo.config.JsonLogConfigurator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Captures what the functions log, formatted by the same JSON encoder that writes to CloudWatch, so tests can
 * check log content (fields present, secrets absent). Use with try-with-resources.
 */
public final class CapturedLogs implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final AppenderBase<ILoggingEvent> appender;
    private final Level previousLevel;

    public CapturedLogs() {
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> json =
                (OutputStreamAppender<ILoggingEvent>) root.getAppender(JsonLogConfigurator.APPENDER_NAME);
        Encoder<ILoggingEvent> encoder = json.getEncoder();
        appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
            }
        };
        appender.setContext(root.getLoggerContext());
        appender.setName("captured");
        appender.start();
        previousLevel = root.getLevel();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
    }

    /** The JSON lines logged so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(previousLevel);
        appender.stop();
    }
}
