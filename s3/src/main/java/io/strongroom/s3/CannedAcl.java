package io.strongroom.s3;

import io.strongroom.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canned ACLs of S3, which are all the ACLs Strongroom keeps. What a canned ACL grants beyond
 * the owner's full control becomes Allow statements beside the bucket policy (S3's documented mapping
 * of ACL permissions to actions), so an explicit deny in any policy still wins. Every request is
 * authenticated here, so AllUsers and AuthenticatedUsers both mean any AWS principal: both are public.
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

    /** ACL READ on a bucket, as actions. */
    private static final List<String> BUCKET_READ = List.of("s3:ListBucket", "s3:ListBucketVersions",
            "s3:ListBucketMultipartUploads");
    /** ACL WRITE on a bucket, as actions. */
    private static final List<String> BUCKET_WRITE = List.of("s3:PutObject", "s3:DeleteObject");
    /** ACL READ on an object, as actions. */
    private static final List<String> OBJECT_READ = List.of("s3:GetObject", "s3:GetObjectVersion");

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

    /** Whether it grants to anyone but the owner of what it is on and the bucket's owner. */
    boolean grantsOthers() {
        return isPublic() || this == LOG_DELIVERY_WRITE;
    }

    /** The grants as S3 lists them, on a bucket or on an object whose owner is the bucket's owner. */
    List<AclGrant> grants(String ownerAccountId, boolean onBucket) {
        List<AclGrant> grants = new ArrayList<>();
        grants.add(AclGrant.toAccount(ownerAccountId, "FULL_CONTROL"));
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
            default -> {
                // the owner's full control is all: the object's owner is the bucket's owner here
            }
        }
        return grants;
    }

    /**
     * What it grants to everyone, as policy statements; empty when it grants nothing beyond the owner.
     * Log delivery is a service Strongroom does not run, so its grant allows nothing.
     */
    Optional<PolicyDocument> publicStatements(String sid, boolean onBucket) {
        List<String> actions = switch (this) {
            case PUBLIC_READ, AUTHENTICATED_READ -> onBucket ? BUCKET_READ : OBJECT_READ;
            case PUBLIC_READ_WRITE -> {
                if (!onBucket) {
                    yield OBJECT_READ;
                }
                List<String> readWrite = new ArrayList<>(BUCKET_READ);
                readWrite.addAll(BUCKET_WRITE);
                yield readWrite;
            }
            default -> List.of();
        };
        return actions.isEmpty() ? Optional.empty()
                : Optional.of(PolicyDocument.allowStatement(sid, "*", actions, Map.of()));
    }
}
