package io.strongroom.iam.auth;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * An authenticated caller.
 *
 * @param type         root, IAM user or assumed-role session
 * @param accountId    the 12-digit account the principal belongs to
 * @param arn          the caller's ARN as GetCallerIdentity returns it
 *                     ({@code arn:aws:iam::111122223333:user/alice},
 *                     {@code arn:aws:sts::111122223333:assumed-role/Analyst/session})
 * @param principalArn the value of {@code aws:PrincipalArn}: the user's ARN, or for a session the
 *                     role's ARN ({@code arn:aws:iam::111122223333:role/Analyst})
 * @param principalId  the value of {@code aws:userid}: a user's unique id, or
 *                     {@code roleId:sessionName} for a session; the account id for root
 * @param name         the user name, or the role name for a session
 * @param accessKeyId  the access key that signed the request
 * @param tags         principal tags ({@code aws:PrincipalTag/…}): the user's or role's tags,
 *                     overridden by session tags
 * @param session      present for temporary credentials
 */
public record Principal(
        PrincipalType type,
        String accountId,
        String arn,
        String principalArn,
        String principalId,
        String name,
        String accessKeyId,
        Map<String, String> tags,
        Optional<Session> session) {

    public Principal {
        requireNonNull(type, "type");
        requireNonNull(accountId, "accountId");
        requireNonNull(arn, "arn");
        requireNonNull(principalArn, "principalArn");
        requireNonNull(principalId, "principalId");
        requireNonNull(name, "name");
        requireNonNull(accessKeyId, "accessKeyId");
        tags = Map.copyOf(tags);
        requireNonNull(session, "session");
    }

    public boolean isRoot() {
        return type == PrincipalType.ROOT;
    }
}
