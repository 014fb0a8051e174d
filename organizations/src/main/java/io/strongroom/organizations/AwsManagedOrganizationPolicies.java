package io.strongroom.organizations;

/**
 * The AWS-managed policies every organization has: {@code FullAWSAccess}, attached by default wherever
 * SCPs are enabled, and {@code RCPFullAWSAccess}, attached wherever RCPs are enabled. Both allow
 * everything, so a new root, OU or account is unrestricted until a customer policy narrows it.
 */
public final class AwsManagedOrganizationPolicies {
    public static final String FULL_AWS_ACCESS_ID = "p-FullAWSAccess";
    public static final String RCP_FULL_AWS_ACCESS_ID = "p-RCPFullAWSAccess";

    public static final OrganizationPolicy FULL_AWS_ACCESS = new OrganizationPolicy(FULL_AWS_ACCESS_ID,
            arn(OrganizationPolicyType.SERVICE_CONTROL_POLICY, FULL_AWS_ACCESS_ID), "FullAWSAccess",
            "Allows access to every operation", OrganizationPolicyType.SERVICE_CONTROL_POLICY, true,
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
                    + "      \"Action\": \"*\",\n      \"Resource\": \"*\"\n    }\n  ]\n}");

    public static final OrganizationPolicy RCP_FULL_AWS_ACCESS = new OrganizationPolicy(RCP_FULL_AWS_ACCESS_ID,
            arn(OrganizationPolicyType.RESOURCE_CONTROL_POLICY, RCP_FULL_AWS_ACCESS_ID), "RCPFullAWSAccess",
            "Allows access to every operation", OrganizationPolicyType.RESOURCE_CONTROL_POLICY, true,
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
                    + "      \"Principal\": \"*\",\n      \"Action\": \"*\",\n      \"Resource\": \"*\"\n    }\n  ]\n}");

    private AwsManagedOrganizationPolicies() {
    }

    /** The policy attached by default wherever a policy type is enabled. */
    public static OrganizationPolicy fullAccess(OrganizationPolicyType type) {
        return switch (type) {
            case SERVICE_CONTROL_POLICY -> FULL_AWS_ACCESS;
            case RESOURCE_CONTROL_POLICY -> RCP_FULL_AWS_ACCESS;
        };
    }

    /** {@code arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess}. */
    public static String arn(OrganizationPolicyType type, String policyId) {
        return "arn:aws:organizations::aws:policy/" + type.arnSegment() + "/" + policyId;
    }
}
