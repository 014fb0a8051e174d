package io.strongroom.s3;

import java.util.Optional;

/**
 * S3 Object Ownership, the bucket setting that says whether ACLs exist at all. New buckets are
 * {@link #BUCKET_OWNER_ENFORCED}: ACLs disabled, access decided by policies alone.
 */
public enum ObjectOwnership {
    BUCKET_OWNER_ENFORCED("BucketOwnerEnforced"),
    BUCKET_OWNER_PREFERRED("BucketOwnerPreferred"),
    OBJECT_WRITER("ObjectWriter");

    private final String awsName;

    ObjectOwnership(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    public boolean aclsEnabled() {
        return this != BUCKET_OWNER_ENFORCED;
    }

    public static Optional<ObjectOwnership> of(String awsName) {
        for (ObjectOwnership ownership : values()) {
            if (ownership.awsName.equals(awsName)) {
                return Optional.of(ownership);
            }
        }
        return Optional.empty();
    }
}
