package io.strongroom.core;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link SecureRandom} for hot paths that many threads share: data keys, nonces, record and blob ids.
 * The JDK's generators serialise their callers on one lock, and on a busy node with two cores a thread
 * is often descheduled while it holds that lock, so every other caller stalls with it (10 ms and more,
 * in a profile of 32 KMS clients). This one keeps several independent NIST SP 800-90A DRBG instances,
 * each seeded by the JDK from the operating system, each behind its own lock; a caller takes the first
 * free one from a random starting point and waits only when every one is taken.
 */
public final class StripedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private static final int STRIPES = 16;

    private final transient Stripes stripes;

    public StripedRandom() {
        this(new Stripes());
    }

    private StripedRandom(Stripes stripes) {
        super(stripes, null);
        this.stripes = stripes;
    }

    // SecureRandom would synchronise these on this object for a provider-less generator: go straight to
    // the stripes, which lock for themselves.
    @Override
    public void nextBytes(byte[] bytes) {
        stripes.engineNextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        return stripes.engineGenerateSeed(numBytes);
    }

    @Override
    public String getAlgorithm() {
        return "DRBG";
    }

    @Override
    public String toString() {
        return "StripedRandom[" + STRIPES + " x DRBG]";
    }

    private static final class Stripes extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final transient SecureRandom[] generators = new SecureRandom[STRIPES];
        private final transient ReentrantLock[] locks = new ReentrantLock[STRIPES];

        Stripes() {
            for (int i = 0; i < STRIPES; i++) {
                try {
                    generators[i] = SecureRandom.getInstance("DRBG");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("this JDK has no DRBG", e);
                }
                locks[i] = new ReentrantLock();
            }
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            // the starting stripe comes from a non-cryptographic generator: it only spreads contention
            int start = ThreadLocalRandom.current().nextInt(STRIPES);
            for (int i = 0; i < STRIPES; i++) {
                int stripe = (start + i) % STRIPES;
                if (locks[stripe].tryLock()) {
                    try {
                        generators[stripe].nextBytes(bytes);
                        return;
                    } finally {
                        locks[stripe].unlock();
                    }
                }
            }
            locks[start].lock();
            try {
                generators[start].nextBytes(bytes);
            } finally {
                locks[start].unlock();
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            return generators[ThreadLocalRandom.current().nextInt(STRIPES)].generateSeed(numBytes);
        }

        /** Additional input for every stripe; it never replaces their own seeding. */
        @Override
        protected void engineSetSeed(byte[] seed) {
            for (int i = 0; i < STRIPES; i++) {
                locks[i].lock();
                try {
                    generators[i].setSeed(seed);
                } finally {
                    locks[i].unlock();
                }
            }
        }
    }
}
