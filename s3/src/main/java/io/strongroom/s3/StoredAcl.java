package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ACL kept on a bucket, an object version or a multipart upload: a canned ACL, or the explicit
 * grants that replace it, and for an object the account that owns it when that is not the bucket's
 * (Object Ownership ObjectWriter, or BucketOwnerPreferred without bucket-owner-full-control). A canned
 * ACL is kept by name because what it grants depends on whose it is ({@link CannedAcl#grants}).
 *
 * @param owner  the object's owner, when it is not the bucket's owner; always empty on a bucket
 * @param canned the canned ACL; {@link CannedAcl#PRIVATE} when {@code grants} are given
 * @param grants explicit grants, which replace the canned ACL's
 */
public record StoredAcl(Optional<String> owner, CannedAcl canned, Optional<List<AclGrant>> grants) {
    /** What a bucket or object has when nothing else was asked: its owner's full control. */
    public static final StoredAcl PRIVATE = new StoredAcl(Optional.empty(), CannedAcl.PRIVATE, Optional.empty());

    public StoredAcl {
        requireNonNull(owner, "owner");
        requireNonNull(canned, "canned");
        grants = grants.map(List::copyOf);
    }

    static StoredAcl of(RequestedAcl requested) {
        return new StoredAcl(Optional.empty(), requested.canned().orElse(CannedAcl.PRIVATE), requested.grants());
    }

    StoredAcl ownedBy(Optional<String> newOwner) {
        return new StoredAcl(newOwner, canned, grants);
    }

    public boolean isDefault() {
        return equals(PRIVATE);
    }

    /** The owner's account: the bucket's unless another one wrote the object and kept it. */
    String ownerAccount(String bucketOwnerAccountId) {
        return owner.orElse(bucketOwnerAccountId);
    }

    /** The grants, as GetBucketAcl and GetObjectAcl show them and authorisation weighs them. */
    List<AclGrant> grants(String bucketOwnerAccountId, boolean onBucket) {
        return grants.orElseGet(() -> canned.grants(ownerAccount(bucketOwnerAccountId), bucketOwnerAccountId, onBucket));
    }

    /** Whether anything is granted to anyone but the owner and the bucket's owner (log delivery included). */
    boolean grantsOthers(String bucketOwnerAccountId, boolean onBucket) {
        String ownerAccount = ownerAccount(bucketOwnerAccountId);
        return grants(bucketOwnerAccountId, onBucket).stream()
                .anyMatch(grant -> grant.grantsBeyond(ownerAccount, bucketOwnerAccountId));
    }

    boolean isPublic(String bucketOwnerAccountId, boolean onBucket) {
        return grants(bucketOwnerAccountId, onBucket).stream().anyMatch(AclGrant::isPublic);
    }

    // ---- as text, one name=value a line (grants as "grant=<PERMISSION> id <account>" or "... uri <group>")

    public String document() {
        StringBuilder text = new StringBuilder();
        owner.ifPresent(account -> text.append("owner=").append(account).append('\n'));
        text.append("acl=").append(canned.awsName()).append('\n');
        grants.ifPresent(list -> {
            text.append("grants=explicit\n");
            for (AclGrant grant : list) {
                text.append("grant=").append(grant.permission())
                        .append(grant.canonicalUserId() != null ? " id " + grant.canonicalUserId() : " uri " + grant.groupUri())
                        .append('\n');
            }
        });
        return text.toString();
    }

    /**
     * Reads {@link #document()}, or a bare canned ACL's name (as object ACLs were first kept). What it
     * cannot read is dropped, so a damaged document grants less, never more.
     */
    public static StoredAcl parse(String document) {
        if (!document.contains("=")) {
            return new StoredAcl(Optional.empty(), CannedAcl.of(document.strip()).orElse(CannedAcl.PRIVATE),
                    Optional.empty());
        }
        Optional<String> owner = Optional.empty();
        CannedAcl canned = CannedAcl.PRIVATE;
        boolean explicit = false;
        List<AclGrant> grants = new ArrayList<>();
        for (String line : document.split("\n")) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = line.substring(0, equals);
            String value = line.substring(equals + 1);
            switch (name) {
                case "owner" -> owner = Optional.of(value).filter(v -> !v.isEmpty());
                case "acl" -> canned = CannedAcl.of(value).orElse(CannedAcl.PRIVATE);
                case "grants" -> explicit = true;
                case "grant" -> grant(value).ifPresent(grants::add);
                default -> {
                    // another document's line (a bucket's ownership)
                }
            }
        }
        return new StoredAcl(owner, canned, explicit ? Optional.of(grants) : Optional.empty());
    }

    private static Optional<AclGrant> grant(String value) {
        String[] parts = value.split(" ", 3);
        if (parts.length != 3 || !AclGrant.PERMISSIONS.contains(parts[0])) {
            return Optional.empty();
        }
        return switch (parts[1]) {
            case "id" -> Optional.of(AclGrant.toAccount(parts[2], parts[0]));
            case "uri" -> Optional.of(AclGrant.toGroup(parts[2], parts[0]));
            default -> Optional.empty();
        };
    }
}
