package io.strongroom.iam.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an assumed-role session carries beyond its role.
 *
 * @param roleArn       the role that was assumed
 * @param roleId        the role's unique id ({@code AROA…})
 * @param sessionName   the RoleSessionName
 * @param issuedAt      when the credentials were issued ({@code aws:TokenIssueTime})
 * @param expiresAt     when they stop working
 * @param sessionPolicy the inline session policy passed to AssumeRole, if any
 * @param sessionTags   tags passed to AssumeRole
 * @param sourceIdentity the SourceIdentity passed to AssumeRole, if any
 * @param issuedBy      the ARN of the principal that called AssumeRole
 */
public record Session(
        String roleArn,
        String roleId,
        String sessionName,
        Instant issuedAt,
        Instant expiresAt,
        Optional<String> sessionPolicy,
        Map<String, String> sessionTags,
        Optional<String> sourceIdentity,
        String issuedBy) {

    public Session {
        requireNonNull(roleArn, "roleArn");
        requireNonNull(roleId, "roleId");
        requireNonNull(sessionName, "sessionName");
        requireNonNull(issuedAt, "issuedAt");
        requireNonNull(expiresAt, "expiresAt");
        requireNonNull(sessionPolicy, "sessionPolicy");
        sessionTags = Map.copyOf(sessionTags);
        requireNonNull(sourceIdentity, "sourceIdentity");
        requireNonNull(issuedBy, "issuedBy");
    }
}
