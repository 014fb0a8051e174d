package io.strongroom.iam.simulation;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulation of one action on every requested resource, as IAM now reports it: one result per
 * action whose top-level fields aggregate the resources (the strictest decision, the statements behind
 * it, every missing key) and whose {@link #resourceSpecificResults} hold each resource's own answer.
 *
 * @param actionName                   the simulated action, as the request named it
 * @param resourceName                 the one simulated resource, or {@code *} when there were several
 *                                     (Strongroom keeps no catalogue of ARN templates per action, and
 *                                     {@code *} is IAM's answer where it has none)
 * @param decision                     the strictest decision over the resources
 * @param matchedStatements            the statements of the resources whose decision is {@link #decision}
 * @param missingContextValues         every resource's missing keys, each once
 * @param allowedByOrganizations       whether the guardrails let every resource through; present when the
 *                                     simulated principal's account is in an organization
 * @param allowedByPermissionsBoundary whether the boundary allows every resource; present with a boundary
 * @param decisionDetails              per policy type, the strictest over the resources that report one
 * @param resourceSpecificResults      one per resource when the request named resources; empty for {@code *}
 */
public record EvaluationResult(String actionName, String resourceName, EvalDecision decision,
                               List<MatchedStatement> matchedStatements, List<String> missingContextValues,
                               Optional<Boolean> allowedByOrganizations,
                               Optional<Boolean> allowedByPermissionsBoundary,
                               Optional<Map<String, EvalDecision>> decisionDetails,
                               List<ResourceSpecificResult> resourceSpecificResults) {
    public EvaluationResult {
        requireNonNull(actionName, "actionName");
        requireNonNull(resourceName, "resourceName");
        requireNonNull(decision, "decision");
        matchedStatements = List.copyOf(matchedStatements);
        missingContextValues = List.copyOf(missingContextValues);
        requireNonNull(allowedByOrganizations, "allowedByOrganizations");
        requireNonNull(allowedByPermissionsBoundary, "allowedByPermissionsBoundary");
        decisionDetails = decisionDetails.map(details -> Collections.unmodifiableMap(new LinkedHashMap<>(details)));
        resourceSpecificResults = List.copyOf(resourceSpecificResults);
    }
}
