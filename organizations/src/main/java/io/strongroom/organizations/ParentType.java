package io.strongroom.organizations;

/** The model's ParentType. */
public enum ParentType {
    ROOT,
    ORGANIZATIONAL_UNIT
}
