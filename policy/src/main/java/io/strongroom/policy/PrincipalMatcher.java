package io.strongroom.policy;

import java.util.HashSet;
import java.util.Set;

/**
 * A compiled Principal (or NotPrincipal) element. {@code "*"} matches every caller, anonymous ones
 * too; {@code {"AWS": "*"}} matches every authenticated AWS principal; other values match exactly
 * (a bare account id was normalised to the account root ARN when parsed). Partial wildcards are not
 * part of the Principal grammar.
 *
 * <p>Within one account it matters <em>how</em> a resource-based policy names the caller: naming the
 * user or the role session grants to that principal directly, naming the role grants to the role (and
 * so stays under the role's permissions boundary and session policies), and naming the account only
 * delegates to the account's identity-based policies. {@link #match} answers with the strongest of these.
 */
final class PrincipalMatcher {
    /** The caller is not named. */
    static final int NONE = 0;
    /** The caller's account is named (its root ARN or bare id): the account's IAM policies decide. */
    static final int ACCOUNT = 1;
    /** The caller's role is named: a grant to the role, bounded by its boundary and session policies. */
    static final int ROLE = 2;
    /** The caller itself is named (user, role session, service, {@code *}…): a grant to the caller. */
    static final int DIRECT = 3;

    static final PrincipalMatcher EVERYONE =
            new PrincipalMatcher(true, false, Set.of(), Set.of(), Set.of(), Set.of());

    private final boolean everyone;
    private final boolean anyAws;
    private final Set<String> directAws;
    private final Set<String> roles;
    private final Set<String> accounts;
    private final Set<String> services;
    private final Set<String> federated;
    private final Set<String> canonicalUsers;

    PrincipalMatcher(boolean everyone, boolean anyAws, Set<String> aws, Set<String> services, Set<String> federated,
                     Set<String> canonicalUsers) {
        this.everyone = everyone;
        this.anyAws = anyAws;
        Set<String> direct = new HashSet<>();
        Set<String> roleArns = new HashSet<>();
        Set<String> accountRoots = new HashSet<>();
        for (String id : aws) {
            switch (classify(id)) {
                case ACCOUNT -> accountRoots.add(id);
                case ROLE -> roleArns.add(id);
                default -> direct.add(id);
            }
        }
        this.directAws = Set.copyOf(direct);
        this.roles = Set.copyOf(roleArns);
        this.accounts = Set.copyOf(accountRoots);
        this.services = Set.copyOf(services);
        this.federated = Set.copyOf(federated);
        this.canonicalUsers = Set.copyOf(canonicalUsers);
    }

    /** {@link #ACCOUNT} for {@code arn:…:iam::<acct>:root}, {@link #ROLE} for an IAM role ARN, else {@link #DIRECT}. */
    static int classify(String awsId) {
        // arn:partition:service:region:account:resource
        int[] colons = new int[5];
        int found = 0;
        for (int i = 0; i < awsId.length() && found < 5; i++) {
            if (awsId.charAt(i) == ':') {
                colons[found++] = i;
            }
        }
        if (found < 5 || !awsId.regionMatches(colons[1] + 1, "iam:", 0, 4)) {
            return DIRECT;
        }
        String resource = awsId.substring(colons[4] + 1);
        if (resource.equals("root")) {
            return ACCOUNT;
        }
        return resource.startsWith("role/") ? ROLE : DIRECT;
    }

    /** How this element names the caller: {@link #NONE}, {@link #ACCOUNT}, {@link #ROLE} or {@link #DIRECT}. */
    int match(RequestPrincipal principal) {
        if (everyone) {
            return DIRECT;
        }
        Set<String> callerAws = principal.aws();
        // For an anonymous caller IAM treats {"AWS": "*"} as "*".
        if (anyAws && (!callerAws.isEmpty() || principal.kind() == RequestPrincipal.Kind.ANONYMOUS)) {
            return DIRECT;
        }
        if (intersects(directAws, callerAws) || intersects(services, principal.services())
                || intersects(federated, principal.federated())
                || intersects(canonicalUsers, principal.canonicalUsers())) {
            return DIRECT;
        }
        if (intersects(roles, callerAws)) {
            return ROLE;
        }
        return intersects(accounts, callerAws) ? ACCOUNT : NONE;
    }

    /**
     * Whether a NotPrincipal element exempts the caller: IAM checks each of the caller's identities (the
     * account, then the role, then the session; or the account, then the user), so the caller is exempt only
     * when every one of them is listed. A NotPrincipal that lists a user but not the user's account still
     * applies to that user.
     */
    boolean namesEveryIdentityOf(RequestPrincipal caller) {
        if (everyone) {
            return true;
        }
        if (caller.isAnonymous()) {
            return anyAws;
        }
        for (String id : caller.aws()) {
            if (!anyAws && !directAws.contains(id) && !roles.contains(id) && !accounts.contains(id)) {
                return false;
            }
        }
        return services.containsAll(caller.services()) && federated.containsAll(caller.federated())
                && canonicalUsers.containsAll(caller.canonicalUsers());
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
