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
 */
public record RequestPrincipal(Set<String> aws, Set<String> services, Set<String> federated,
                               Set<String> canonicalUsers) {

    public RequestPrincipal {
        aws = Set.copyOf(aws);
        services = Set.copyOf(services);
        federated = Set.copyOf(federated);
        canonicalUsers = Set.copyOf(canonicalUsers);
    }

    /** {@code arn:aws:iam::<acct>:root}, the identifier that stands for a whole account. */
    public static String accountRoot(String accountId) {
        return "arn:aws:iam::" + requireNonNull(accountId, "accountId") + ":root";
    }

    /** An IAM user or the account root user: the account and the caller's own ARN. */
    public static RequestPrincipal iamIdentity(String accountId, String callerArn) {
        return new RequestPrincipal(ids(accountRoot(accountId), callerArn), Set.of(), Set.of(), Set.of());
    }

    /** A role session: a policy naming the account, the role or this very session matches it. */
    public static RequestPrincipal assumedRole(String accountId, String roleArn, String sessionArn) {
        return new RequestPrincipal(ids(accountRoot(accountId), roleArn, sessionArn), Set.of(), Set.of(), Set.of());
    }

    /** An AWS service acting on its own behalf, e.g. {@code lambda.amazonaws.com}. */
    public static RequestPrincipal service(String servicePrincipal) {
        return new RequestPrincipal(Set.of(), Set.of(servicePrincipal), Set.of(), Set.of());
    }

    /** An unauthenticated caller: only {@code "Principal": "*"} matches it. */
    public static RequestPrincipal anonymous() {
        return new RequestPrincipal(Set.of(), Set.of(), Set.of(), Set.of());
    }

    public boolean isAnonymous() {
        return aws.isEmpty() && services.isEmpty() && federated.isEmpty() && canonicalUsers.isEmpty();
    }

    private static Set<String> ids(String... ids) {
        Set<String> set = new LinkedHashSet<>();
        for (String id : ids) {
            set.add(requireNonNull(id));
        }
        return set;
    }
}
