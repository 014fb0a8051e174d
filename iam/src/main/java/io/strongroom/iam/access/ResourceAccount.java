package io.strongroom.iam.access;

import io.strongroom.core.Arn;

/** Whose account a requested resource belongs to, as far as its ARN tells. */
enum ResourceAccount {
    /** The caller's own account. */
    CALLER,
    /** AWS's own ({@code arn:aws:iam::aws:policy/…}): readable and attachable from every account. */
    AWS_MANAGED,
    /** Another account: identity-based policies alone never grant access to it. */
    OTHER,
    /**
     * No account named: {@code *} (account-wide actions such as ListPolicies) or an ARN whose account
     * field is empty (S3 buckets). IAM and STS resources always carry an account.
     */
    UNNAMED;

    static ResourceAccount of(String resourceArn, String callerAccountId) {
        if (!Arn.isArn(resourceArn)) {
            return UNNAMED;
        }
        String account = Arn.parse(resourceArn).accountId();
        if (account.isEmpty()) {
            return UNNAMED;
        }
        if (account.equals("aws")) {
            return AWS_MANAGED;
        }
        return account.equals(callerAccountId) ? CALLER : OTHER;
    }
}
