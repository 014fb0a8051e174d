package io.strongroom.iam.sts;

import java.util.Optional;

/**
 * The answer to AssumeRole.
 *
 * @param packedPolicySize percentage of the packed session policy and tags limit used
 */
public record AssumeRoleResult(TemporaryCredentials credentials, AssumedRoleUser assumedRoleUser,
                               int packedPolicySize, Optional<String> sourceIdentity) {
}
