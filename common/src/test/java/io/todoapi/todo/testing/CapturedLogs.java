package io.todoapi.todo.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures what the functions log, formatted by the same JSON layout that writes to CloudWatch, so tests can
 * check log content (fields present, secrets absent). Use with try-with-resources.
 */
public final class CapturedLogs implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Appender appender;
    private final Level previousLevel;

    public CapturedLogs() {
        Configuration configuration = context.getConfiguration();
        Appender json = configuration.getAppender("JsonAppender");
        appender = new AbstractAppender("captured", null, json.getLayout(), true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(new String(getLayout().toByteArray(event), java.nio.charset.StandardCharsets.UTF_8));
            }
        };
        appender.start();
        LoggerConfig root = configuration.getRootLogger();
        previousLevel = root.getLevel();
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.ALL);
        context.updateLoggers();
    }

    /** The JSON lines logged so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        LoggerConfig root = context.getConfiguration().getRootLogger();
        root.removeAppender("captured");
        root.setLevel(previousLevel);
        context.updateLoggers();
        appender.stop();
    }
}
