package io.strongroom.organizations;

/** The model's Child shape: an account or OU under a root or OU. */
public record Child(String id, ChildType type) {
}
