package io.strongroom.organizations;

/** The model's PolicySummary shape: a policy without its content. */
public record PolicySummary(String id, String arn, String name, String description, OrganizationPolicyType type,
                            boolean awsManaged) {
    public static PolicySummary of(OrganizationPolicy policy) {
        return new PolicySummary(policy.id(), policy.arn(), policy.name(), policy.description(), policy.type(),
                policy.awsManaged());
    }
}
