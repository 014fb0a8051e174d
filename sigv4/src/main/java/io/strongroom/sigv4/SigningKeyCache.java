package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derived SigV4 signing keys, cached per access key id, secret fingerprint, date, region and service,
 * so a changed secret never reuses a key derived from the old one. Bounded: when full, an arbitrary
 * entry makes room (a miss only costs four HMACs). Thread-safe; share one per process.
 */
public final class SigningKeyCache {
    public static final int DEFAULT_MAX_ENTRIES = 4096;

    private record Key(String accessKeyId, SecretFingerprint secret, CredentialScope scope) {
    }

    private final int maxEntries;
    private final ConcurrentHashMap<Key, byte[]> keys = new ConcurrentHashMap<>();

    public SigningKeyCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
    }

    /** How many derived keys are held now; the maximum, give or take concurrent insertions. */
    public int size() {
        return keys.size();
    }

    byte[] signingKey(String accessKeyId, SigningSecret secret, CredentialScope scope) {
        Key key = new Key(requireNonNull(accessKeyId, "accessKeyId"), secret.fingerprint(), scope);
        byte[] cached = keys.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] derived = SigningKeyDerivation.derive(secret, scope);
        makeRoom();
        keys.put(key, derived);
        return derived;
    }

    private void makeRoom() {
        Iterator<Key> entries = keys.keySet().iterator();
        while (keys.size() >= maxEntries && entries.hasNext()) {
            entries.next();
            entries.remove();
        }
    }

    @Override
    public String toString() {
        return "SigningKeyCache[size=" + keys.size() + ", max=" + maxEntries + "]";
    }
}
