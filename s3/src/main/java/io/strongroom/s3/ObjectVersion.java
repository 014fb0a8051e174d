package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One version of an object (or a delete marker) as the object index keeps it. Its body is a blob,
 * encrypted as {@link #encryption} says; a delete marker has neither body nor encryption.
 *
 * @param versionId     {@code "null"} for the version an unversioned or suspended bucket keeps
 * @param size          the plaintext size in bytes
 * @param etag          the entity tag without quotes (hex MD5 of the plaintext, or {@code <md5>-<parts>})
 * @param headers       the stored HTTP headers by their canonical names (Content-Type, Content-Encoding,
 *                      Content-Disposition, Content-Language, Cache-Control, Expires)
 * @param userMetadata  {@code x-amz-meta-*} entries by lower-case name without the prefix, values byte-exact
 * @param checksum      the checksum the client asked for or sent, if any
 * @param tags          the object's tags
 * @param blobId        where the encrypted body is, null for a delete marker
 */
public record ObjectVersion(String bucket, String key, String versionId, boolean deleteMarker, Instant lastModified,
                            long size, String etag, Map<String, String> headers, Map<String, String> userMetadata,
                            Optional<ObjectChecksum> checksum, Map<String, String> tags, String storageClass,
                            ObjectEncryption encryption, String blobId) {

    public static final String NULL_VERSION = "null";

    public ObjectVersion {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        requireNonNull(versionId, "versionId");
        requireNonNull(lastModified, "lastModified");
        headers = Map.copyOf(headers);
        userMetadata = Map.copyOf(userMetadata);
        requireNonNull(checksum, "checksum");
        tags = Map.copyOf(tags);
        requireNonNull(storageClass, "storageClass");
        if (deleteMarker != (blobId == null) || deleteMarker != (encryption == null)) {
            throw new IllegalArgumentException("a delete marker has no body and a version has one");
        }
    }

    public static ObjectVersion deleteMarker(String bucket, String key, String versionId, Instant at) {
        return new ObjectVersion(bucket, key, versionId, true, at, 0, "", Map.of(), Map.of(), Optional.empty(),
                Map.of(), "STANDARD", null, null);
    }

    public ObjectVersion withTags(Map<String, String> newTags) {
        return new ObjectVersion(bucket, key, versionId, deleteMarker, lastModified, size, etag, headers, userMetadata,
                checksum, newTags, storageClass, encryption, blobId);
    }

    /** The same version in another storage class, its body (the same ciphertext) now under {@code newBlobId}. */
    public ObjectVersion withStorage(String newStorageClass, String newBlobId) {
        return new ObjectVersion(bucket, key, versionId, deleteMarker, lastModified, size, etag, headers, userMetadata,
                checksum, tags, newStorageClass, encryption, newBlobId);
    }
}
