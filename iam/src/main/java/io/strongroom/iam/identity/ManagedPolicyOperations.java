package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Ids;
import io.strongroom.iam.auth.CallContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Customer-managed policies and their versions; AWS-managed ones are read-only. */
final class ManagedPolicyOperations {
    static final int MAX_POLICY_NAME = 128;
    static final int MAX_VERSIONS = 5;
    private static final Set<String> SCOPES = Set.of("All", "AWS", "Local");

    private final IdentityRepository repository;
    private final IdentityLookup lookup;
    private final GuardedOperations guard;
    private final Clock clock;

    ManagedPolicyOperations(IdentityRepository repository, GuardedOperations guard, Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.lookup = new IdentityLookup(repository);
        this.guard = requireNonNull(guard, "guard");
        this.clock = requireNonNull(clock, "clock");
    }

    PolicyInfo create(CallContext call, String policyName, String document, Optional<String> path,
                      Optional<String> description) {
        String account = call.principal().accountId();
        InputValidator.name("policyName", policyName, MAX_POLICY_NAME);
        String policyPath = InputValidator.path("path", path.orElse("/"));
        description.ifPresent(d -> InputValidator.length("description", d, 0, 1000));
        PolicyDocumentRules.managedPolicy(document);
        requireSize(document);
        String arn = IamArns.policy(account, policyPath, policyName);
        return guard.write(call, "iam:CreatePolicy", arn, Map.of(), () -> {
            Instant now = clock.instant();
            ManagedPolicy policy = new ManagedPolicy(arn, account, policyName, Ids.uniqueId(Ids.POLICY_PREFIX),
                    policyPath, description, "v1", now, now);
            try {
                repository.insertManagedPolicy(policy, new PolicyVersion(arn, "v1", document, true, now));
            } catch (DuplicateEntityException e) {
                throw IamErrors.entityAlreadyExists("A policy called " + policyName
                        + " already exists. Duplicate names are not allowed.");
            }
            return new PolicyInfo(policy, 0, 0);
        });
    }

    PolicyInfo get(CallContext call, String policyArn) {
        String account = call.principal().accountId();
        IdentityLookup.policyArn(policyArn);
        return guard.read(call, "iam:GetPolicy", policyArn,
                () -> info(lookup.policy(account, policyArn, "Policy " + policyArn + " was not found.")));
    }

    Page<PolicyInfo> list(CallContext call, Optional<String> scope, boolean onlyAttached, Optional<String> pathPrefix,
                          PageRequest page) {
        String account = call.principal().accountId();
        String policyScope = scope.orElse("All");
        if (!SCOPES.contains(policyScope)) {
            throw IamErrors.validation("1 validation error detected: Value '" + policyScope
                    + "' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]");
        }
        String prefix = InputValidator.pathPrefix("pathPrefix", pathPrefix.orElse("/"));
        int maxItems = InputValidator.maxItems(page);
        return guard.read(call, "iam:ListPolicies", IamArns.collection(account, "policy"), () -> {
            Page<ManagedPolicy> policies = repository.listManagedPolicies(account, policyScope, onlyAttached, prefix,
                    page.marker(), maxItems);
            return new Page<>(policies.items().stream().map(this::info).toList(), policies.marker());
        });
    }

    void delete(CallContext call, String policyArn) {
        String account = call.principal().accountId();
        IdentityLookup.policyArn(policyArn);
        guard.write(call, "iam:DeletePolicy", policyArn, () -> {
            ManagedPolicy policy = modifiable(account, policyArn);
            if (repository.countAttachments(policyArn) > 0 || repository.countBoundaryUses(policyArn) > 0) {
                throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (repository.listPolicyVersions(policy.arn()).size() > 1) {
                throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy, you"
                        + " must delete the policy's versions. The default version is deleted with the policy.");
            }
            repository.deleteManagedPolicy(policy.arn());
        });
    }

    PolicyVersion createVersion(CallContext call, String policyArn, String document, boolean setAsDefault) {
        String account = call.principal().accountId();
        IdentityLookup.policyArn(policyArn);
        PolicyDocumentRules.managedPolicy(document);
        requireSize(document);
        return guard.write(call, "iam:CreatePolicyVersion", policyArn, Map.of(), () -> {
            ManagedPolicy policy = modifiable(account, policyArn);
            // The repository numbers the version from the policy's stored counter, so ids are never
            // reused. Counting after the insert lets the store serialise concurrent creates on the
            // counter; over the limit, the transaction rolls the insert (and the counter) back.
            PolicyVersion version = repository.insertPolicyVersion(policy.arn(), document, setAsDefault, clock.instant())
                    .orElseThrow(() -> IamErrors.noSuchEntity("Policy " + policyArn + " was not found."));
            if (repository.listPolicyVersions(policy.arn()).size() > MAX_VERSIONS) {
                throw IamErrors.limitExceeded("A managed policy can have up to " + MAX_VERSIONS
                        + " versions. Before you create a new version, you must delete an existing version.");
            }
            return version;
        });
    }

    PolicyVersion getVersion(CallContext call, String policyArn, String versionId) {
        String account = call.principal().accountId();
        IdentityLookup.policyArn(policyArn);
        InputValidator.versionId("versionId", versionId);
        return guard.read(call, "iam:GetPolicyVersion", policyArn, () -> {
            ManagedPolicy policy = lookup.policy(account, policyArn, versionNotFound(policyArn, versionId));
            return repository.findPolicyVersion(policy.arn(), versionId)
                    .orElseThrow(() -> IamErrors.noSuchEntity(versionNotFound(policyArn, versionId)));
        });
    }

    List<PolicyVersion> listVersions(CallContext call, String policyArn) {
        String account = call.principal().accountId();
        IdentityLookup.policyArn(policyArn);
        return guard.read(call, "iam:ListPolicyVersions", policyArn, () -> {
            ManagedPolicy policy = lookup.policy(account, policyArn, "Policy " + policyArn + " was not found.");
            return repository.listPolicyVersions(policy.arn());
        });
    }

    void deleteVersion(CallContext call, String policyArn, String versionId) {
        String account = call.principal().accountId();
        IdentityLookup.policyArn(policyArn);
        InputValidator.versionId("versionId", versionId);
        guard.write(call, "iam:DeletePolicyVersion", policyArn, () -> {
            ManagedPolicy policy = modifiable(account, policyArn);
            PolicyVersion version = repository.findPolicyVersion(policy.arn(), versionId)
                    .orElseThrow(() -> IamErrors.noSuchEntity(versionNotFound(policyArn, versionId)));
            if (version.isDefault()) {
                throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
            }
            repository.deletePolicyVersion(policy.arn(), versionId);
        });
    }

    void setDefaultVersion(CallContext call, String policyArn, String versionId) {
        String account = call.principal().accountId();
        IdentityLookup.policyArn(policyArn);
        InputValidator.versionId("versionId", versionId);
        guard.write(call, "iam:SetDefaultPolicyVersion", policyArn, () -> {
            ManagedPolicy policy = modifiable(account, policyArn);
            repository.findPolicyVersion(policy.arn(), versionId)
                    .orElseThrow(() -> IamErrors.noSuchEntity(versionNotFound(policyArn, versionId)));
            repository.setDefaultPolicyVersion(policy.arn(), versionId, clock.instant());
        });
    }

    PolicyInfo info(ManagedPolicy policy) {
        return new PolicyInfo(policy, repository.countAttachments(policy.arn()),
                repository.countBoundaryUses(policy.arn()));
    }

    private ManagedPolicy modifiable(String account, String policyArn) {
        ManagedPolicy policy = lookup.policy(account, policyArn, "Policy " + policyArn + " was not found.");
        if (policy.awsManaged()) {
            throw IamErrors.unmodifiableEntity("Cannot perform the operation on the AWS managed policy "
                    + policy.policyName() + ".");
        }
        return policy;
    }

    private static void requireSize(String document) {
        if (PolicySize.of(document) > PolicySize.MANAGED_POLICY_LIMIT) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PolicySize: " + PolicySize.MANAGED_POLICY_LIMIT);
        }
    }

    private static String versionNotFound(String policyArn, String versionId) {
        return "Policy " + policyArn + " version " + versionId + " does not exist or is not attachable.";
    }
}
