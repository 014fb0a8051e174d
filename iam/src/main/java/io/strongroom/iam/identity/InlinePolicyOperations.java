package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;

/** Put, Get, List and Delete of policies embedded in users, groups and roles. */
final class InlinePolicyOperations {
    static final int MAX_POLICY_NAME = 128;

    private final IdentityRepository repository;
    private final IdentityTargetGuard targets;

    InlinePolicyOperations(IdentityRepository repository, GuardedOperations guard) {
        this.repository = requireNonNull(repository, "repository");
        this.targets = new IdentityTargetGuard(new IdentityLookup(repository), guard);
    }

    void put(CallContext call, PrincipalKind kind, String name, String policyName, String document) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        InputValidator.name("policyName", policyName, MAX_POLICY_NAME);
        PolicyDocumentRules.inlinePolicy(document);
        targets.write(call, action("Put", kind), kind, name, target -> {
            int otherSize = repository.listInlinePolicies(account, kind, target.name()).stream()
                    .filter(p -> !p.policyName().equalsIgnoreCase(policyName))
                    .mapToInt(p -> PolicySize.of(p.document())).sum();
            int limit = PolicySize.inlineLimit(kind);
            if (otherSize + PolicySize.of(document) > limit) {
                throw IamErrors.limitExceeded("Maximum policy size of " + limit + " bytes exceeded for "
                        + IdentityTarget.lower(kind) + " " + target.name());
            }
            repository.putInlinePolicy(new InlinePolicy(account, kind, target.name(), policyName, document));
        });
    }

    InlinePolicy get(CallContext call, PrincipalKind kind, String name, String policyName) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        InputValidator.name("policyName", policyName, MAX_POLICY_NAME);
        return targets.read(call, action("Get", kind), kind, name, target -> {
            return repository.findInlinePolicy(account, kind, target.name(), policyName)
                    .orElseThrow(() -> notFound(kind, policyName));
        });
    }

    Page<String> list(CallContext call, PrincipalKind kind, String name, PageRequest page) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        InputValidator.maxItems(page);
        String action = "iam:List" + IdentityTarget.title(kind) + "Policies";
        return targets.read(call, action, kind, name, target -> {
            var names = repository.listInlinePolicies(account, kind, target.name()).stream()
                    .map(InlinePolicy::policyName).toList();
            return InMemoryPages.page(names, n -> n, page);
        });
    }

    void delete(CallContext call, PrincipalKind kind, String name, String policyName) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        InputValidator.name("policyName", policyName, MAX_POLICY_NAME);
        targets.write(call, action("Delete", kind), kind, name, target -> {
            if (!repository.deleteInlinePolicy(account, kind, target.name(), policyName)) {
                throw notFound(kind, policyName);
            }
        });
    }

    private static String action(String verb, PrincipalKind kind) {
        return "iam:" + verb + IdentityTarget.title(kind) + "Policy";
    }

    private static io.strongroom.core.AwsException notFound(PrincipalKind kind, String policyName) {
        return IamErrors.noSuchEntity("The " + IdentityTarget.lower(kind) + " policy with name " + policyName
                + " cannot be found.");
    }
}
