package io.strongroom.iam.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The condition keys an existing user or role contributes to an action on it: its tags always, and its
 * current permissions boundary for the actions IAM documents {@code iam:PermissionsBoundary} on.
 */
final class TargetConditionKeys {
    /**
     * The actions on an existing entity that IAM documents {@code iam:PermissionsBoundary} for.
     * CreateUser and CreateRole carry it too, from the request, where their operations build keys.
     */
    static final Set<String> PERMISSIONS_BOUNDARY_ACTIONS = Set.of(
            "iam:PutUserPermissionsBoundary", "iam:DeleteUserPermissionsBoundary",
            "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
            "iam:AttachUserPolicy", "iam:DetachUserPolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy",
            "iam:PutUserPolicy", "iam:DeleteUserPolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy");

    private TargetConditionKeys() {
    }

    static Map<String, List<String>> of(String action, Map<String, String> tags, Optional<String> boundaryArn) {
        Map<String, List<String>> keys = new HashMap<>(TagConditionKeys.resource(tags));
        if (PERMISSIONS_BOUNDARY_ACTIONS.contains(action)) {
            boundaryArn.ifPresent(arn -> keys.put("iam:PermissionsBoundary", List.of(arn)));
        }
        return keys;
    }
}
