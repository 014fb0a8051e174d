package io.strongroom.iam.access;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.PageRequest;
import io.strongroom.iam.identity.Tag;
import io.strongroom.iam.identity.User;
import io.strongroom.iam.sts.AssumeRoleRequest;
import io.strongroom.iam.testing.IamFixture;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An ABAC guardrail: a delegated administrator may do anything except act on users and roles tagged
 * {@code protected=true}. Every action family on a user or role must see the target's tags.
 */
class ResourceTagDenyTest {
    private static final String PROTECTED = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":[\"iam:*\",\"sts:AssumeRole\"],\"Resource\":\"*\","
            + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/protected\":\"true\"}}}]}";

    private final IamFixture f = new IamFixture();
    private final CallContext delegate = f.newUser("delegate");

    ResourceTagDenyTest() {
        f.iam.putUserPolicy(f.admin, "delegate", "guardrail", PROTECTED);
        for (String name : List.of("vip", "plain")) {
            List<Tag> tags = name.equals("vip") ? List.of(new Tag("protected", "true")) : List.of();
            f.iam.createUser(f.admin, name, Optional.empty(), Optional.empty(), tags);
            f.iam.createRole(f.admin, name + "-role", trust(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), tags);
        }
    }

    @Test
    void userOperations() {
        blocksOnlyTheProtectedUser(name -> f.iam.getUser(delegate, Optional.of(name)));
        blocksOnlyTheProtectedUser(name -> f.iam.listGroupsForUser(delegate, name, PageRequest.first()));
        blocksOnlyTheProtectedUser(name -> f.iam.updateUser(delegate, name, Optional.empty(), Optional.of("/moved/")));
        blocksOnlyTheProtectedUser(name -> f.iam.listUserTags(delegate, name, PageRequest.first()));
        blocksOnlyTheProtectedUser(name -> f.iam.deleteUser(delegate, name));
        assertThat(f.repository.findUser(f.account, "vip")).map(User::path).contains("/");
        assertThat(f.repository.findUser(f.account, "plain")).isEmpty();
    }

    @Test
    void accessKeys() {
        String vipKey = f.iam.createAccessKey(f.admin, Optional.of("vip")).key().accessKeyId();
        String plainKey = f.iam.createAccessKey(f.admin, Optional.of("plain")).key().accessKeyId();
        blocksOnlyTheProtectedUser(name -> f.iam.createAccessKey(delegate, Optional.of(name)));
        assertThat(f.repository.listAccessKeys(f.account, Optional.of("vip"))).hasSize(1);
        blocksOnlyTheProtectedUser(name -> f.iam.listAccessKeys(delegate, Optional.of(name)));
        blocksOnlyTheProtectedUser(name -> f.iam.getAccessKeyLastUsed(delegate, name.equals("vip") ? vipKey : plainKey));
        blocksOnlyTheProtectedUser(name -> f.iam.updateAccessKey(delegate, Optional.of(name),
                name.equals("vip") ? vipKey : plainKey, "Inactive"));
        blocksOnlyTheProtectedUser(name -> f.iam.deleteAccessKey(delegate, Optional.of(name),
                name.equals("vip") ? vipKey : plainKey));
        assertThat(f.repository.findAccessKey(vipKey)).hasValueSatisfying(k -> assertThat(k.active()).isTrue());
        assertThat(f.repository.findAccessKey(plainKey)).isEmpty();
    }

    @Test
    void inlinePolicies() {
        String doc = IamFixture.allow("iam:GetUser", "*");
        blocksOnlyTheProtectedUser(name -> f.iam.putUserPolicy(delegate, name, "p", doc));
        assertThat(f.repository.listInlinePolicies(f.account, io.strongroom.iam.identity.PrincipalKind.USER, "vip"))
                .isEmpty();
        f.iam.putUserPolicy(f.admin, "vip", "p", doc);
        blocksOnlyTheProtectedUser(name -> f.iam.getUserPolicy(delegate, name, "p"));
        blocksOnlyTheProtectedUser(name -> f.iam.listUserPolicies(delegate, name, PageRequest.first()));
        blocksOnlyTheProtectedUser(name -> f.iam.deleteUserPolicy(delegate, name, "p"));
        blocksOnlyTheProtectedRole(name -> f.iam.putRolePolicy(delegate, name, "p", doc));
        blocksOnlyTheProtectedRole(name -> f.iam.deleteRolePolicy(delegate, name, "p"));
    }

    @Test
    void policyAttachments() {
        String policy = f.awsPolicy("ReadOnlyAccess");
        blocksOnlyTheProtectedUser(name -> f.iam.attachUserPolicy(delegate, name, policy));
        assertThat(f.repository.listAttachedPolicies(f.account, io.strongroom.iam.identity.PrincipalKind.USER, "vip"))
                .isEmpty();
        f.iam.attachUserPolicy(f.admin, "vip", policy);
        blocksOnlyTheProtectedUser(name -> f.iam.listAttachedUserPolicies(delegate, name, Optional.empty(),
                PageRequest.first()));
        blocksOnlyTheProtectedUser(name -> f.iam.detachUserPolicy(delegate, name, policy));
        blocksOnlyTheProtectedRole(name -> f.iam.attachRolePolicy(delegate, name, policy));
        blocksOnlyTheProtectedRole(name -> f.iam.detachRolePolicy(delegate, name, policy));
    }

    @Test
    void permissionsBoundaries() {
        String boundary = f.awsPolicy("ReadOnlyAccess");
        blocksOnlyTheProtectedUser(name -> f.iam.putUserPermissionsBoundary(delegate, name, boundary));
        assertThat(f.repository.findUser(f.account, "vip").orElseThrow().permissionsBoundaryArn()).isEmpty();
        f.iam.putUserPermissionsBoundary(f.admin, "vip", boundary);
        blocksOnlyTheProtectedUser(name -> f.iam.deleteUserPermissionsBoundary(delegate, name));
        assertThat(f.repository.findUser(f.account, "vip").orElseThrow().permissionsBoundaryArn()).contains(boundary);
        blocksOnlyTheProtectedRole(name -> f.iam.putRolePermissionsBoundary(delegate, name, boundary));
        blocksOnlyTheProtectedRole(name -> f.iam.deleteRolePermissionsBoundary(delegate, name));
    }

    @Test
    void roleOperations() {
        blocksOnlyTheProtectedRole(name -> f.iam.getRole(delegate, name));
        blocksOnlyTheProtectedRole(name -> f.iam.updateRole(delegate, name, Optional.of("changed"), Optional.empty()));
        blocksOnlyTheProtectedRole(name -> f.iam.updateAssumeRolePolicy(delegate, name, trust()));
        blocksOnlyTheProtectedRole(name -> f.iam.tagRole(delegate, name, List.of(new Tag("x", "y"))));
        blocksOnlyTheProtectedRole(name -> f.iam.deleteRole(delegate, name));
        assertThat(f.repository.findRole(f.account, "vip-role").orElseThrow().description()).isEmpty();
        assertThat(f.repository.findRole(f.account, "plain-role")).isEmpty();
    }

    @Test
    void assumeRole() {
        blocksOnlyTheProtectedRole(name -> f.sts.assumeRole(delegate,
                AssumeRoleRequest.of("arn:aws:iam::" + f.account + ":role/" + name, "sess")));
    }

    @Test
    void theIamPrefixedKeyCarriesTheSameTags() {
        CallContext other = f.newUser("other");
        f.iam.putUserPolicy(f.admin, "other", "guardrail", PROTECTED.replace("aws:ResourceTag", "iam:ResourceTag"));
        assertAwsError(() -> f.iam.createAccessKey(other, Optional.of("vip")), "AccessDenied", 403);
        assertThat(f.iam.createAccessKey(other, Optional.of("plain")).key().accessKeyId()).startsWith("AKIA");
    }

    @Test
    void theTargetsCurrentBoundaryIsPassedWhereIamDocumentsIt() {
        String boundary = f.awsPolicy("ReadOnlyAccess");
        f.iam.putUserPermissionsBoundary(f.admin, "plain", boundary);
        CallContext other = f.newUser("other");
        f.iam.putUserPolicy(f.admin, "other", "keep-boundary", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":[\"iam:DeleteUserPermissionsBoundary\",\"iam:PutUserPolicy\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"iam:PermissionsBoundary\":\"" + boundary
                + "\"}}}]}");
        assertAwsError(() -> f.iam.deleteUserPermissionsBoundary(other, "plain"), "AccessDenied", 403);
        assertAwsError(() -> f.iam.putUserPolicy(other, "plain", "p", IamFixture.allow("s3:*", "*")),
                "AccessDenied", 403);
        assertThat(f.repository.findUser(f.account, "plain").orElseThrow().permissionsBoundaryArn()).contains(boundary);
        f.iam.deleteUserPermissionsBoundary(other, "vip");
        f.iam.putUserPolicy(other, "vip", "p", IamFixture.allow("s3:*", "*"));
    }

    private void blocksOnlyTheProtectedUser(Consumer<String> action) {
        assertAwsError(() -> action.accept("vip"), "AccessDenied", 403)
                .hasMessageContaining("with an explicit deny in an identity-based policy");
        action.accept("plain");
    }

    private void blocksOnlyTheProtectedRole(Consumer<String> action) {
        assertAwsError(() -> action.accept("vip-role"), "AccessDenied", 403)
                .hasMessageContaining("with an explicit deny in an identity-based policy");
        action.accept("plain-role");
    }

    private String trust() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + f.account + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }
}
