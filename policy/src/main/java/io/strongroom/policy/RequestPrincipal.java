package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is asking, as the Principal element of a resource-based (e.g. role trust) policy sees it.
 *
 * @param aws            AWS identifiers: the account root ARN {@code arn:aws:iam::<acct>:root} (stands for
 *                       the whole account, also when a policy names the bare account id), the caller's
 *                       ARN and, for a role session, the role ARN and the assumed-role session ARN
 * @param services       service principals such as {@code ec2.amazonaws.com}
 * @param federated      federated identity providers (SAML/OIDC provider ARN or name)
 * @param canonicalUsers S3 canonical user ids
 * @param kind           what sort of caller this is; the evaluator needs it because guardrails and
 *                       identity policies do not apply to every kind (service principals, anonymous callers)
 */
public record RequestPrincipal(Set<String> aws, Set<String> services, Set<String> federated,
                               Set<String> canonicalUsers, Kind kind) {

    /** The sorts of caller the evaluation logic tells apart. */
    public enum Kind {
        /** The account root user: everything in its own account, still bound by SCPs and explicit denies. */
        ROOT,
        /** An IAM user. */
        IAM_USER,
        /** An assumed-role session (its policies are the role's, narrowed by session policies). */
        ROLE_SESSION,
        /** A federated identity (SAML or OIDC provider) asking to assume a role. */
        FEDERATED,
        /** An AWS service acting on its own behalf: only resource-based policies speak about it. */
        SERVICE,
        /** An unauthenticated caller. */
        ANONYMOUS
    }

    public RequestPrincipal {
        aws = Set.copyOf(aws);
        services = Set.copyOf(services);
        federated = Set.copyOf(federated);
        canonicalUsers = Set.copyOf(canonicalUsers);
        requireNonNull(kind, "kind");
    }

    /** A caller whose kind is read from its identifiers (a session ARN makes a role session, and so on). */
    public RequestPrincipal(Set<String> aws, Set<String> services, Set<String> federated, Set<String> canonicalUsers) {
        this(aws, services, federated, canonicalUsers, inferKind(aws, services, federated, canonicalUsers));
    }

    /** {@code arn:aws:iam::<acct>:root}, the identifier that stands for a whole account. */
    public static String accountRoot(String accountId) {
        return "arn:aws:iam::" + requireNonNull(accountId, "accountId") + ":root";
    }

    /** An IAM user or the account root user: the account and the caller's own ARN. */
    public static RequestPrincipal iamIdentity(String accountId, String callerArn) {
        String root = accountRoot(accountId);
        Kind kind = root.equals(callerArn) ? Kind.ROOT : Kind.IAM_USER;
        return new RequestPrincipal(ids(root, callerArn), Set.of(), Set.of(), Set.of(), kind);
    }

    /** The account root user of an account. */
    public static RequestPrincipal root(String accountId) {
        return iamIdentity(accountId, accountRoot(accountId));
    }

    /** A role session: a policy naming the account, the role or this very session matches it. */
    public static RequestPrincipal assumedRole(String accountId, String roleArn, String sessionArn) {
        return new RequestPrincipal(ids(accountRoot(accountId), roleArn, sessionArn), Set.of(), Set.of(), Set.of(),
                Kind.ROLE_SESSION);
    }

    /** An AWS service acting on its own behalf, e.g. {@code lambda.amazonaws.com}. */
    public static RequestPrincipal service(String servicePrincipal) {
        return new RequestPrincipal(Set.of(), Set.of(servicePrincipal), Set.of(), Set.of(), Kind.SERVICE);
    }

    /** An unauthenticated caller: only {@code "Principal": "*"} matches it. */
    public static RequestPrincipal anonymous() {
        return new RequestPrincipal(Set.of(), Set.of(), Set.of(), Set.of(), Kind.ANONYMOUS);
    }

    public boolean isAnonymous() {
        return aws.isEmpty() && services.isEmpty() && federated.isEmpty() && canonicalUsers.isEmpty();
    }

    private static Kind inferKind(Set<String> aws, Set<String> services, Set<String> federated,
                                  Set<String> canonicalUsers) {
        if (!aws.isEmpty()) {
            boolean session = false;
            boolean onlyRoot = true;
            for (String id : aws) {
                session |= id.contains(":assumed-role/");
                onlyRoot &= id.endsWith(":root");
            }
            return session ? Kind.ROLE_SESSION : onlyRoot ? Kind.ROOT : Kind.IAM_USER;
        }
        if (!services.isEmpty()) {
            return Kind.SERVICE;
        }
        if (!federated.isEmpty()) {
            return Kind.FEDERATED;
        }
        return canonicalUsers.isEmpty() ? Kind.ANONYMOUS : Kind.IAM_USER;
    }

    private static Set<String> ids(String... ids) {
        Set<String> set = new LinkedHashSet<>();
        for (String id : ids) {
            set.add(requireNonNull(id));
        }
        return set;
    }
}
