package io.strongroom.policy;

import java.util.List;

/**
 * Every policy that bears on one request, grouped by type. The foundation fills {@code identity},
 * {@code boundaries} and {@code session}; guardrails (SCP chain) and resource policies are added
 * by the organizations work without changing the evaluator's shape.
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
