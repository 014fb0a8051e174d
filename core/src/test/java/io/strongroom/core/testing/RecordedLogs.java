package io.strongroom.core.testing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * For tests of what a module logs (a warning that must appear, a secret that must not): keeps every
 * record a logger and the loggers below it publish at a level or above while open. Opening sets the
 * logger to that level, so records it would otherwise drop are published too; closing puts the
 * logger back as it was.
 */
public final class RecordedLogs extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private RecordedLogs(Logger logger, Level level) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        setLevel(level);
        logger.setLevel(level);
        logger.addHandler(this);
    }

    /** Records what the logger named {@code loggerName} ({@code ""} for every logger) publishes at {@code level} or above. */
    public static RecordedLogs of(String loggerName, Level level) {
        return new RecordedLogs(Logger.getLogger(requireNonNull(loggerName, "loggerName")), requireNonNull(level, "level"));
    }

    /** The records so far, oldest first. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
