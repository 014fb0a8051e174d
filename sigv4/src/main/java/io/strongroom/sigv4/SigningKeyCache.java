package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derived SigV4 signing keys, cached per access key id, secret fingerprint, date, region and service,
 * so a changed secret never reuses a key derived from the old one. A key enters the cache only after a
 * signature verified with it, so requests without the secret cannot churn the cache. Bounded: when full,
 * an arbitrary entry makes room (a miss only costs four HMACs). Thread-safe; share one per process.
 */
public final class SigningKeyCache {
    public static final int DEFAULT_MAX_ENTRIES = 4096;

    private record Key(String accessKeyId, SecretFingerprint secret, CredentialScope scope) {
    }

    /** A signing key for one scope; {@code cached} tells whether it came from the cache. */
    static final class SigningKey {
        private final Key key;
        private final byte[] bytes;
        private final boolean cached;

        private SigningKey(Key key, byte[] bytes, boolean cached) {
            this.key = key;
            this.bytes = bytes;
            this.cached = cached;
        }

        byte[] bytes() {
            return bytes;
        }

        boolean cached() {
            return cached;
        }

        @Override
        public String toString() {
            return "SigningKey[redacted]";
        }
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

    /** The cached key for the scope, or a freshly derived one that is not cached yet. */
    SigningKey signingKey(String accessKeyId, SigningSecret secret, CredentialScope scope) {
        Key key = new Key(requireNonNull(accessKeyId, "accessKeyId"), secret.fingerprint(), scope);
        byte[] cached = keys.get(key);
        if (cached != null) {
            return new SigningKey(key, cached, true);
        }
        return new SigningKey(key, SigningKeyDerivation.derive(secret, scope), false);
    }

    /** Call only once a signature computed with {@code signingKey} has matched the one the client sent. */
    void rememberVerified(SigningKey signingKey) {
        if (signingKey.cached) {
            return;
        }
        makeRoom();
        keys.putIfAbsent(signingKey.key, signingKey.bytes);
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
