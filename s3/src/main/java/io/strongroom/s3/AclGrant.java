package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One grant of an access control list: to an account (its canonical user id, which here is the account
 * id GetBucketAcl shows as the owner's) or to one of S3's groups.
 *
 * @param canonicalUserId the grantee account's id, or null for a group
 * @param groupUri        the grantee group's URI ({@link #ALL_USERS}…), or null for an account
 * @param permission      FULL_CONTROL, READ, WRITE, READ_ACP or WRITE_ACP
 */
public record AclGrant(String canonicalUserId, String groupUri, String permission) {
    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    public static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
    /** The groups S3 knows; a grant to any other URI is refused. */
    public static final List<String> GROUPS = List.of(ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY);
    public static final List<String> PERMISSIONS = List.of("FULL_CONTROL", "READ", "WRITE", "READ_ACP", "WRITE_ACP");

    public AclGrant {
        requireNonNull(permission, "permission");
        if ((canonicalUserId == null) == (groupUri == null)) {
            throw new IllegalArgumentException("a grant names an account or a group");
        }
        if (!PERMISSIONS.contains(permission)) {
            throw new IllegalArgumentException("not an ACL permission: " + permission);
        }
    }

    public static AclGrant toAccount(String accountId, String permission) {
        return new AclGrant(accountId, null, permission);
    }

    public static AclGrant toGroup(String uri, String permission) {
        return new AclGrant(null, uri, permission);
    }

    /**
     * Whether it grants to everyone: every request is authenticated here, so AllUsers and
     * AuthenticatedUsers both mean any AWS principal, and Block Public Access treats both as public.
     */
    public boolean isPublic() {
        return ALL_USERS.equals(groupUri) || AUTHENTICATED_USERS.equals(groupUri);
    }

    /** Whether it grants anything to anyone but these accounts. */
    boolean grantsBeyond(String... accounts) {
        return canonicalUserId == null || !List.of(accounts).contains(canonicalUserId);
    }
}
