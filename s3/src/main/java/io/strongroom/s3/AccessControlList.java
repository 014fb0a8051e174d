package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An ACL as GetBucketAcl and GetObjectAcl show it: the owner's account, and the grants. */
public record AccessControlList(String ownerAccountId, List<AclGrant> grants) {
    public AccessControlList {
        requireNonNull(ownerAccountId, "ownerAccountId");
        grants = List.copyOf(grants);
    }
}
