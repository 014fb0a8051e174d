package io.strongroom.rootkey;

import io.strongroom.core.spi.WrappedSecretSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A {@link WrappedSecretSource} in a map, with a hook that runs before each compare-and-set. */
final class InMemoryWrappedSecretSource implements WrappedSecretSource {

    private final String name;
    private final Map<String, WrappedSecret> secrets = new LinkedHashMap<>();
    private Consumer<WrappedSecret> beforeReplace = secret -> { };

    InMemoryWrappedSecretSource(String name) {
        this.name = name;
    }

    synchronized void put(String id, byte[] wrapped, byte[] associatedData) {
        secrets.put(id, new WrappedSecret(id, wrapped.clone(), associatedData.clone()));
    }

    synchronized void remove(String id) {
        secrets.remove(id);
    }

    synchronized byte[] wrapped(String id) {
        return secrets.get(id).wrapped().clone();
    }

    /** Simulates a concurrent writer acting just before the rotation's compare-and-set. */
    void beforeReplace(Consumer<WrappedSecret> hook) {
        this.beforeReplace = hook;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized List<WrappedSecret> list() {
        return new ArrayList<>(secrets.values());
    }

    @Override
    public boolean replace(WrappedSecret secret, byte[] newWrapped) {
        beforeReplace.accept(secret);
        synchronized (this) {
            WrappedSecret stored = secrets.get(secret.id());
            if (stored == null || !Arrays.equals(stored.wrapped(), secret.wrapped())) {
                return false;
            }
            secrets.put(secret.id(), new WrappedSecret(secret.id(), newWrapped.clone(), stored.associatedData()));
            return true;
        }
    }
}
