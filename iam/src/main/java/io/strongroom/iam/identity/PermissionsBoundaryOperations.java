package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Put and Delete of the permissions boundary of users and roles. */
final class PermissionsBoundaryOperations {
    private final IdentityRepository repository;
    private final IdentityLookup lookup;
    private final IdentityTargetGuard targets;

    PermissionsBoundaryOperations(IdentityRepository repository, GuardedOperations guard) {
        this.repository = requireNonNull(repository, "repository");
        this.lookup = new IdentityLookup(repository);
        this.targets = new IdentityTargetGuard(lookup, guard);
    }

    void put(CallContext call, PrincipalKind kind, String name, String policyArn) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        IdentityLookup.policyArn(policyArn);
        String action = "iam:Put" + IdentityTarget.title(kind) + "PermissionsBoundary";
        targets.write(call, action, kind, name, Map.of("iam:PermissionsBoundary", List.of(policyArn)), target -> {
            lookup.attachablePolicy(account, policyArn);
            set(account, target, Optional.of(policyArn));
        });
    }

    void delete(CallContext call, PrincipalKind kind, String name) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        String action = "iam:Delete" + IdentityTarget.title(kind) + "PermissionsBoundary";
        targets.write(call, action, kind, name, target -> set(account, target, Optional.empty()));
    }

    private void set(String account, IdentityTarget target, Optional<String> policyArn) {
        switch (target.kind()) {
            case USER -> repository.setUserPermissionsBoundary(account, target.name(), policyArn);
            case ROLE -> repository.setRolePermissionsBoundary(account, target.name(), policyArn);
            case GROUP -> throw new IllegalArgumentException("groups have no permissions boundary");
        }
    }
}
