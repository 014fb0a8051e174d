package io.strongroom.iam.access;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Arn;
import io.strongroom.policy.NamedPolicy;
import java.util.Optional;

/**
 * The resource a request acts on, as authorisation needs to know it: its ARN, the account that owns
 * it and its resource-based policy, if it has one.
 *
 * @param arn                    the resource ARN, or {@code *} for actions without a resource
 * @param ownerAccount           the owning account; empty when the ARN does not say (an S3 bucket ARN
 *                               carries no account) and the service has not looked it up
 * @param policy                 the resource-based policy (role trust policy, key policy, bucket policy)
 * @param policyRequired         whether the resource policy must allow on its own even within the
 *                               owner's account, as role trust policies and KMS key policies must
 */
public record ProtectedResource(String arn, Optional<String> ownerAccount, Optional<NamedPolicy> policy,
                                boolean policyRequired) {

    public ProtectedResource {
        requireNonNull(arn, "arn");
        requireNonNull(ownerAccount, "ownerAccount");
        requireNonNull(policy, "policy");
    }

    /** A resource without a policy of its own, owned by the account its ARN names. */
    public static ProtectedResource of(String arn) {
        return new ProtectedResource(arn, accountNamedBy(arn), Optional.empty(), false);
    }

    /** A resource owned by the account its ARN names, with a policy that must allow on its own. */
    public static ProtectedResource withRequiredPolicy(String arn, NamedPolicy policy) {
        return new ProtectedResource(arn, accountNamedBy(arn), Optional.of(policy), true);
    }

    /** The 12-digit account an ARN names; empty for {@code *}, AWS-managed, wildcard and account-less ARNs. */
    static Optional<String> accountNamedBy(String arn) {
        if (!Arn.isArn(arn)) {
            return Optional.empty();
        }
        String account = Arn.parse(arn).accountId();
        return account.length() == 12 && account.chars().allMatch(Character::isDigit) ? Optional.of(account)
                : Optional.empty();
    }
}
