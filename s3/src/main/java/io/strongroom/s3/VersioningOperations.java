package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.auth.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PutBucketVersioning, GetBucketVersioning and ListObjectVersions. */
final class VersioningOperations {
    private static final int SCAN_BATCH = 1000;

    private final S3Repository repository;
    private final BucketOperations buckets;
    private final Transactor transactor;

    VersioningOperations(S3Repository repository, BucketOperations buckets, Transactor transactor) {
        this.repository = requireNonNull(repository, "repository");
        this.buckets = requireNonNull(buckets, "buckets");
        this.transactor = requireNonNull(transactor, "transactor");
    }

    /**
     * Enables or suspends versioning. A bucket never returns to unversioned; MFA delete is not offered
     * (it needs an MFA device the request proves), and a bucket with object lock stays enabled.
     *
     * @param status    {@code Enabled} or {@code Suspended}, as sent
     * @param mfaDelete {@code Enabled} or {@code Disabled} when sent
     */
    Bucket put(CallContext call, String name, Optional<String> status, Optional<String> mfaDelete) {
        Bucket bucket = buckets.authorized(call, name, "s3:PutBucketVersioning");
        Bucket.Versioning state = switch (status.orElse("")) {
            case "Enabled" -> Bucket.Versioning.ENABLED;
            case "Suspended" -> Bucket.Versioning.SUSPENDED;
            default -> throw new AwsException("IllegalVersioningConfigurationException", 400,
                    "The Versioning element must be specified");
        };
        if (mfaDelete.isPresent()) {
            if (!mfaDelete.get().equals("Enabled") && !mfaDelete.get().equals("Disabled")) {
                throw new AwsException("IllegalVersioningConfigurationException", 400,
                        "The MfaDelete element must be Enabled or Disabled");
            }
            if (mfaDelete.get().equals("Enabled")) {
                // S3 asks for the x-amz-mfa header of the root user's MFA device; this server has no MFA
                // devices to check it against, so it refuses as S3 refuses a request without one
                throw AwsException.accessDenied("Mfa Authentication must be used for this request");
            }
        }
        if (bucket.objectLockEnabled() && state != Bucket.Versioning.ENABLED) {
            throw new AwsException("InvalidBucketState", 409,
                    "An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.");
        }
        return transactor.inTransaction(() -> {
            Bucket current = repository.findBucket(name).orElseThrow(S3Errors::noSuchBucket);
            Bucket updated = current.withVersioning(state);
            repository.updateBucket(updated);
            return updated;
        });
    }

    Bucket.Versioning get(CallContext call, String name) {
        return buckets.authorized(call, name, "s3:GetBucketVersioning").versioning();
    }

    /**
     * A page of versions and delete markers, by key and then newest first, keys sharing a segment up to
     * the delimiter rolled up into common prefixes.
     */
    VersionPage list(CallContext call, String bucketName, String prefix, String delimiter, String keyMarker,
                     String versionIdMarker, int maxKeys) {
        Bucket bucket = buckets.authorized(call, bucketName, "s3:ListBucketVersions", Map.of("s3:prefix", List.of(prefix),
                "s3:delimiter", List.of(delimiter), "s3:max-keys", List.of(Integer.toString(maxKeys))));
        if (!versionIdMarker.isEmpty() && keyMarker.isEmpty()) {
            throw S3Errors.invalidArgument("A version-id marker cannot be specified without a key marker.");
        }
        List<VersionEntry> entries = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        String cursorKey = keyMarker;
        String cursorVersion = versionIdMarker;
        // the first version met of a key is its latest, unless the page starts inside that key
        String keyOfLastSeen = versionIdMarker.isEmpty() ? null : keyMarker;
        String lastPrefix = null;
        if (maxKeys == 0) {
            return new VersionPage(entries, commonPrefixes, false, "", "", bucket);
        }
        while (true) {
            List<ObjectVersion> batch = repository.listVersions(bucketName, prefix, cursorKey, cursorVersion,
                    SCAN_BATCH);
            if (batch.isEmpty()) {
                return new VersionPage(entries, commonPrefixes, false, "", "", bucket);
            }
            for (ObjectVersion version : batch) {
                cursorKey = version.key();
                cursorVersion = version.versionId();
                boolean latest = !version.key().equals(keyOfLastSeen);
                keyOfLastSeen = version.key();
                String rolledUp = commonPrefix(version.key(), prefix, delimiter);
                if (rolledUp == null) {
                    if (entries.size() + commonPrefixes.size() == maxKeys) {
                        return truncated(entries, commonPrefixes, bucket);
                    }
                    entries.add(new VersionEntry(version, latest));
                } else if (!rolledUp.equals(lastPrefix)) {
                    lastPrefix = rolledUp;
                    if (rolledUp.compareTo(keyMarker) <= 0 && keyMarker.startsWith(rolledUp)) {
                        continue; // the page before ended inside (or on) this common prefix
                    }
                    if (entries.size() + commonPrefixes.size() == maxKeys) {
                        return truncated(entries, commonPrefixes, bucket);
                    }
                    commonPrefixes.add(rolledUp);
                }
            }
        }
    }

    private static VersionPage truncated(List<VersionEntry> entries, List<String> commonPrefixes, Bucket bucket) {
        String lastPrefix = commonPrefixes.isEmpty() ? "" : commonPrefixes.getLast();
        String lastKey = entries.isEmpty() ? "" : entries.getLast().version().key();
        if (lastPrefix.compareTo(lastKey) > 0) {
            return new VersionPage(entries, commonPrefixes, true, lastPrefix, "", bucket);
        }
        return new VersionPage(entries, commonPrefixes, true, lastKey, entries.getLast().version().versionId(), bucket);
    }

    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    /** A version or delete marker as ListObjectVersions reports it. */
    record VersionEntry(ObjectVersion version, boolean latest) {
    }

    /**
     * @param nextKeyMarker       where the next page starts (a key or a common prefix), empty unless truncated
     * @param nextVersionIdMarker the version of {@code nextKeyMarker} the next page starts after, empty for none
     * @param bucket              the bucket listed
     */
    record VersionPage(List<VersionEntry> entries, List<String> commonPrefixes, boolean truncated,
                       String nextKeyMarker, String nextVersionIdMarker, Bucket bucket) {
    }
}
