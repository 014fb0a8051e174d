package io.strongroom.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canned ACLs of S3: names for common lists of grants ({@link #grants}), which are weighed like
 * any other grants (see {@link AclStatements}).
 */
public enum CannedAcl {
    PRIVATE("private"),
    PUBLIC_READ("public-read"),
    PUBLIC_READ_WRITE("public-read-write"),
    AUTHENTICATED_READ("authenticated-read"),
    AWS_EXEC_READ("aws-exec-read"),
    BUCKET_OWNER_READ("bucket-owner-read"),
    BUCKET_OWNER_FULL_CONTROL("bucket-owner-full-control"),
    LOG_DELIVERY_WRITE("log-delivery-write");

    private final String awsName;

    CannedAcl(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    public static Optional<CannedAcl> of(String awsName) {
        for (CannedAcl acl : values()) {
            if (acl.awsName.equals(awsName)) {
                return Optional.of(acl);
            }
        }
        return Optional.empty();
    }

    /** Whether it grants to everyone (AllUsers or AuthenticatedUsers), which Block Public Access refuses. */
    public boolean isPublic() {
        return this == PUBLIC_READ || this == PUBLIC_READ_WRITE || this == AUTHENTICATED_READ;
    }

    /**
     * The grants it stands for, as S3 lists them: the owner's full control, and on an object whose owner
     * is not the bucket's, bucket-owner-read and bucket-owner-full-control grant the bucket's owner too.
     */
    List<AclGrant> grants(String ownerAccountId, String bucketOwnerAccountId, boolean onBucket) {
        List<AclGrant> grants = new ArrayList<>();
        grants.add(AclGrant.toAccount(ownerAccountId, "FULL_CONTROL"));
        boolean foreignObject = !onBucket && !ownerAccountId.equals(bucketOwnerAccountId);
        switch (this) {
            case PUBLIC_READ -> grants.add(AclGrant.toGroup(AclGrant.ALL_USERS, "READ"));
            case PUBLIC_READ_WRITE -> {
                grants.add(AclGrant.toGroup(AclGrant.ALL_USERS, "READ"));
                if (onBucket) {
                    grants.add(AclGrant.toGroup(AclGrant.ALL_USERS, "WRITE"));
                }
            }
            case AUTHENTICATED_READ -> grants.add(AclGrant.toGroup(AclGrant.AUTHENTICATED_USERS, "READ"));
            case LOG_DELIVERY_WRITE -> {
                if (onBucket) {
                    grants.add(AclGrant.toGroup(AclGrant.LOG_DELIVERY, "WRITE"));
                    grants.add(AclGrant.toGroup(AclGrant.LOG_DELIVERY, "READ_ACP"));
                }
            }
            case BUCKET_OWNER_READ -> {
                if (foreignObject) {
                    grants.add(AclGrant.toAccount(bucketOwnerAccountId, "READ"));
                }
            }
            case BUCKET_OWNER_FULL_CONTROL -> {
                if (foreignObject) {
                    grants.add(AclGrant.toAccount(bucketOwnerAccountId, "FULL_CONTROL"));
                }
            }
            default -> {
                // private and aws-exec-read: the owner's full control is all
            }
        }
        return grants;
    }
}
