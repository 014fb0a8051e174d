package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

/**
 * A policy attached to a root, OU or account.
 *
 * @param targetId {@code r-…}, {@code ou-…} or a 12-digit account id
 */
public record PolicyAttachment(String policyId, String targetId, TargetType targetType) {
    public PolicyAttachment {
        requireNonNull(policyId, "policyId");
        requireNonNull(targetId, "targetId");
        requireNonNull(targetType, "targetType");
    }
}
