package io.strongroom.iam.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * A managed policy: customer-managed ({@code accountId} is the owner) or AWS-managed
 * ({@code accountId} is {@code "aws"}, ARN {@code arn:aws:iam::aws:policy/…}).
 */
public record ManagedPolicy(
        String arn,
        String accountId,
        String policyName,
        String policyId,
        String path,
        Optional<String> description,
        String defaultVersionId,
        Instant createDate,
        Instant updateDate) {

    public boolean awsManaged() {
        return accountId.equals("aws");
    }
}
