package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.organizations.OrganizationGuard.Access;
import io.strongroom.organizations.OrganizationsErrors.ConstraintReason;
import io.strongroom.organizations.OrganizationsErrors.InputReason;
import java.util.List;
import java.util.Optional;

/**
 * CreatePolicy, UpdatePolicy, DeletePolicy, DescribePolicy, ListPolicies for service and resource
 * control policies. AWS-managed policies can be read and attached but never changed.
 */
final class PolicyOperations {
    static final int MAX_DESCRIPTION = 512;
    /** The AWS quota on policies of one type in an organization. */
    static final int MAX_POLICIES_PER_TYPE = 1_000;

    private final OrganizationsRepository repository;
    private final OrganizationGuard guard;

    PolicyOperations(OrganizationsRepository repository, OrganizationGuard guard) {
        this.repository = requireNonNull(repository, "repository");
        this.guard = requireNonNull(guard, "guard");
    }

    OrganizationPolicy create(CallContext call, String content, String description, String name, String type) {
        OrganizationPolicyType policyType = OrganizationsInput.policyType(type);
        OrganizationsInput.name(name);
        OrganizationsInput.length(description, 0, MAX_DESCRIPTION);
        PolicyContentRules.parse(content, policyType);
        return guard.change(call, Access.anyResource("CreatePolicy").withPolicyType(policyType), context -> {
            List<OrganizationPolicy> existing = repository.listPolicies(policyType);
            if (existing.stream().anyMatch(p -> p.name().equals(name))) {
                throw OrganizationsErrors.duplicatePolicy();
            }
            if (existing.size() >= MAX_POLICIES_PER_TYPE) {
                throw OrganizationsErrors.constraintViolation(ConstraintReason.POLICY_NUMBER_LIMIT_EXCEEDED);
            }
            String id = newId();
            OrganizationPolicy policy = new OrganizationPolicy(id, context.policyArn(policyType, id), name,
                    description, policyType, false, content);
            try {
                repository.insertPolicy(policy);
            } catch (DuplicateEntityException e) {
                throw OrganizationsErrors.duplicatePolicy();
            }
            return policy;
        });
    }

    /** Changes what is given of name, description and content; the rest stays. */
    OrganizationPolicy update(CallContext call, String policyId, Optional<String> name, Optional<String> description,
                              Optional<String> content) {
        OrganizationsInput.policyId(policyId);
        name.ifPresent(OrganizationsInput::name);
        description.ifPresent(d -> OrganizationsInput.length(d, 0, MAX_DESCRIPTION));
        return guard.change(call, access("UpdatePolicy", policyId), context -> {
            OrganizationPolicy policy = modifiable(policyId);
            content.ifPresent(c -> PolicyContentRules.parse(c, policy.type()));
            OrganizationPolicy updated = new OrganizationPolicy(policy.id(), policy.arn(), name.orElse(policy.name()),
                    description.orElse(policy.description()), policy.type(), false, content.orElse(policy.content()));
            boolean nameTaken = repository.listPolicies(policy.type()).stream()
                    .anyMatch(p -> p.name().equals(updated.name()) && !p.id().equals(policyId));
            if (nameTaken) {
                throw OrganizationsErrors.duplicatePolicy();
            }
            try {
                repository.updatePolicy(updated);
            } catch (DuplicateEntityException e) {
                throw OrganizationsErrors.duplicatePolicy();
            }
            return updated;
        });
    }

    void delete(CallContext call, String policyId) {
        OrganizationsInput.policyId(policyId);
        guard.change(call, access("DeletePolicy", policyId), context -> {
            modifiable(policyId);
            if (!repository.listAttachmentsForPolicy(policyId).isEmpty()) {
                throw OrganizationsErrors.policyInUse();
            }
            repository.deletePolicy(policyId);
            return null;
        });
    }

    OrganizationPolicy describe(CallContext call, String policyId) {
        OrganizationsInput.policyId(policyId);
        return guard.read(call, access("DescribePolicy", policyId), context -> find(repository, policyId));
    }

    /** A valid policy type Strongroom does not offer lists no policies. */
    Page<PolicySummary> list(CallContext call, String filter, PageRequest page) {
        Optional<OrganizationPolicyType> type = listingFilter(filter);
        Pages.validate(page);
        return guard.read(call, Access.anyResource("ListPolicies").withPolicyType(context -> type), context -> {
            List<PolicySummary> policies = type.map(repository::listPolicies).orElseGet(List::of).stream()
                    .map(PolicySummary::of)
                    .toList();
            return Pages.page(policies, PolicySummary::id, page);
        });
    }

    /** The policy type a listing filters on; empty for a model type Strongroom does not offer. */
    static Optional<OrganizationPolicyType> listingFilter(String filter) {
        OrganizationsInput.required(filter);
        Optional<OrganizationPolicyType> type = OrganizationPolicyType.fromWireName(filter);
        if (type.isEmpty() && !ModelPolicyTypes.isModelType(filter)) {
            throw OrganizationsErrors.invalidInput(InputReason.INVALID_ENUM_POLICY_TYPE);
        }
        return type;
    }

    /** Authorises on the policy's ARN (an SCP-shaped one when it does not exist) with its type. */
    Access access(String operation, String policyId) {
        return Access.of(operation, context -> arn(repository, context, policyId))
                .withPolicyType(context -> repository.findPolicy(policyId).map(OrganizationPolicy::type));
    }

    static String arn(OrganizationsRepository repository, OrganizationContext context, String policyId) {
        return repository.findPolicy(policyId).map(OrganizationPolicy::arn)
                .orElseGet(() -> context.policyArn(OrganizationPolicyType.SERVICE_CONTROL_POLICY, policyId));
    }

    static OrganizationPolicy find(OrganizationsRepository repository, String policyId) {
        return repository.findPolicy(policyId).orElseThrow(OrganizationsErrors::policyNotFound);
    }

    private OrganizationPolicy modifiable(String policyId) {
        OrganizationPolicy policy = find(repository, policyId);
        if (policy.awsManaged()) {
            throw OrganizationsErrors.invalidInput(InputReason.IMMUTABLE_POLICY);
        }
        return policy;
    }

    private String newId() {
        String id;
        do {
            id = OrganizationIds.policyId();
        } while (repository.findPolicy(id).isPresent());
        return id;
    }
}
