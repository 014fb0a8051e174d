package io.strongroom.organizations;

import java.util.List;

/**
 * The model's Organization shape, as DescribeOrganization returns it.
 *
 * @param featureSet           always {@code ALL}: Strongroom organizations have every feature
 * @param availablePolicyTypes deprecated in the model; the policy types enabled on the root
 */
public record OrganizationDescription(String id, String arn, String featureSet, String masterAccountArn,
                                      String masterAccountId, String masterAccountEmail,
                                      List<PolicyTypeSummary> availablePolicyTypes) {
    public OrganizationDescription {
        availablePolicyTypes = List.copyOf(availablePolicyTypes);
    }
}
