package io.strongroom.iam.sts;

/**
 * @param assumedRoleId {@code roleId:sessionName}
 * @param arn           {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}
 */
public record AssumedRoleUser(String assumedRoleId, String arn) {
}
