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
     * @param action S3's name for it: {@code S3.EXPIRE.OBJECT} (a version deleted),
     *               {@code S3.CREATE.DELETEMARKER} (a current version expired in a versioned bucket),
     *               {@code S3.TRANSITION.OBJECT} and its variants {@code S3.TRANSITION_SIA.OBJECT} … (a
     *               version moved to another storage class), {@code S3.RESTORE.OBJECT} (a restored copy
     *               made) or {@code ObjectRestore:Delete} (a restored copy expired)
     */
    void lifecycleAction(Bucket bucket, String key, String versionId, String action);

    /** A lifecycle rule aborted an incomplete multipart upload ({@code S3.DELETE.UPLOAD}). */
    default void uploadAborted(Bucket bucket, String key, String uploadId) {
        lifecycleAction(bucket, key, uploadId, LifecycleOperations.ABORT_UPLOAD);
    }
}
