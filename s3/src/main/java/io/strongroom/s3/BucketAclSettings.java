package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bucket's Object Ownership and its ACL, kept as one document so that the access check of every
 * request reads them in one lookup. Where none is stored the bucket is as S3 makes new ones:
 * {@link ObjectOwnership#BUCKET_OWNER_ENFORCED}, private.
 *
 * @param ownershipControls the ownership controls; empty once deleted, when S3 treats the bucket as
 *                          {@link ObjectOwnership#OBJECT_WRITER}
 */
record BucketAclSettings(Optional<ObjectOwnership> ownershipControls, StoredAcl acl) {
    static final String KIND = "acl";
    static final BucketAclSettings NEW_BUCKET =
            new BucketAclSettings(Optional.of(ObjectOwnership.BUCKET_OWNER_ENFORCED), StoredAcl.PRIVATE);

    BucketAclSettings {
        requireNonNull(ownershipControls, "ownershipControls");
        requireNonNull(acl, "acl");
    }

    ObjectOwnership ownership() {
        return ownershipControls.orElse(ObjectOwnership.OBJECT_WRITER);
    }

    BucketAclSettings withOwnershipControls(Optional<ObjectOwnership> ownership) {
        return new BucketAclSettings(ownership, acl);
    }

    BucketAclSettings withAcl(StoredAcl newAcl) {
        return new BucketAclSettings(ownershipControls, newAcl);
    }

    /** One {@code name=value} per line: the ownership, then the ACL's lines. */
    String document() {
        return "ownership=" + ownershipControls.map(ObjectOwnership::awsName).orElse("") + "\n" + acl.document();
    }

    /** Reads {@link #document()}; what it cannot read is taken at its strictest (enforced, private). */
    static BucketAclSettings parse(String document) {
        Map<String, String> values = new HashMap<>();
        for (String line : document.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.putIfAbsent(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        String ownership = values.getOrDefault("ownership", ObjectOwnership.BUCKET_OWNER_ENFORCED.awsName());
        Optional<ObjectOwnership> controls = ownership.isEmpty() ? Optional.empty()
                : Optional.of(ObjectOwnership.of(ownership).orElse(ObjectOwnership.BUCKET_OWNER_ENFORCED));
        // a bucket has no owner line: its owner is the bucket's account
        return new BucketAclSettings(controls, StoredAcl.parse(document).ownedBy(Optional.empty()));
    }
}
