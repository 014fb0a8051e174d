package io.strongroom.iam.identity;

/** A policy embedded in a user, group or role. */
public record InlinePolicy(String accountId, PrincipalKind kind, String principalName, String policyName, String document) {
}
