package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import io.strongroom.s3.naming.ObjectKeys;
import java.time.Instant;
import java.util.Optional;

/**
 * CopyObject: the source decrypted as it is read and encrypted into a new blob of the destination,
 * under the destination's requested (or default) encryption, never under the source's data key.
 */
final class CopyOperations {
    /** S3 copies at most 5 GiB in one CopyObject; larger objects are copied part by part. */
    static final long MAX_COPY_SOURCE_BYTES = 5L * 1024 * 1024 * 1024;

    private final S3Repository repository;
    private final ObjectOperations objects;

    CopyOperations(S3Repository repository, ObjectOperations objects) {
        this.repository = requireNonNull(repository, "repository");
        this.objects = requireNonNull(objects, "objects");
    }

    /** Needs s3:GetObject (GetObjectVersion) on the source and s3:PutObject on the destination. */
    Copied copy(CallContext call, CopyObjectRequest request) {
        return copy(call, request, ObjectLockRequest.NONE);
    }

    /** @param lockRequest the copy's own lock; the source's lock is never copied, as in S3 */
    Copied copy(CallContext call, CopyObjectRequest request, ObjectLockRequest lockRequest) {
        ObjectKeys.validate(request.key());
        String storageClass = StorageClasses.ofWrite(request.storageClass());
        ObjectVersion source = objects.readable(call, request.sourceBucket(), request.sourceKey(),
                request.sourceVersionId(), "s3:GetObject");
        requireConditions(request.conditions(), source);
        if (source.size() > MAX_COPY_SOURCE_BYTES) {
            throw S3Errors.invalidRequest("The specified copy source is larger than the maximum allowable size for a"
                    + " copy source: " + MAX_COPY_SOURCE_BYTES);
        }
        if (request.sourceBucket().equals(request.bucket()) && request.sourceKey().equals(request.key())
                && !request.replaceMetadata() && request.encryption().isEmpty() && request.customerKey().isEmpty()
                && request.storageClass().isEmpty()
                && isLatest(source)) {
            throw S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an object to"
                    + " itself without changing the object's metadata, storage class, website redirect location or"
                    + " encryption attributes.");
        }
        PutObjectRequest put = new PutObjectRequest(request.bucket(), request.key(), source.size(),
                request.replaceMetadata() ? request.headers() : source.headers(),
                request.replaceMetadata() ? request.userMetadata() : source.userMetadata(), Optional.empty(),
                request.checksumAlgorithm().or(() -> source.checksum()
                        .flatMap(c -> ChecksumAlgorithm.fromS3Name(c.algorithm()))),
                Optional::empty, request.replaceTags() ? request.tags() : source.tags(), request.encryption(),
                request.kmsKeyId(), RequestedAcl.NONE, request.bucketKeyEnabled(), request.customerKey(),
                request.writeConditions());
        try (ObjectContent content = objects.open(call, source, Optional.empty(), request.sourceCustomerKey())) {
            return new Copied(objects.put(call, put, content.body(), lockRequest, false, storageClass), source);
        }
    }

    private boolean isLatest(ObjectVersion source) {
        return repository.latestVersion(source.bucket(), source.key())
                .map(latest -> latest.versionId().equals(source.versionId())).orElse(false);
    }

    /** As S3 weighs them: a matching If-Match overrides If-Unmodified-Since, a non-matching If-None-Match If-Modified-Since. */
    private static void requireConditions(CopyObjectRequest.Conditions conditions, ObjectVersion source) {
        String etag = "\"" + source.etag() + "\"";
        Instant modified = source.lastModified();
        boolean held = true;
        if (conditions.ifMatch().isPresent()) {
            held = etagMatches(conditions.ifMatch().get(), etag);
        } else if (conditions.ifUnmodifiedSince().isPresent()) {
            held = modified.getEpochSecond() <= conditions.ifUnmodifiedSince().get().getEpochSecond();
        }
        if (conditions.ifNoneMatch().isPresent()) {
            held &= !etagMatches(conditions.ifNoneMatch().get(), etag);
        } else if (conditions.ifModifiedSince().isPresent()) {
            held &= modified.getEpochSecond() > conditions.ifModifiedSince().get().getEpochSecond();
        }
        if (!held) {
            throw new AwsException("PreconditionFailed", 412,
                    "At least one of the pre-conditions you specified did not hold");
        }
    }

    private static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String value = candidate.strip();
            if (value.equals("*") || value.equals(etag) || ("\"" + value + "\"").equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** The new version and the source version it was copied from. */
    record Copied(ObjectVersion version, ObjectVersion source) {
    }
}
