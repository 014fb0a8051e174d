package io.strongroom.organizations;

import java.util.List;

/** The model's Root shape: the root and the policy types enabled on it. */
public record RootDescription(String id, String arn, String name, List<PolicyTypeSummary> policyTypes) {
    public RootDescription {
        policyTypes = List.copyOf(policyTypes);
    }
}
