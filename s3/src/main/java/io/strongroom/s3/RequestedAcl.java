package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ACL a write asks for: a canned one ({@code x-amz-acl}) and whether explicit grants
 * ({@code x-amz-grant-*}) came with it.
 */
public record RequestedAcl(Optional<CannedAcl> canned, boolean explicitGrants) {
    public static final RequestedAcl NONE = new RequestedAcl(Optional.empty(), false);

    public RequestedAcl {
        requireNonNull(canned, "canned");
    }

    public boolean isEmpty() {
        return canned.isEmpty() && !explicitGrants;
    }

    /** {@code s3:x-amz-acl}, which bucket policies use to require bucket-owner-full-control. */
    Map<String, List<String>> conditionKeys() {
        return canned.map(acl -> Map.of("s3:x-amz-acl", List.of(acl.awsName()))).orElseGet(Map::of);
    }
}
