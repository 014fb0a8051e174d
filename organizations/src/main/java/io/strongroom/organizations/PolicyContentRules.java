package io.strongroom.organizations;

import io.strongroom.core.AwsException;
import io.strongroom.organizations.OrganizationsErrors.ConstraintReason;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;

/**
 * Validates a policy's content as Organizations does when it is saved: at most 5,120 characters
 * (white space counts), then the policy grammar of its type. SCPs are identity-style documents (no
 * Principal); RCPs are resource-style (every statement names a Principal and a Resource).
 */
public final class PolicyContentRules {
    /** The quota on SCP and RCP documents, in characters including white space. */
    public static final int MAX_CONTENT_LENGTH = 5120;

    private PolicyContentRules() {
    }

    public static PolicyDocument parse(String content, OrganizationPolicyType type) {
        OrganizationsInput.length(content, 1, Integer.MAX_VALUE);
        if (content.codePointCount(0, content.length()) > MAX_CONTENT_LENGTH) {
            throw OrganizationsErrors.constraintViolation(ConstraintReason.POLICY_CONTENT_LIMIT_EXCEEDED);
        }
        try {
            return PolicyDocument.parse(content, kind(type));
        } catch (AwsException e) {
            throw OrganizationsErrors.malformedPolicyDocument(e.getMessage());
        }
    }

    /** The grammar a policy type's documents follow. */
    public static PolicyKind kind(OrganizationPolicyType type) {
        return switch (type) {
            case SERVICE_CONTROL_POLICY -> PolicyKind.IDENTITY;
            case RESOURCE_CONTROL_POLICY -> PolicyKind.RESOURCE;
        };
    }
}
