package io.strongroom.organizations;

import io.strongroom.core.AwsException;
import io.strongroom.organizations.OrganizationsErrors.ConstraintReason;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;

/**
 * Validates a policy's content as Organizations does when it is saved: at most 5,120 characters
 * (white space counts), then the policy grammar of its type. SCPs are identity-style documents (no
 * Principal); customer RCPs are resource-style Deny statements for {@code "Principal": "*"} only, as AWS
 * requires (only AWS's own RCPFullAWSAccess allows).
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

    /** A stored policy's document: AWS-managed ones were never customer input and follow the plain grammar. */
    public static PolicyDocument parseStored(OrganizationPolicy policy) {
        return policy.awsManaged() ? PolicyDocument.parse(policy.content(), evaluationKind(policy.type()))
                : parse(policy.content(), policy.type());
    }

    /** The grammar customer documents of a policy type follow. */
    public static PolicyKind kind(OrganizationPolicyType type) {
        return switch (type) {
            case SERVICE_CONTROL_POLICY -> PolicyKind.IDENTITY;
            case RESOURCE_CONTROL_POLICY -> PolicyKind.RESOURCE_CONTROL;
        };
    }

    /** The plain grammar of a policy type's documents (Allow statements included). */
    public static PolicyKind evaluationKind(OrganizationPolicyType type) {
        return switch (type) {
            case SERVICE_CONTROL_POLICY -> PolicyKind.IDENTITY;
            case RESOURCE_CONTROL_POLICY -> PolicyKind.RESOURCE;
        };
    }
}
