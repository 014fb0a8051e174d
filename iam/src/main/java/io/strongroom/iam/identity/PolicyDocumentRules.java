package io.strongroom.iam.identity;

import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;

/**
 * Validates documents as IAM does when they are saved: identity policies name no principal, trust
 * policies must, managed policies declare version 2012-10-17. Documents are kept byte-exact;
 * parsing only validates them.
 */
public final class PolicyDocumentRules {
    private PolicyDocumentRules() {
    }

    /** An inline policy of a user, group or role, or a session policy. */
    public static PolicyDocument inlinePolicy(String json) {
        InputValidator.policyDocument("policyDocument", json);
        return PolicyDocument.parse(json, PolicyKind.IDENTITY);
    }

    public static PolicyDocument managedPolicy(String json) {
        InputValidator.policyDocument("policyDocument", json);
        return PolicyDocument.parseManaged(json);
    }

    public static PolicyDocument trustPolicy(String json) {
        InputValidator.policyDocument("assumeRolePolicyDocument", json);
        return PolicyDocument.parse(json, PolicyKind.TRUST);
    }
}
