package io.strongroom.server.logging;

import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes all logging (ours through java.util.logging, Jetty's through SLF4J and slf4j-jdk14) to
 * one JSON object per line on stdout, written off the request path by a {@link QueuedLineHandler}.
 */
public final class JsonLogging {

    // java.util.logging holds loggers weakly: keep the configured one alive, or its level is lost.
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

    /** The installed handler; guarded by the class lock, read by the exit hook. */
    private static volatile QueuedLineHandler current;
    private static boolean exitHookAdded;

    private JsonLogging() {
    }

    private static void writeThroughAtExit() {
        QueuedLineHandler handler = current;
        if (handler != null) {
            handler.writeThrough();
        }
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
        QueuedLineHandler handler = new QueuedLineHandler(out, new JsonLogFormatter());
        handler.setLevel(Level.ALL);
        handler.setFilter(JsonLogging::mayLeaveTheProcess);
        root.addHandler(handler);
        current = handler;
        if (!exitHookAdded) {
            // LogManager's own reset at exit is ignored (ShutdownSafeLogManager): write what is queued here.
            Runtime.getRuntime().addShutdownHook(new Thread(JsonLogging::writeThroughAtExit, "log-exit"));
            exitHookAdded = true;
        }
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
}
