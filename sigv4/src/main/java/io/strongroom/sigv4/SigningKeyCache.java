package io.strongroom.sigv4;

/** Derived SigV4 signing keys, cached per access key, secret, date, region and service; bounded. */
public final class SigningKeyCache {
    public static final int DEFAULT_MAX_ENTRIES = 4096;

    public SigningKeyCache(int maxEntries) {
    }
}
