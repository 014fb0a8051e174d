package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

/**
 * One grant of an access control list as GetBucketAcl and GetObjectAcl show it.
 *
 * @param canonicalUserId the grantee account's id, or null for a group
 * @param groupUri        the grantee group's URI ({@link #ALL_USERS}…), or null for an account
 * @param permission      FULL_CONTROL, READ, WRITE, READ_ACP or WRITE_ACP
 */
public record AclGrant(String canonicalUserId, String groupUri, String permission) {
    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    public static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    public AclGrant {
        requireNonNull(permission, "permission");
        if ((canonicalUserId == null) == (groupUri == null)) {
            throw new IllegalArgumentException("a grant names an account or a group");
        }
    }

    static AclGrant toAccount(String accountId, String permission) {
        return new AclGrant(accountId, null, permission);
    }

    static AclGrant toGroup(String uri, String permission) {
        return new AclGrant(null, uri, permission);
    }
}
