package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.auth.CallContext;

/** PutBucketEncryption, GetBucketEncryption and DeleteBucketEncryption. */
final class EncryptionConfigOperations {
    private final S3Repository repository;
    private final BucketOperations buckets;
    private final Transactor transactor;

    EncryptionConfigOperations(S3Repository repository, BucketOperations buckets, Transactor transactor) {
        this.repository = requireNonNull(repository, "repository");
        this.buckets = requireNonNull(buckets, "buckets");
        this.transactor = requireNonNull(transactor, "transactor");
    }

    /**
     * Sets the default. SSE-KMS needs a named key here: S3's AWS managed key {@code aws/s3}, which S3
     * uses when none is named, does not exist on this server yet.
     */
    void put(CallContext call, String bucket, BucketEncryption encryption) {
        buckets.authorized(call, bucket, "s3:PutEncryptionConfiguration");
        if (encryption.mode() == ObjectEncryption.Mode.SSE_KMS && encryption.kmsKeyId().isEmpty()) {
            throw S3Errors.invalidArgument("aws:kms default encryption needs a KMSMasterKeyID: this server has no"
                    + " AWS managed key aws/s3 to use in its place.");
        }
        if (encryption.mode() == ObjectEncryption.Mode.SSE_S3 && encryption.kmsKeyId().isPresent()) {
            throw S3Errors.invalidArgument("a KMSMasterKeyID is allowed only for SseAlgorithm aws:kms.");
        }
        transactor.run(() -> {
            repository.findBucket(bucket).orElseThrow(S3Errors::noSuchBucket);
            repository.putConfig(S3Repository.bucketScope(bucket), BucketEncryption.CONFIG_KIND, encryption.document());
        });
    }

    /** The bucket's default: SSE-S3 when none was put, as S3 answers for every bucket today. */
    BucketEncryption get(CallContext call, String bucket) {
        buckets.authorized(call, bucket, "s3:GetEncryptionConfiguration");
        return BucketEncryption.of(repository, bucket);
    }

    void delete(CallContext call, String bucket) {
        buckets.authorized(call, bucket, "s3:PutEncryptionConfiguration");
        repository.deleteConfig(S3Repository.bucketScope(bucket), BucketEncryption.CONFIG_KIND);
    }
}
