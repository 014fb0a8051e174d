package io.strongroom.organizations;

/** The model's Parent shape: a root or OU that holds an account or OU. */
public record Parent(String id, ParentType type) {
}
