package io.strongroom.organizations;

/** What a policy is attached to (the model's TargetType). */
public enum TargetType {
    ACCOUNT,
    ORGANIZATIONAL_UNIT,
    ROOT
}
