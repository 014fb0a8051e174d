package io.strongroom.core.spi;

/**
 * The root of trust. It only wraps other keys and secrets (KMS key material, access-key secrets,
 * the audit signing key); it never sees bulk data. Wrapped blobs are self-describing: they name
 * the root-key version that wrapped them, so after a rotation old blobs still unwrap until they
 * have been re-wrapped.
 *
 * <p>Implementations: {@code file} (development), {@code pkcs11} (an HSM), {@code passphrase}.
 */
public interface RootKeyProvider extends AutoCloseable {

    /** The provider kind, for example {@code file}, {@code pkcs11} or {@code passphrase}. */
    String kind();

    /**
     * The generator of new key material: the JDK's {@code SecureRandom} by default, the HSM's own
     * random number generator when the root key lives in one, so KMS key material is born there.
     */
    default java.security.SecureRandom random() {
        return DefaultRandom.INSTANCE;
    }

    /** The id of the root-key version that {@link #wrap} uses now. */
    String currentVersion();

    /**
     * Encrypts and authenticates {@code plaintext}, binding {@code associatedData} (which is not
     * stored in the blob and must be given again to unwrap).
     */
    byte[] wrap(byte[] plaintext, byte[] associatedData);

    /** Reverses {@link #wrap}; throws {@link RootKeyException} when the blob is not authentic. */
    byte[] unwrap(byte[] wrapped, byte[] associatedData);

    /** The root-key version a blob was wrapped under. */
    String versionOf(byte[] wrapped);

    /**
     * Creates a new root-key version and makes it current; older versions stay available for
     * {@link #unwrap} until {@link #retire} is called.
     */
    String rotate();

    /** Forgets a version once nothing is wrapped under it any longer. */
    void retire(String version);

    @Override
    void close();

    /** Holds the shared JDK generator ({@code SecureRandom} is thread-safe). */
    final class DefaultRandom {
        static final java.security.SecureRandom INSTANCE = new java.security.SecureRandom();

        private DefaultRandom() {
        }
    }
}
