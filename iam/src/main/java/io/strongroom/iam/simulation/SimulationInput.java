package io.strongroom.iam.simulation;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * What SimulatePrincipalPolicy and SimulateCustomPolicy share, as the request gave it (the simulator
 * validates it).
 *
 * @param policyInputList                    identity-based policies to simulate (required, non-empty, for
 *                                           SimulateCustomPolicy; added to the entity's for SimulatePrincipalPolicy)
 * @param permissionsBoundaryPolicyInputList at most one boundary; it replaces the entity's own
 * @param actionNames                        {@code service:Operation} names, each simulated on every resource
 * @param resourceArns                       resource ARNs; none means {@code *}
 * @param resourcePolicy                     a resource-based policy every simulated resource is given
 * @param resourceOwner                      the account (id or {@code arn:aws:iam::<id>:root}) owning resources
 *                                           whose ARN names none, and the resource policy
 * @param callerArn                          the IAM user simulated as the caller
 * @param contextEntries                     the only condition-key values the simulation knows
 * @param resourceHandlingOption             an Amazon EC2 scenario; refused, as Strongroom serves no EC2
 * @param page                               MaxItems and Marker over the results (one per action)
 */
public record SimulationInput(List<String> policyInputList, List<String> permissionsBoundaryPolicyInputList,
                              List<String> actionNames, List<String> resourceArns, Optional<String> resourcePolicy,
                              Optional<String> resourceOwner, Optional<String> callerArn,
                              List<ContextEntry> contextEntries, Optional<String> resourceHandlingOption,
                              PageRequest page) {

    public SimulationInput {
        policyInputList = List.copyOf(policyInputList);
        permissionsBoundaryPolicyInputList = List.copyOf(permissionsBoundaryPolicyInputList);
        actionNames = List.copyOf(actionNames);
        resourceArns = List.copyOf(resourceArns);
        requireNonNull(resourcePolicy, "resourcePolicy");
        requireNonNull(resourceOwner, "resourceOwner");
        requireNonNull(callerArn, "callerArn");
        contextEntries = List.copyOf(contextEntries);
        requireNonNull(resourceHandlingOption, "resourceHandlingOption");
        requireNonNull(page, "page");
    }

    /** Only the actions: every other member left out, the first page. */
    public static SimulationInput actions(String... actionNames) {
        return new SimulationInput(List.of(), List.of(), List.of(actionNames), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), PageRequest.first());
    }

    public SimulationInput withPolicyInputs(String... documents) {
        return new SimulationInput(List.of(documents), permissionsBoundaryPolicyInputList, actionNames, resourceArns,
                resourcePolicy, resourceOwner, callerArn, contextEntries, resourceHandlingOption, page);
    }

    public SimulationInput withPermissionsBoundaryInputs(String... documents) {
        return new SimulationInput(policyInputList, List.of(documents), actionNames, resourceArns, resourcePolicy,
                resourceOwner, callerArn, contextEntries, resourceHandlingOption, page);
    }

    public SimulationInput withResources(String... arns) {
        return new SimulationInput(policyInputList, permissionsBoundaryPolicyInputList, actionNames, List.of(arns),
                resourcePolicy, resourceOwner, callerArn, contextEntries, resourceHandlingOption, page);
    }

    public SimulationInput withResourcePolicy(String document) {
        return new SimulationInput(policyInputList, permissionsBoundaryPolicyInputList, actionNames, resourceArns,
                Optional.of(document), resourceOwner, callerArn, contextEntries, resourceHandlingOption, page);
    }

    public SimulationInput withResourceOwner(String owner) {
        return new SimulationInput(policyInputList, permissionsBoundaryPolicyInputList, actionNames, resourceArns,
                resourcePolicy, Optional.of(owner), callerArn, contextEntries, resourceHandlingOption, page);
    }

    public SimulationInput withCallerArn(String arn) {
        return new SimulationInput(policyInputList, permissionsBoundaryPolicyInputList, actionNames, resourceArns,
                resourcePolicy, resourceOwner, Optional.of(arn), contextEntries, resourceHandlingOption, page);
    }

    public SimulationInput withContextEntries(ContextEntry... entries) {
        return new SimulationInput(policyInputList, permissionsBoundaryPolicyInputList, actionNames, resourceArns,
                resourcePolicy, resourceOwner, callerArn, List.of(entries), resourceHandlingOption, page);
    }

    public SimulationInput withResourceHandlingOption(String option) {
        return new SimulationInput(policyInputList, permissionsBoundaryPolicyInputList, actionNames, resourceArns,
                resourcePolicy, resourceOwner, callerArn, contextEntries, Optional.of(option), page);
    }

    public SimulationInput withPage(PageRequest request) {
        return new SimulationInput(policyInputList, permissionsBoundaryPolicyInputList, actionNames, resourceArns,
                resourcePolicy, resourceOwner, callerArn, contextEntries, resourceHandlingOption, request);
    }
}
