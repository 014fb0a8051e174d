// SPI-READY
package io.strongroom.s3;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Persistence of multipart uploads in progress, their parts, and the parts a completed upload's
 * object is made of.
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>Upload ids are unique; keys sort by their UTF-8 bytes, as in {@link S3Repository}.
 *   <li>Uploads are listed by key, then by initiation (oldest first), then by upload id.
 *   <li>Deleting an upload deletes its parts' rows (never their blobs: the caller deletes those).
 *   <li>An object's parts are kept under the blob id its version names (the first part's blob).
 *   <li>Each call is atomic; callers group calls with {@link io.strongroom.core.spi.Transactor}.
 * </ul>
 */
public interface MultipartRepository {

    void insertUpload(MultipartUpload upload);

    Optional<MultipartUpload> findUpload(String uploadId);

    /** Deletes the upload and its parts' rows; false when there is no such upload. */
    boolean deleteUpload(String uploadId);

    /**
     * The bucket's uploads whose key starts with {@code prefix}: after {@code afterKey} (empty: from the
     * start) or, when {@code afterUploadId} names an upload of {@code afterKey}, the uploads of that key
     * listed after it and then the keys after it.
     */
    List<MultipartUpload> listUploads(String bucket, String prefix, String afterKey, String afterUploadId, int limit);

    /**
     * Stores a part of an existing upload, replacing and returning one with the same number (whose blob
     * the caller deletes).
     */
    Optional<UploadPart> putPart(UploadPart part);

    /** The upload's parts numbered above {@code afterPartNumber}, by number. */
    List<UploadPart> listParts(String uploadId, int afterPartNumber, int limit);

    /** Records the ordered parts of a completed object under {@code objectBlobId}, its version's blob id. */
    void putObjectParts(String objectBlobId, List<ObjectPart> parts);

    /** The parts of the object whose version names {@code objectBlobId}, by number; empty for a single blob. */
    List<ObjectPart> objectParts(String objectBlobId);

    /** Forgets an object's parts (its version is gone); false when there were none. */
    boolean deleteObjectParts(String objectBlobId);

    /** Whether a part of an upload or of a completed object is stored in this blob. */
    default boolean blobReferenced(String blobId) {
        return referencedBlobs(Set.of(blobId)).contains(blobId);
    }

    /** Which of these blobs hold a part of an upload or of a completed object. */
    Set<String> referencedBlobs(Set<String> blobIds);
}
