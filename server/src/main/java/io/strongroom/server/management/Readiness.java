package io.strongroom.server.management;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Whether this node should receive traffic: every registered check passes (store reachable,
 * root key open, bootstrap done), startup has finished and shutdown has not begun.
 */
public final class Readiness {

    private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    public void addCheck(String name, BooleanSupplier check) {
        checks.put(name, check);
    }

    public void markStarted() {
        started.set(true);
    }

    public void markShuttingDown() {
        shuttingDown.set(true);
    }

    /** Each check's current result, plus {@code started} and {@code notShuttingDown}. */
    public Map<String, Boolean> evaluate() {
        Map<String, Boolean> results = new LinkedHashMap<>();
        results.put("started", started.get());
        results.put("notShuttingDown", !shuttingDown.get());
        checks.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(check -> results.put(check.getKey(), passes(check.getValue())));
        return results;
    }

    public boolean isReady() {
        return evaluate().values().stream().allMatch(Boolean::booleanValue);
    }

    private static boolean passes(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false; // a check that cannot tell is a check that fails
        }
    }
}
