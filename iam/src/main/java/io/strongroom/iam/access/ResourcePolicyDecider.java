package io.strongroom.iam.access;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.policy.Decision;
import io.strongroom.policy.PolicyType;
import java.util.List;
import java.util.Map;

/**
 * The extension point for access to another account's resources: a caller's identity-based policies
 * must allow it and so must the resource's own policy (a bucket or key policy). Until resources with
 * policies exist, {@link #NONE} allows nothing across accounts.
 */
@FunctionalInterface
public interface ResourcePolicyDecider {
    /** No resource-based policies: every cross-account request is denied. */
    ResourcePolicyDecider NONE = (call, action, resourceArn, conditionKeys) -> Decision.implicitDeny(PolicyType.RESOURCE);

    /**
     * The decision of the resource's policy on a request from another account.
     *
     * @param conditionKeys the request's complete condition keys, global ones included
     */
    Decision decide(CallContext call, String action, String resourceArn, Map<String, List<String>> conditionKeys);
}
