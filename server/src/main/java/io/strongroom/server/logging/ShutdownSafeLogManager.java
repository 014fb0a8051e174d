package io.strongroom.server.logging;

import java.util.logging.LogManager;

/**
 * A {@link LogManager} that ignores the reset the JDK runs in its own shutdown hook, so the lines
 * the server writes while shutting down gracefully still reach the log. Installed by the launcher
 * through {@code -Djava.util.logging.manager} before any logging happens.
 */
public final class ShutdownSafeLogManager extends LogManager {

    private static final ThreadLocal<Boolean> RESET_REQUESTED = ThreadLocal.withInitial(() -> false);

    /** Resets on purpose (to install handlers); other resets are the JDK's shutdown hook and are ignored. */
    static void resetDeliberately(LogManager manager) {
        RESET_REQUESTED.set(true);
        try {
            manager.reset();
        } finally {
            RESET_REQUESTED.set(false);
        }
    }

    @Override
    public void reset() {
        if (RESET_REQUESTED.get()) {
            super.reset();
        }
    }
}
