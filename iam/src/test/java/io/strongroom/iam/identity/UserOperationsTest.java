package io.strongroom.iam.identity;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.testing.IamFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserOperationsTest {
    private final IamFixture f = new IamFixture();

    @Test
    void createsGetsListsAndDeletesAUser() {
        User created = f.iam.createUser(f.admin, "alice", Optional.of("/team/"), Optional.empty(),
                List.of(new Tag("dept", "risk")));

        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + f.account + ":user/team/alice");
        assertThat(created.userId()).startsWith("AIDA").hasSize(20);
        assertThat(f.iam.getUser(f.admin, Optional.of("ALICE")).userId()).isEqualTo(created.userId());
        assertThat(f.iam.listUsers(f.admin, Optional.of("/team/"), PageRequest.first()).items())
                .extracting(User::userName).containsExactly("alice");

        f.iam.deleteUser(f.admin, "alice");
        assertThat(f.repository.findUser(f.account, "alice")).isEmpty();
    }

    @Test
    void getUserWithoutNameReturnsTheCaller() {
        CallContext bob = f.newUser("bob");
        f.allowUser("bob", "self", "iam:GetUser");
        assertThat(f.iam.getUser(bob, Optional.empty()).userName()).isEqualTo("bob");
    }

    @Test
    void listingIsPagedWithAMarker() {
        for (String name : List.of("u1", "u2", "u3")) {
            f.iam.createUser(f.admin, name, Optional.empty(), Optional.empty(), List.of());
        }
        Page<User> first = f.iam.listUsers(f.admin, Optional.empty(), new PageRequest(Optional.empty(), Optional.of(2)));
        assertThat(first.items()).extracting(User::userName).containsExactly("admin", "u1");
        Page<User> second = f.iam.listUsers(f.admin, Optional.empty(), new PageRequest(first.marker(), Optional.of(2)));
        assertThat(second.items()).extracting(User::userName).containsExactly("u2", "u3");
        assertThat(second.truncated()).isFalse();
    }

    @Test
    void duplicateNameDiffersOnlyInCaseAndIsRejected() {
        f.iam.createUser(f.admin, "carol", Optional.empty(), Optional.empty(), List.of());
        assertAwsError(() -> f.iam.createUser(f.admin, "CAROL", Optional.empty(), Optional.empty(), List.of()),
                "EntityAlreadyExists", 409).hasMessage("User with name CAROL already exists.");
        assertThat(f.iam.listUsers(f.admin, Optional.empty(), PageRequest.first()).items()).hasSize(2);
    }

    @Test
    void badNamesPathsAndTagsAreValidationErrorsAndCreateNothing() {
        assertAwsError(() -> f.iam.createUser(f.admin, "bad name!", Optional.empty(), Optional.empty(), List.of()),
                "ValidationError", 400).hasMessageContaining("regular expression pattern");
        assertAwsError(() -> f.iam.createUser(f.admin, "x".repeat(65), Optional.empty(), Optional.empty(), List.of()),
                "ValidationError", 400).hasMessageContaining("less than or equal to 64");
        assertAwsError(() -> f.iam.createUser(f.admin, "dave", Optional.of("no-slashes"), Optional.empty(), List.of()),
                "ValidationError", 400);
        assertAwsError(() -> f.iam.createUser(f.admin, "dave", Optional.empty(), Optional.empty(),
                List.of(new Tag("k", "1"), new Tag("K", "2"))), "InvalidInput", 400);
        assertAwsError(() -> f.iam.createUser(f.admin, "dave", Optional.empty(), Optional.empty(),
                List.of(new Tag("aws:x", "1"))), "InvalidInput", 400);
        assertAwsError(() -> f.iam.createUser(f.admin, "dave", Optional.empty(),
                Optional.of("arn:aws:iam::aws:policy/Missing"), List.of()), "NoSuchEntity", 404);
        assertThat(f.repository.findUser(f.account, "dave")).isEmpty();
    }

    @Test
    void missingUserIsNoSuchEntity() {
        assertAwsError(() -> f.iam.getUser(f.admin, Optional.of("nobody")), "NoSuchEntity", 404)
                .hasMessage("The user with name nobody cannot be found.");
        assertAwsError(() -> f.iam.deleteUser(f.admin, "nobody"), "NoSuchEntity", 404);
    }

    @Test
    void updateRenamesAndMovesAndRefusesATakenName() {
        f.iam.createUser(f.admin, "erin", Optional.empty(), Optional.empty(), List.of());
        f.iam.createUser(f.admin, "frank", Optional.empty(), Optional.empty(), List.of());

        assertAwsError(() -> f.iam.updateUser(f.admin, "erin", Optional.of("FRANK"), Optional.empty()),
                "EntityAlreadyExists", 409);
        assertThat(f.repository.findUser(f.account, "erin")).isPresent();

        f.iam.updateUser(f.admin, "erin", Optional.of("erin2"), Optional.of("/ops/"));
        User moved = f.iam.getUser(f.admin, Optional.of("erin2"));
        assertThat(moved.arn()).isEqualTo("arn:aws:iam::" + f.account + ":user/ops/erin2");
        assertThat(f.repository.findUser(f.account, "erin")).isEmpty();
    }

    @Test
    void deleteConflictsWhileTheUserHasKeysPoliciesOrGroups() {
        f.iam.createUser(f.admin, "gina", Optional.empty(), Optional.empty(), List.of());
        var key = f.iam.createAccessKey(f.admin, Optional.of("gina"));
        assertAwsError(() -> f.iam.deleteUser(f.admin, "gina"), "DeleteConflict", 409)
                .hasMessage("Cannot delete entity, must delete access keys first.");
        f.iam.deleteAccessKey(f.admin, Optional.of("gina"), key.key().accessKeyId());

        f.iam.putUserPolicy(f.admin, "gina", "p", IamFixture.allow("s3:*", "*"));
        assertAwsError(() -> f.iam.deleteUser(f.admin, "gina"), "DeleteConflict", 409)
                .hasMessage("Cannot delete entity, must delete policies first.");
        f.iam.deleteUserPolicy(f.admin, "gina", "p");

        f.iam.attachUserPolicy(f.admin, "gina", f.awsPolicy("ReadOnlyAccess"));
        assertAwsError(() -> f.iam.deleteUser(f.admin, "gina"), "DeleteConflict", 409)
                .hasMessage("Cannot delete entity, must detach all policies first.");
        f.iam.detachUserPolicy(f.admin, "gina", f.awsPolicy("ReadOnlyAccess"));

        f.iam.createGroup(f.admin, "g", Optional.empty());
        f.iam.addUserToGroup(f.admin, "g", "gina");
        assertAwsError(() -> f.iam.deleteUser(f.admin, "gina"), "DeleteConflict", 409);
        assertThat(f.repository.findUser(f.account, "gina")).isPresent();

        f.iam.removeUserFromGroup(f.admin, "g", "gina");
        f.iam.deleteUser(f.admin, "gina");
        assertThat(f.repository.findUser(f.account, "gina")).isEmpty();
    }

    @Test
    void tagsAreAddedListedAndRemovedWithinTheLimit() {
        f.iam.createUser(f.admin, "hal", Optional.empty(), Optional.empty(), List.of(new Tag("a", "1")));
        f.iam.tagUser(f.admin, "hal", List.of(new Tag("b", "2"), new Tag("A", "3")));
        assertThat(f.iam.listUserTags(f.admin, "hal", PageRequest.first()).items())
                .containsExactly(new Tag("A", "3"), new Tag("b", "2"));
        f.iam.untagUser(f.admin, "hal", List.of("b"));
        assertThat(f.iam.listUserTags(f.admin, "hal", PageRequest.first()).items()).containsExactly(new Tag("A", "3"));

        List<Tag> fifty = java.util.stream.IntStream.range(0, 50).mapToObj(i -> new Tag("t" + i, "v")).toList();
        assertAwsError(() -> f.iam.tagUser(f.admin, "hal", fifty), "LimitExceeded", 409);
        assertThat(f.iam.listUserTags(f.admin, "hal", PageRequest.first()).items()).hasSize(1);
    }

    @Test
    void permissionsBoundaryIsPutAndDeleted() {
        f.iam.createUser(f.admin, "ivy", Optional.empty(), Optional.empty(), List.of());
        f.iam.putUserPermissionsBoundary(f.admin, "ivy", f.awsPolicy("ReadOnlyAccess"));
        assertThat(f.iam.getUser(f.admin, Optional.of("ivy")).permissionsBoundaryArn())
                .contains(f.awsPolicy("ReadOnlyAccess"));
        assertAwsError(() -> f.iam.putUserPermissionsBoundary(f.admin, "ivy", "not-an-arn-at-all-really"),
                "InvalidInput", 400);
        f.iam.deleteUserPermissionsBoundary(f.admin, "ivy");
        assertThat(f.iam.getUser(f.admin, Optional.of("ivy")).permissionsBoundaryArn()).isEmpty();
    }
}
