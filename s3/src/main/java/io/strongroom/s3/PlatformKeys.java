// SPI-READY
package io.strongroom.s3;

import java.util.Optional;

/**
 * The platform's own keys for SSE-S3: 256-bit keys kept only wrapped by the root key, under which each
 * SSE-S3 object's data key is wrapped. Old keys stay so that every object stays readable.
 */
public interface PlatformKeys {

    /** The key new objects use, made on first use. */
    PlatformKey current();

    /** A key by its id, for objects written under it. */
    Optional<PlatformKey> find(String keyId);

    /** A platform key in the clear: a fresh copy on every call, which the caller wipes after use. */
    record PlatformKey(String id, byte[] material) {
    }
}
