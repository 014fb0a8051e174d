package io.strongroom.organizations;

/** The model's ChildType. */
public enum ChildType {
    ACCOUNT,
    ORGANIZATIONAL_UNIT
}
