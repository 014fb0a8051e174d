package io.strongroom.iam.access;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.Session;
import io.strongroom.iam.cache.ExpiringCache;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.InlinePolicy;
import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.iam.identity.Role;
import io.strongroom.iam.identity.User;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;
import io.strongroom.policy.PolicySet;
import io.strongroom.policy.PolicyType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gathers every policy that bears on a principal: for a user its inline and attached policies and
 * those of each of its groups, plus its permissions boundary; for a role session the role's inline
 * and attached policies, its boundary and the session policy. A principal whose identity no longer
 * exists (deleted, or deleted and re-created under the same name) gets no policies at all.
 */
final class PrincipalPolicyLoader {
    private final IdentityRepository repository;
    /** Parsed documents by their text: content-addressed, so they never go stale. */
    private final ExpiringCache<String, PolicyDocument> parsed;

    PrincipalPolicyLoader(IdentityRepository repository, Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.parsed = new ExpiringCache<>(clock, Duration.ofMinutes(10), 4096);
    }

    PolicySet load(Principal principal) {
        return switch (principal.type()) {
            case ROOT -> PolicySet.identityOnly(List.of());
            case IAM_USER -> repository.findUserById(principal.principalId())
                    .filter(u -> u.accountId().equals(principal.accountId()))
                    .map(this::forUser)
                    .orElseGet(() -> PolicySet.identityOnly(List.of()));
            case ASSUMED_ROLE -> principal.session()
                    .flatMap(session -> repository.findRole(principal.accountId(), principal.name())
                            .filter(role -> role.roleId().equals(session.roleId()))
                            .map(role -> forSession(role, session)))
                    .orElseGet(() -> PolicySet.identityOnly(List.of()));
        };
    }

    private PolicySet forUser(User user) {
        String account = user.accountId();
        List<NamedPolicy> identity = new ArrayList<>(policiesOf(account, PrincipalKind.USER, user.userName()));
        repository.listGroupsForUser(account, user.userName())
                .forEach(group -> identity.addAll(policiesOf(account, PrincipalKind.GROUP, group.groupName())));
        return new PolicySet(identity, boundary(user.permissionsBoundaryArn()), List.of());
    }

    private PolicySet forSession(Role role, Session session) {
        List<NamedPolicy> identity = policiesOf(role.accountId(), PrincipalKind.ROLE, role.roleName());
        List<NamedPolicy> sessionPolicies = session.sessionPolicy()
                .map(json -> List.of(new NamedPolicy(PolicyType.SESSION, "session-policy", parse(json))))
                .orElse(List.of());
        return new PolicySet(identity, boundary(role.permissionsBoundaryArn()), sessionPolicies);
    }

    private List<NamedPolicy> policiesOf(String account, PrincipalKind kind, String name) {
        List<NamedPolicy> policies = new ArrayList<>();
        String prefix = kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + name + "/";
        for (InlinePolicy inline : repository.listInlinePolicies(account, kind, name)) {
            policies.add(new NamedPolicy(PolicyType.IDENTITY, prefix + inline.policyName(), parse(inline.document())));
        }
        for (String arn : repository.listAttachedPolicies(account, kind, name)) {
            defaultDocument(arn).ifPresent(doc -> policies.add(new NamedPolicy(PolicyType.IDENTITY, arn, doc)));
        }
        return policies;
    }

    private List<NamedPolicy> boundary(Optional<String> boundaryArn) {
        // A boundary that names a policy which cannot be read allows nothing: deny on doubt.
        return boundaryArn.map(arn -> List.of(new NamedPolicy(PolicyType.PERMISSIONS_BOUNDARY, arn,
                        defaultDocument(arn).orElseGet(() -> PolicyDocument.denyAll(PolicyKind.IDENTITY)))))
                .orElseGet(List::of);
    }

    private Optional<PolicyDocument> defaultDocument(String policyArn) {
        return repository.findManagedPolicy(policyArn)
                .flatMap(policy -> repository.findPolicyVersion(policy.arn(), policy.defaultVersionId()))
                .map(version -> parse(version.document()));
    }

    private PolicyDocument parse(String json) {
        return parsed.get(json, PolicyDocument::parse);
    }
}
