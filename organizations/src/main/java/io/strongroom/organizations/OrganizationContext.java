package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.Organization;

/**
 * The organization a call works in, its single root, and the ARNs of its parts. Organizations
 * ARNs name the management account and the organization: {@code arn:aws:organizations::<mgmt>:ou/o-…/ou-…}.
 */
record OrganizationContext(Organization organization, Root root) {
    OrganizationContext {
        requireNonNull(organization, "organization");
        requireNonNull(root, "root");
    }

    String id() {
        return organization.id();
    }

    String managementAccountId() {
        return organization.managementAccountId();
    }

    String accountArn(String accountId) {
        return prefix() + "account/" + id() + "/" + accountId;
    }

    String organizationalUnitArn(String unitId) {
        return prefix() + "ou/" + id() + "/" + unitId;
    }

    String rootArn(String rootId) {
        return prefix() + "root/" + id() + "/" + rootId;
    }

    String policyArn(OrganizationPolicyType type, String policyId) {
        return prefix() + "policy/" + id() + "/" + type.arnSegment() + "/" + policyId;
    }

    /** The ARN of a root, OU or account, by the pattern of its id. */
    String targetArn(String targetId) {
        return switch (OrganizationsInput.targetType(targetId)) {
            case ROOT -> rootArn(targetId);
            case ORGANIZATIONAL_UNIT -> organizationalUnitArn(targetId);
            case ACCOUNT -> accountArn(targetId);
        };
    }

    private String prefix() {
        return "arn:aws:organizations::" + managementAccountId() + ":";
    }
}
