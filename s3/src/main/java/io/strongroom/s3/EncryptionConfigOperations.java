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
     * Sets the default. SSE-KMS without a KMSMasterKeyID means the writer's AWS managed key
     * {@code aws/s3}, made on its first use.
     */
    void put(CallContext call, String bucket, BucketEncryption encryption) {
        buckets.authorized(call, bucket, "s3:PutEncryptionConfiguration");
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
