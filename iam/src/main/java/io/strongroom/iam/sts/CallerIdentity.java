package io.strongroom.iam.sts;

/** The answer to GetCallerIdentity. */
public record CallerIdentity(String account, String arn, String userId) {
}
