package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A user, group or role that an operation acts on, resolved to its stored name, ARN, tags and
 * permissions boundary (groups have neither). Knows the names IAM uses for it in messages and quotas.
 */
record IdentityTarget(PrincipalKind kind, String name, String arn, Map<String, String> tags,
                      Optional<String> permissionsBoundaryArn) {

    IdentityTarget {
        requireNonNull(kind, "kind");
        requireNonNull(name, "name");
        requireNonNull(arn, "arn");
        tags = Map.copyOf(tags);
        requireNonNull(permissionsBoundaryArn, "permissionsBoundaryArn");
    }

    static IdentityTarget require(IdentityLookup lookup, String accountId, PrincipalKind kind, String name) {
        return find(lookup, accountId, kind, name).orElseThrow(() -> IdentityLookup.noSuchEntity(kind, name));
    }

    static Optional<IdentityTarget> find(IdentityLookup lookup, String accountId, PrincipalKind kind, String name) {
        requireNonNull(kind, "kind");
        return switch (kind) {
            case USER -> lookup.findUser(accountId, name).map(user -> new IdentityTarget(kind, user.userName(),
                    user.arn(), user.tags(), user.permissionsBoundaryArn()));
            case GROUP -> lookup.findGroup(accountId, name).map(group -> new IdentityTarget(kind, group.groupName(),
                    group.arn(), Map.of(), Optional.empty()));
            case ROLE -> lookup.findRole(accountId, name).map(role -> new IdentityTarget(kind, role.roleName(),
                    role.arn(), role.tags(), role.permissionsBoundaryArn()));
        };
    }

    /** The ARN to authorise against before the entity is known to exist: as it is, or at the root path. */
    static String arnFor(IdentityLookup lookup, String accountId, PrincipalKind kind, String name) {
        return switch (kind) {
            case USER -> lookup.userArn(accountId, name);
            case GROUP -> lookup.groupArn(accountId, name);
            case ROLE -> lookup.roleArn(accountId, name);
        };
    }

    /** The condition keys this target contributes to {@code action}. */
    Map<String, List<String>> conditionKeys(String action) {
        return TargetConditionKeys.of(action, tags, permissionsBoundaryArn);
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
