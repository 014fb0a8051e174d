// SPI-READY
package io.strongroom.s3;

/**
 * What the object store does on its own, outside any call, reported for the audit trail: each
 * lifecycle action, inside the transaction that makes the change.
 */
public interface S3Events {
    S3Events NONE = (bucket, key, versionId, action) -> { };

    /**
     * A lifecycle rule acted on a version.
     *
     * @param action S3's name for it: {@code S3.EXPIRE.OBJECT} (a version deleted) or
     *               {@code S3.CREATE.DELETEMARKER} (a current version expired in a versioned bucket)
     */
    void lifecycleAction(Bucket bucket, String key, String versionId, String action);
}
