package io.strongroom.iam.identity;

/** The answer to GetGroup: the group and one page of its members. */
public record GroupWithMembers(Group group, Page<User> users) {
}
