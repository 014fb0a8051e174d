package io.strongroom.testing;

import io.strongroom.server.logging.JsonLogFormatter;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records the server-side log lines written in this JVM while open (Strongroom's at every level, libraries'
 * at INFO and above, as production logs them), formatted as the server writes them in
 * production (JSON), plus the raw message, parameters and exception chain of each record.
 */
final class LogCapture extends Handler implements AutoCloseable {

    /** Loggers of the HTTP clients the tests call with (the AWS SDK, the JDK's clients); the server uses none. */
    private static final List<String> CLIENT_SIDE =
            List.of("software.amazon.awssdk", "sun.net.www.protocol.http", "jdk.internal.httpclient");

    private final Logger root = Logger.getLogger("");
    private final Level previousLevel = root.getLevel();
    private final JsonLogFormatter json = new JsonLogFormatter();
    private final StringBuilder text = new StringBuilder();

    LogCapture() {
        setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String logger = String.valueOf(record.getLoggerName());
        if (CLIENT_SIDE.stream().anyMatch(logger::startsWith)) {
            return; // the test's own clients log their requests, token included, at DEBUG; they are not the server
        }
        if (!logger.startsWith("io.strongroom") && record.getLevel().intValue() < Level.INFO.intValue()) {
            // Libraries' debug output (Jetty's header parser echoes every header) is off in production:
            // JsonLogging runs the root at INFO. Strongroom's own lines are checked at every level.
            return;
        }
        text.append(json.format(record)).append('\n');
        text.append(record.getMessage()).append('\n');
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(parameter).append('\n');
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
    }

    synchronized String text() {
        return text.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previousLevel);
    }
}
