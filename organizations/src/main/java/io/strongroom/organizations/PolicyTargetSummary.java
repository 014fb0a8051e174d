package io.strongroom.organizations;

/** The model's PolicyTargetSummary shape: a root, OU or account a policy is attached to. */
public record PolicyTargetSummary(String targetId, String arn, String name, TargetType type) {
}
