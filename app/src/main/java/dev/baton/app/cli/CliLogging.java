package dev.baton.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Libraries' log lines on the command line: warnings and errors only, on standard error. Without
 * this, logback's default configuration prints every INFO line of a library (the embedding
 * model's tokenizer, a solver) to standard output, in the middle of {@code --format json}. The
 * server configures its own logging when it starts (Spring Boot), so this touches only the
 * default configuration.
 */
final class CliLogging {

    /** The name logback gives the console appender of its default configuration. */
    private static final String DEFAULT_APPENDER = "console";

    private CliLogging() {
    }

    static void toStandardError() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> current = root.getAppender(DEFAULT_APPENDER);
        if (current == null) {
            return;
        }
        root.detachAppender(current);
        current.stop();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("baton: %level %logger{30}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
        err.setContext(context);
        err.setName(DEFAULT_APPENDER);
        err.setTarget("System.err");
        err.setEncoder(encoder);
        err.start();
        root.addAppender(err);
        root.setLevel(Level.WARN);
        // DJL warns that it found no GPU on every start: not something a user can or needs to act on.
        context.getLogger("ai.djl").setLevel(Level.ERROR);
    }
}
