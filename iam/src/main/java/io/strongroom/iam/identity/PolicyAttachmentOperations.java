package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Attach, Detach and ListAttached of managed policies for users, groups and roles. */
final class PolicyAttachmentOperations {
    static final int MAX_ATTACHED = 10;

    private final IdentityRepository repository;
    private final IdentityLookup lookup;
    private final IdentityTargetGuard targets;

    PolicyAttachmentOperations(IdentityRepository repository, GuardedOperations guard) {
        this.repository = requireNonNull(repository, "repository");
        this.lookup = new IdentityLookup(repository);
        this.targets = new IdentityTargetGuard(lookup, guard);
    }

    void attach(CallContext call, PrincipalKind kind, String name, String policyArn) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        IdentityLookup.policyArn(policyArn);
        String action = "iam:Attach" + IdentityTarget.title(kind) + "Policy";
        targets.write(call, action, kind, name, Map.of("iam:PolicyARN", List.of(policyArn)), target -> {
            ManagedPolicy policy = lookup.attachablePolicy(account, policyArn);
            List<String> attached = repository.listAttachedPolicies(account, kind, target.name());
            if (attached.contains(policy.arn())) {
                return;
            }
            if (attached.size() >= MAX_ATTACHED) {
                throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPer"
                        + IdentityTarget.title(kind) + ": " + MAX_ATTACHED);
            }
            repository.attachPolicy(account, kind, target.name(), policy.arn());
        });
    }

    void detach(CallContext call, PrincipalKind kind, String name, String policyArn) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        IdentityLookup.policyArn(policyArn);
        String action = "iam:Detach" + IdentityTarget.title(kind) + "Policy";
        targets.write(call, action, kind, name, Map.of("iam:PolicyARN", List.of(policyArn)), target -> {
            if (!repository.detachPolicy(account, kind, target.name(), policyArn)) {
                throw IamErrors.noSuchEntity("Policy " + policyArn + " was not found.");
            }
        });
    }

    Page<AttachedPolicy> list(CallContext call, PrincipalKind kind, String name, Optional<String> pathPrefix,
                              PageRequest page) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        String prefix = InputValidator.pathPrefix("pathPrefix", pathPrefix.orElse("/"));
        InputValidator.maxItems(page);
        String action = "iam:ListAttached" + IdentityTarget.title(kind) + "Policies";
        return targets.read(call, action, kind, name, target -> {
            List<AttachedPolicy> attached = attachedPolicies(account, kind, target.name()).stream()
                    .filter(p -> p.path().startsWith(prefix))
                    .map(p -> new AttachedPolicy(p.policyName(), p.arn()))
                    .toList();
            return InMemoryPages.page(attached, AttachedPolicy::policyName, page);
        });
    }

    List<ManagedPolicy> attachedPolicies(String account, PrincipalKind kind, String name) {
        return repository.listAttachedPolicies(account, kind, name).stream()
                .map(repository::findManagedPolicy)
                .flatMap(Optional::stream)
                .toList();
    }
}
