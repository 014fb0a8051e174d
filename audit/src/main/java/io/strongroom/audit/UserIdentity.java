package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * CloudTrail's {@code userIdentity}: who made the call and with which credentials. Fields that do
 * not apply are null and left out of the record.
 *
 * @param type           {@code Root}, {@code IAMUser}, {@code AssumedRole}, {@code AWSAccount},
 *                       {@code AWSService} or {@code Unknown} (a caller that failed authentication)
 * @param principalId    the principal's unique id ({@code AIDA…}, {@code AROA…:session})
 * @param arn            the principal's ARN
 * @param accountId      the principal's account
 * @param accessKeyId    the access key the request was signed with; when authentication failed,
 *                       the key id the caller claimed
 * @param userName       the IAM user's (or root's) name
 * @param sessionContext present for temporary credentials
 * @param invokedBy      the AWS service that made the call on the principal's behalf
 */
public record UserIdentity(
        String type,
        String principalId,
        String arn,
        String accountId,
        String accessKeyId,
        String userName,
        SessionContext sessionContext,
        String invokedBy) {

    public UserIdentity {
        requireNonNull(type, "type");
    }

    /** The identity type of an AWS service acting on its own ({@code AwsServiceEvent} records). */
    public static final String AWS_SERVICE = "AWSService";

    /** A service acting on its own in an account, as CloudTrail shows a scheduled KMS rotation. */
    public static UserIdentity awsService(String accountId, String invokedBy) {
        return new UserIdentity(AWS_SERVICE, null, null, accountId, null, null, null, invokedBy);
    }

    /** An IAM user signing with a long-term access key. */
    public static UserIdentity iamUser(String principalId, String arn, String accountId, String accessKeyId,
                                       String userName) {
        return new UserIdentity("IAMUser", principalId, arn, accountId, accessKeyId, userName, null, null);
    }

    /** A caller whose signature or key was refused: only the access-key id it claimed is known. */
    public static UserIdentity unauthenticated(String claimedAccessKeyId, String claimedAccountId) {
        return new UserIdentity("Unknown", null, null, claimedAccountId, claimedAccessKeyId, null, null, null);
    }

    /**
     * The user name LookupEvents reports: the IAM user's name, the role session name of an assumed
     * role, {@code root} for the root user, else none.
     */
    public String lookupUsername() {
        if (userName != null) {
            return userName;
        }
        if ("Root".equals(type)) {
            return "root";
        }
        if ("AssumedRole".equals(type) && arn != null && arn.lastIndexOf('/') >= 0) {
            return arn.substring(arn.lastIndexOf('/') + 1);
        }
        return null;
    }

    void writeCanonical(StringBuilder out) {
        CanonicalJson.OrderedObject json = new CanonicalJson.OrderedObject(out)
                .memberIfPresent("accessKeyId", accessKeyId)
                .memberIfPresent("accountId", accountId)
                .memberIfPresent("arn", arn)
                .memberIfPresent("invokedBy", invokedBy)
                .memberIfPresent("principalId", principalId);
        if (sessionContext != null) {
            sessionContext.writeCanonical(json.name("sessionContext"));
        }
        json.member("type", type).memberIfPresent("userName", userName).end();
    }

    /** How temporary credentials were issued. */
    public record SessionContext(SessionAttributes attributes, SessionIssuer sessionIssuer) {
        void writeCanonical(StringBuilder out) {
            CanonicalJson.OrderedObject json = new CanonicalJson.OrderedObject(out);
            if (attributes != null) {
                attributes.writeCanonical(json.name("attributes"));
            }
            if (sessionIssuer != null) {
                sessionIssuer.writeCanonical(json.name("sessionIssuer"));
            }
            json.end();
        }
    }

    /**
     * When the credentials were issued and whether MFA authenticated the caller (CloudTrail writes
     * the flag as the string {@code "true"} or {@code "false"}).
     */
    public record SessionAttributes(Instant creationDate, boolean mfaAuthenticated) {
        public SessionAttributes {
            requireNonNull(creationDate, "creationDate");
        }

        void writeCanonical(StringBuilder out) {
            new CanonicalJson.OrderedObject(out).member("creationDate", AuditEvent.formatTime(creationDate))
                    .member("mfaAuthenticated", Boolean.toString(mfaAuthenticated)).end();
        }
    }

    /** The role (or user) whose credentials issued the session. */
    public record SessionIssuer(String type, String principalId, String arn, String accountId, String userName) {
        public SessionIssuer {
            requireNonNull(type, "type");
        }

        void writeCanonical(StringBuilder out) {
            new CanonicalJson.OrderedObject(out).memberIfPresent("accountId", accountId)
                    .memberIfPresent("arn", arn).memberIfPresent("principalId", principalId)
                    .member("type", type).memberIfPresent("userName", userName).end();
        }
    }
}
