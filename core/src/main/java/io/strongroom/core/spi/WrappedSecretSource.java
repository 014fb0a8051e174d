package io.strongroom.core.spi;

import java.util.List;

/**
 * A place where secrets wrapped by the root key are kept (access-key secrets, STS session secrets,
 * later KMS key material and the audit signing key). Root-key rotation walks every source and
 * re-wraps each secret under the new root-key version while readers keep working.
 */
public interface WrappedSecretSource {

    /** A short name for messages, for example {@code access-keys}. */
    String name();

    /** Every wrapped secret in this source. */
    List<WrappedSecret> list();

    /**
     * Replaces a wrapped secret only if it still holds {@code secret.wrapped()} (compare-and-set),
     * so a concurrent change is never overwritten. Returns false when it did not.
     */
    boolean replace(WrappedSecret secret, byte[] newWrapped);

    /**
     * @param id             the secret's id within its source
     * @param wrapped        the blob as stored
     * @param associatedData the associated data it was wrapped with
     */
    record WrappedSecret(String id, byte[] wrapped, byte[] associatedData) {
    }
}
