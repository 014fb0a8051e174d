package io.strongroom.policy;

import java.util.List;

/**
 * The principal's own policies, grouped by type: what a principal carries to every request and what a
 * cache keeps per principal. Everything that depends on the request's target (the resource policy, the
 * SCP and RCP chains, cross-account or not) travels beside it in an {@link AccessScope}.
 *
 * @param identity   identity-based policies of the principal (inline and managed, user, groups, role)
 * @param boundaries the principal's permissions boundary, if any (empty list when none)
 * @param session    the session policy of an assumed-role session, if any
 */
public record PolicySet(List<NamedPolicy> identity, List<NamedPolicy> boundaries, List<NamedPolicy> session) {
    public PolicySet {
        identity = List.copyOf(identity);
        boundaries = List.copyOf(boundaries);
        session = List.copyOf(session);
    }

    public static PolicySet identityOnly(List<NamedPolicy> identity) {
        return new PolicySet(identity, List.of(), List.of());
    }
}
