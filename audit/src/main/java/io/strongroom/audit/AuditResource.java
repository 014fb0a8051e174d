package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

/**
 * An entry of CloudTrail's {@code resources}: a resource the call touched.
 *
 * @param arn       the resource's ARN (written as {@code ARN})
 * @param accountId the account that owns it; null when unknown
 * @param type      for example {@code AWS::S3::Bucket}
 */
public record AuditResource(String arn, String accountId, String type) {
    public AuditResource {
        requireNonNull(arn, "arn");
        requireNonNull(type, "type");
    }

    void writeCanonical(StringBuilder out) {
        new CanonicalJson.OrderedObject(out).member("ARN", arn).memberIfPresent("accountId", accountId)
                .member("type", type).end();
    }
}
