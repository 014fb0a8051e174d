package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ACL a write asks for: a canned one ({@code x-amz-acl}) or explicit grants ({@code x-amz-grant-*}
 * headers or an AccessControlPolicy), never both.
 *
 * @param statedOwner the Owner an AccessControlPolicy names: it must be the resource's owner already,
 *                    since an ACL never gives a bucket or an object away
 */
public record RequestedAcl(Optional<CannedAcl> canned, Optional<List<AclGrant>> grants, Optional<String> statedOwner) {
    public static final RequestedAcl NONE = new RequestedAcl(Optional.empty(), Optional.empty());

    public RequestedAcl {
        requireNonNull(canned, "canned");
        grants = grants.map(List::copyOf);
        requireNonNull(statedOwner, "statedOwner");
        if (canned.isPresent() && grants.isPresent()) {
            throw new IllegalArgumentException("a canned ACL or grants, not both");
        }
    }

    public RequestedAcl(Optional<CannedAcl> canned, Optional<List<AclGrant>> grants) {
        this(canned, grants, Optional.empty());
    }

    /** The grants of an AccessControlPolicy, which names the resource's owner. */
    public static RequestedAcl policy(List<AclGrant> grants, String owner) {
        return new RequestedAcl(Optional.empty(), Optional.of(grants), Optional.of(owner));
    }

    public static RequestedAcl canned(CannedAcl acl) {
        return new RequestedAcl(Optional.of(acl), Optional.empty());
    }

    public static RequestedAcl grants(List<AclGrant> grants) {
        return new RequestedAcl(Optional.empty(), Optional.of(grants));
    }

    public boolean isEmpty() {
        return canned.isEmpty() && grants.isEmpty();
    }

    public boolean explicitGrants() {
        return grants.isPresent();
    }

    /** {@code s3:x-amz-acl}, which bucket policies use to require bucket-owner-full-control. */
    Map<String, List<String>> conditionKeys() {
        return canned.map(acl -> Map.of("s3:x-amz-acl", List.of(acl.awsName()))).orElseGet(Map::of);
    }
}
