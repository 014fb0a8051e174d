package io.strongroom.server.logging;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Routes all logging (ours through java.util.logging, Jetty's through SLF4J and slf4j-jdk14) to
 * one JSON object per line on stdout.
 */
public final class JsonLogging {

    // java.util.logging holds loggers weakly: keep the configured one alive, or its level is lost.
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

    private JsonLogging() {
    }

    /** Replaces the root logger's handlers with a JSON handler writing to stdout. */
    public static void installOnStdout() {
        install(System.out);
    }

    public static synchronized void install(OutputStream out) {
        LogManager manager = LogManager.getLogManager();
        if (manager instanceof ShutdownSafeLogManager) {
            ShutdownSafeLogManager.resetDeliberately(manager);
        } else {
            manager.reset();
        }
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new FlushingHandler(out));
        // Jetty is chatty at INFO about its own start and stop; warnings still come through.
        JETTY.setLevel(Level.WARNING);
    }

    /**
     * Jetty's debug output dumps whole requests, Authorization and X-Amz-Security-Token headers
     * included; it never leaves the process, whatever level an operator sets.
     */
    static boolean mayLeaveTheProcess(LogRecord record) {
        String logger = record.getLoggerName();
        return record.getLevel().intValue() >= Level.INFO.intValue()
                || logger == null || !logger.startsWith("org.eclipse.jetty");
    }

    /** A stream handler that flushes every line, so a crash loses nothing that was logged. */
    private static final class FlushingHandler extends StreamHandler {
        FlushingHandler(OutputStream out) {
            super(out instanceof PrintStream ? out : new PrintStream(out, true), new JsonLogFormatter());
            setLevel(Level.ALL);
            setFilter(JsonLogging::mayLeaveTheProcess);
            try {
                setEncoding("UTF-8");
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        @Override
        public synchronized void close() {
            flush();
        }
    }
}
