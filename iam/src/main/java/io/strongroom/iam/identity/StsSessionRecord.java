package io.strongroom.iam.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Temporary credentials issued by AssumeRole. The secret is held wrapped; the session token only
 * as its SHA-256 hash.
 */
public record StsSessionRecord(
        String accessKeyId,
        String accountId,
        byte[] wrappedSecret,
        byte[] sessionTokenHash,
        String roleArn,
        String roleId,
        String roleName,
        String sessionName,
        Instant issuedAt,
        Instant expiresAt,
        Optional<String> sessionPolicy,
        Map<String, String> sessionTags,
        Optional<String> sourceIdentity,
        String issuedBy) {

    public StsSessionRecord {
        sessionTags = Map.copyOf(sessionTags);
    }

    @Override
    public String toString() {
        return "StsSessionRecord[" + accessKeyId + ", role=" + roleArn + ", session=" + sessionName + "]";
    }
}
