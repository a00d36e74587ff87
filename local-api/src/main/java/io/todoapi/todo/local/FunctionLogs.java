package io.todoapi.todo.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * How much of the functions' JSON logging reaches the terminal. Deployed, every request writes an INFO line to
 * CloudWatch; locally the request lines of local-api say the same in a form a person reads, so the JSON lines are
 * shown only on request ({@code --log-json}), and warnings and errors always (a 503 or a 500 explains itself there).
 * The functions log through Logback in this JVM (configured by {@code JsonLogConfigurator}), so this sets its levels.
 */
final class FunctionLogs {

    private FunctionLogs() {}

    /** Shows every JSON line ({@code all}) or only warnings and errors. */
    static void show(boolean all) {
        if (all || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null && logger.getLevel().toInt() < Level.WARN_INT) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
