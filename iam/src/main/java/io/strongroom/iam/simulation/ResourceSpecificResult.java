package io.strongroom.iam.simulation;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulation of one action on one resource.
 *
 * @param resourceName                 the resource ARN, or {@code *}
 * @param decision                     the decision for this resource
 * @param matchedStatements            the statements that decided it: the matching Deny statements of an
 *                                     explicit deny, the matching Allow statements of an allow, none for an
 *                                     implicit deny; never statements of the organization's guardrails
 * @param missingContextValues         condition keys that statements matching the request test but the
 *                                     simulation did not supply (guardrails' keys are not disclosed)
 * @param decisionDetails              per policy type ({@code IAM Policy}, {@code Resource Policy}) for a
 *                                     cross-account request; empty map within one account for a named
 *                                     resource; absent for {@code *} and when the guardrails denied
 * @param allowedByPermissionsBoundary present when a permissions boundary took part
 * @param allowedByOrganizations       present when the simulated principal's account is in an organization
 */
public record ResourceSpecificResult(String resourceName, EvalDecision decision,
                                     List<MatchedStatement> matchedStatements, List<String> missingContextValues,
                                     Optional<Map<String, EvalDecision>> decisionDetails,
                                     Optional<Boolean> allowedByPermissionsBoundary,
                                     Optional<Boolean> allowedByOrganizations) {
    public ResourceSpecificResult {
        requireNonNull(resourceName, "resourceName");
        requireNonNull(decision, "decision");
        matchedStatements = List.copyOf(matchedStatements);
        missingContextValues = List.copyOf(missingContextValues);
        decisionDetails = decisionDetails.map(details -> Collections.unmodifiableMap(new LinkedHashMap<>(details)));
        requireNonNull(allowedByPermissionsBoundary, "allowedByPermissionsBoundary");
        requireNonNull(allowedByOrganizations, "allowedByOrganizations");
    }
}
