package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A user, group or role that policies attach to, resolved to its stored name and ARN. Knows the
 * names IAM uses for it in messages and quotas.
 */
record IdentityTarget(PrincipalKind kind, String name, String arn) {

    static IdentityTarget require(IdentityLookup lookup, String accountId, PrincipalKind kind, String name) {
        requireNonNull(kind, "kind");
        return switch (kind) {
            case USER -> {
                User user = lookup.user(accountId, name);
                yield new IdentityTarget(kind, user.userName(), user.arn());
            }
            case GROUP -> {
                Group group = lookup.group(accountId, name);
                yield new IdentityTarget(kind, group.groupName(), group.arn());
            }
            case ROLE -> {
                Role role = lookup.role(accountId, name);
                yield new IdentityTarget(kind, role.roleName(), role.arn());
            }
        };
    }

    /** The ARN to authorise against before the entity is known to exist. */
    static String arnFor(IdentityLookup lookup, String accountId, PrincipalKind kind, String name) {
        return switch (kind) {
            case USER -> lookup.userArn(accountId, name);
            case GROUP -> lookup.groupArn(accountId, name);
            case ROLE -> lookup.roleArn(accountId, name);
        };
    }

    static String validName(PrincipalKind kind, String name) {
        return switch (kind) {
            case USER -> InputValidator.name("userName", name, UserOperations.MAX_EXISTING_USER_NAME);
            case GROUP -> InputValidator.name("groupName", name, GroupOperations.MAX_GROUP_NAME);
            case ROLE -> InputValidator.name("roleName", name, RoleOperations.MAX_ROLE_NAME);
        };
    }

    /** {@code User}, {@code Group}, {@code Role}: as it appears in operation names and quotas. */
    static String title(PrincipalKind kind) {
        String lower = kind.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    static String lower(PrincipalKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
