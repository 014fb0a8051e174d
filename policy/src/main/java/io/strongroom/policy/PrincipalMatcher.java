package io.strongroom.policy;

import java.util.Set;

/**
 * A compiled Principal (or NotPrincipal) element. {@code "*"} matches every caller, anonymous ones
 * too; {@code {"AWS": "*"}} matches every authenticated AWS principal; other values match exactly
 * (a bare account id was normalised to the account root ARN when parsed). Partial wildcards are not
 * part of the Principal grammar.
 */
record PrincipalMatcher(boolean everyone, boolean anyAws, Set<String> aws, Set<String> services,
                        Set<String> federated, Set<String> canonicalUsers) {

    static final PrincipalMatcher EVERYONE =
            new PrincipalMatcher(true, false, Set.of(), Set.of(), Set.of(), Set.of());

    boolean matches(RequestPrincipal principal) {
        if (everyone) {
            return true;
        }
        if (anyAws && !principal.aws().isEmpty()) {
            return true;
        }
        return intersects(aws, principal.aws()) || intersects(services, principal.services())
                || intersects(federated, principal.federated())
                || intersects(canonicalUsers, principal.canonicalUsers());
    }

    private static boolean intersects(Set<String> policy, Set<String> request) {
        if (policy.isEmpty() || request.isEmpty()) {
            return false;
        }
        for (String id : request) {
            if (policy.contains(id)) {
                return true;
            }
        }
        return false;
    }
}
