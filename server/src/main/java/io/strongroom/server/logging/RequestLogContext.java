package io.strongroom.server.logging;

import java.util.Optional;

/**
 * The request id of the request the current thread serves, so every log line written while
 * serving it carries the id. Each request runs on its own virtual thread, so a thread-local is exact.
 */
public final class RequestLogContext {

    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private RequestLogContext() {
    }

    /** Marks the current thread as serving {@code requestId} until the returned scope closes. */
    public static Scope enter(String requestId) {
        String previous = REQUEST_ID.get();
        REQUEST_ID.set(requestId);
        return () -> {
            if (previous == null) {
                REQUEST_ID.remove();
            } else {
                REQUEST_ID.set(previous);
            }
        };
    }

    public static Optional<String> currentRequestId() {
        return Optional.ofNullable(REQUEST_ID.get());
    }

    /** Leaves the request when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
