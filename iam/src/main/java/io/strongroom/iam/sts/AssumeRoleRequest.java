package io.strongroom.iam.sts;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.Tag;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of AssumeRole.
 *
 * @param durationSeconds 900 up to the role's MaxSessionDuration; 3600 when absent
 * @param policy          an inline session policy (JSON text)
 * @param tags            session tags; they override the role's tags of the same key
 */
public record AssumeRoleRequest(
        String roleArn,
        String roleSessionName,
        Optional<Integer> durationSeconds,
        Optional<String> externalId,
        Optional<String> policy,
        List<Tag> tags,
        Optional<String> sourceIdentity) {

    public AssumeRoleRequest {
        requireNonNull(roleArn, "roleArn");
        requireNonNull(roleSessionName, "roleSessionName");
        requireNonNull(durationSeconds, "durationSeconds");
        requireNonNull(externalId, "externalId");
        requireNonNull(policy, "policy");
        tags = List.copyOf(tags);
        requireNonNull(sourceIdentity, "sourceIdentity");
    }

    public static AssumeRoleRequest of(String roleArn, String roleSessionName) {
        return new AssumeRoleRequest(roleArn, roleSessionName, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty());
    }
}
