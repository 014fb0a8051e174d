package io.strongroom.iam.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An IAM role. {@code roleId} is the unique {@code AROA…} id; {@code maxSessionDuration} is in
 * seconds (3600 to 43200).
 */
public record Role(
        String accountId,
        String roleName,
        String roleId,
        String path,
        String arn,
        Instant createDate,
        String assumeRolePolicyDocument,
        Optional<String> description,
        int maxSessionDuration,
        Optional<String> permissionsBoundaryArn,
        Map<String, String> tags) {

    public Role {
        tags = Map.copyOf(tags);
    }
}
