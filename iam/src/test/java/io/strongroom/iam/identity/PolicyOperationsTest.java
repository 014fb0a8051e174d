package io.strongroom.iam.identity;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.testing.IamFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyOperationsTest {
    private final IamFixture f = new IamFixture();
    private final String doc = IamFixture.allow("s3:GetObject", "*");

    @Test
    void inlinePoliciesArePutReadListedAndDeletedByteExact() {
        f.iam.createRole(f.admin, "r", trust(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of());
        String spaced = "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": \"s3:*\","
                + " \"Resource\": \"*\" } ] }";
        f.iam.putRolePolicy(f.admin, "r", "p1", spaced);
        assertThat(f.iam.getRolePolicy(f.admin, "r", "P1").document()).isEqualTo(spaced);
        assertThat(f.iam.listRolePolicies(f.admin, "r", PageRequest.first()).items()).containsExactly("p1");
        f.iam.deleteRolePolicy(f.admin, "r", "p1");
        assertAwsError(() -> f.iam.getRolePolicy(f.admin, "r", "p1"), "NoSuchEntity", 404)
                .hasMessage("The role policy with name p1 cannot be found.");
    }

    @Test
    void identityPoliciesMustNotNameAPrincipalAndTrustPoliciesMust() {
        f.iam.createGroup(f.admin, "g", Optional.empty());
        assertAwsError(() -> f.iam.putGroupPolicy(f.admin, "g", "p", trust()), "MalformedPolicyDocument", 400);
        assertAwsError(() -> f.iam.putGroupPolicy(f.admin, "g", "p", "{not json"), "MalformedPolicyDocument", 400);
        assertAwsError(() -> f.iam.createRole(f.admin, "r", doc, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of()), "MalformedPolicyDocument", 400);
        assertThat(f.repository.listInlinePolicies(f.account, PrincipalKind.GROUP, "g")).isEmpty();
        assertThat(f.repository.findRole(f.account, "r")).isEmpty();
    }

    @Test
    void managedPolicyVersionsHaveALimitAndTheDefaultCannotBeDeleted() {
        PolicyInfo created = f.iam.createPolicy(f.admin, "mp", doc, Optional.empty(), Optional.of("d"));
        String arn = created.policy().arn();
        assertThat(arn).isEqualTo("arn:aws:iam::" + f.account + ":policy/mp");
        for (int i = 2; i <= 5; i++) {
            f.iam.createPolicyVersion(f.admin, arn, doc, i == 5);
        }
        assertThat(f.iam.getPolicy(f.admin, arn).policy().defaultVersionId()).isEqualTo("v5");
        assertAwsError(() -> f.iam.createPolicyVersion(f.admin, arn, doc, false), "LimitExceeded", 409);
        assertAwsError(() -> f.iam.deletePolicyVersion(f.admin, arn, "v5"), "DeleteConflict", 409)
                .hasMessage("Cannot delete the default version of a policy.");
        f.iam.setDefaultPolicyVersion(f.admin, arn, "v2");
        f.iam.deletePolicyVersion(f.admin, arn, "v5");
        assertThat(f.iam.listPolicyVersions(f.admin, arn)).extracting(PolicyVersion::versionId)
                .containsExactlyInAnyOrder("v1", "v2", "v3", "v4");
        assertAwsError(() -> f.iam.getPolicyVersion(f.admin, arn, "v9"), "NoSuchEntity", 404);
    }

    @Test
    void deletedVersionIdsAreNeverReused() {
        String arn = f.iam.createPolicy(f.admin, "mp", doc, Optional.empty(), Optional.empty()).policy().arn();
        assertThat(f.iam.createPolicyVersion(f.admin, arn, doc, false).versionId()).isEqualTo("v2");
        assertThat(f.iam.createPolicyVersion(f.admin, arn, doc, false).versionId()).isEqualTo("v3");
        f.iam.deletePolicyVersion(f.admin, arn, "v3");

        PolicyVersion v4 = f.iam.createPolicyVersion(f.admin, arn, doc, true);
        assertThat(v4.versionId()).isEqualTo("v4");
        assertThat(v4.isDefault()).isTrue();
        assertThat(f.iam.getPolicy(f.admin, arn).policy().defaultVersionId()).isEqualTo("v4");

        f.iam.deletePolicyVersion(f.admin, arn, "v2");
        assertThat(f.iam.createPolicyVersion(f.admin, arn, doc, false).versionId()).isEqualTo("v5");
        assertThat(f.iam.listPolicyVersions(f.admin, arn)).extracting(PolicyVersion::versionId)
                .containsExactly("v5", "v4", "v1");
        assertAwsError(() -> f.iam.getPolicyVersion(f.admin, arn, "v3"), "NoSuchEntity", 404);
    }

    @Test
    void aVersionRefusedOverTheLimitUsesUpNoId() {
        String arn = f.iam.createPolicy(f.admin, "mp", doc, Optional.empty(), Optional.empty()).policy().arn();
        for (int i = 2; i <= 5; i++) {
            f.iam.createPolicyVersion(f.admin, arn, doc, false);
        }
        assertAwsError(() -> f.iam.createPolicyVersion(f.admin, arn, doc, true), "LimitExceeded", 409);
        assertThat(f.iam.listPolicyVersions(f.admin, arn)).hasSize(5);
        assertThat(f.iam.getPolicy(f.admin, arn).policy().defaultVersionId()).isEqualTo("v1");

        f.iam.deletePolicyVersion(f.admin, arn, "v5");
        assertThat(f.iam.createPolicyVersion(f.admin, arn, doc, false).versionId()).isEqualTo("v6");
    }

    @Test
    void aRecreatedPolicyStartsAgainAtV1() {
        String arn = f.iam.createPolicy(f.admin, "mp", doc, Optional.empty(), Optional.empty()).policy().arn();
        f.iam.createPolicyVersion(f.admin, arn, doc, true);
        f.iam.deletePolicyVersion(f.admin, arn, "v1");
        f.iam.deletePolicy(f.admin, arn);

        f.iam.createPolicy(f.admin, "mp", doc, Optional.empty(), Optional.empty());
        assertThat(f.iam.createPolicyVersion(f.admin, arn, doc, false).versionId()).isEqualTo("v2");
    }

    @Test
    void attachedPoliciesCannotBeDeletedAndAwsPoliciesCannotBeChanged() {
        String arn = f.iam.createPolicy(f.admin, "mp", doc, Optional.empty(), Optional.empty()).policy().arn();
        f.iam.attachUserPolicy(f.admin, "admin", arn);
        assertThat(f.iam.getPolicy(f.admin, arn).attachmentCount()).isEqualTo(1);
        assertAwsError(() -> f.iam.deletePolicy(f.admin, arn), "DeleteConflict", 409);
        assertThat(f.repository.findManagedPolicy(arn)).isPresent();
        assertAwsError(() -> f.iam.createPolicyVersion(f.admin, f.awsPolicy("ReadOnlyAccess"), doc, true),
                "UnmodifiableEntity", 400);
        assertAwsError(() -> f.iam.createPolicy(f.admin, "MP", doc, Optional.of("/x/"), Optional.empty()),
                "EntityAlreadyExists", 409);
        f.iam.detachUserPolicy(f.admin, "admin", arn);
        f.iam.deletePolicy(f.admin, arn);
        assertThat(f.repository.findManagedPolicy(arn)).isEmpty();
    }

    @Test
    void atMostTenManagedPoliciesAttachToOneIdentity() {
        f.iam.createUser(f.admin, "u", Optional.empty(), Optional.empty(), List.of());
        for (int i = 0; i < 10; i++) {
            String arn = f.iam.createPolicy(f.admin, "p" + i, doc, Optional.empty(), Optional.empty()).policy().arn();
            f.iam.attachUserPolicy(f.admin, "u", arn);
        }
        assertAwsError(() -> f.iam.attachUserPolicy(f.admin, "u", f.awsPolicy("ReadOnlyAccess")), "LimitExceeded", 409)
                .hasMessage("Cannot exceed quota for PoliciesPerUser: 10");
        assertThat(f.iam.listAttachedUserPolicies(f.admin, "u", Optional.empty(), PageRequest.first()).items())
                .hasSize(10);
        assertAwsError(() -> f.iam.attachUserPolicy(f.admin, "nobody", f.awsPolicy("ReadOnlyAccess")),
                "NoSuchEntity", 404);
        assertAwsError(() -> f.iam.detachUserPolicy(f.admin, "u", f.awsPolicy("ReadOnlyAccess")), "NoSuchEntity", 404);
    }

    @Test
    void accessKeysReturnTheSecretOnceAndAreLimitedToTwo() {
        f.iam.createUser(f.admin, "k", Optional.empty(), Optional.empty(), List.of());
        CreatedAccessKey key = f.iam.createAccessKey(f.admin, Optional.of("k"));
        assertThat(key.key().accessKeyId()).startsWith("AKIA");
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(key.toString()).doesNotContain(key.secretAccessKey());
        byte[] unwrapped = f.rootKeys.unwrap(f.repository.findAccessKey(key.key().accessKeyId()).orElseThrow()
                .wrappedSecret(), SecretBinding.accessKeyAad(key.key().accessKeyId()));
        assertThat(new String(unwrapped, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(key.secretAccessKey());

        f.iam.createAccessKey(f.admin, Optional.of("k"));
        assertAwsError(() -> f.iam.createAccessKey(f.admin, Optional.of("k")), "LimitExceeded", 409);
        assertThat(f.iam.listAccessKeys(f.admin, Optional.of("k"))).hasSize(2);

        f.iam.updateAccessKey(f.admin, Optional.of("k"), key.key().accessKeyId(), "Inactive");
        assertThat(f.repository.findAccessKey(key.key().accessKeyId()).orElseThrow().active()).isFalse();
        assertAwsError(() -> f.iam.updateAccessKey(f.admin, Optional.of("k"), key.key().accessKeyId(), "Bogus"),
                "ValidationError", 400);
        assertAwsError(() -> f.iam.deleteAccessKey(f.admin, Optional.of("admin"), key.key().accessKeyId()),
                "NoSuchEntity", 404);
        assertThat(f.iam.getAccessKeyLastUsed(f.admin, key.key().accessKeyId()).userName()).contains("k");
    }

    @Test
    void groupsHoldMembersAndRefuseDeletionWhileNotEmpty() {
        f.iam.createUser(f.admin, "m", Optional.empty(), Optional.empty(), List.of());
        f.iam.createGroup(f.admin, "devs", Optional.of("/eng/"));
        f.iam.addUserToGroup(f.admin, "DEVS", "m");
        assertThat(f.iam.getGroup(f.admin, "devs", PageRequest.first()).users().items())
                .extracting(User::userName).containsExactly("m");
        assertThat(f.iam.listGroupsForUser(f.admin, "m", PageRequest.first()).items())
                .extracting(Group::arn).containsExactly("arn:aws:iam::" + f.account + ":group/eng/devs");
        assertAwsError(() -> f.iam.deleteGroup(f.admin, "devs"), "DeleteConflict", 409);
        assertAwsError(() -> f.iam.createGroup(f.admin, "Devs", Optional.empty()), "EntityAlreadyExists", 409);
        f.iam.removeUserFromGroup(f.admin, "devs", "m");
        f.iam.deleteGroup(f.admin, "devs");
        assertThat(f.repository.findGroup(f.account, "devs")).isEmpty();
    }

    @Test
    void rolesAreUpdatedWithinSessionDurationBounds() {
        Role role = f.iam.createRole(f.admin, "r", trust(), Optional.empty(), Optional.of("d"), Optional.empty(),
                Optional.empty(), List.of());
        assertThat(role.maxSessionDuration()).isEqualTo(3600);
        assertThat(role.roleId()).startsWith("AROA");
        assertAwsError(() -> f.iam.updateRole(f.admin, "r", Optional.empty(), Optional.of(50000)), "ValidationError", 400);
        f.iam.updateRole(f.admin, "r", Optional.empty(), Optional.of(7200));
        assertThat(f.iam.getRole(f.admin, "r").maxSessionDuration()).isEqualTo(7200);
        assertThat(f.iam.getRole(f.admin, "r").description()).contains("d");
        f.iam.attachRolePolicy(f.admin, "r", f.awsPolicy("ReadOnlyAccess"));
        assertAwsError(() -> f.iam.deleteRole(f.admin, "r"), "DeleteConflict", 409);
    }

    @Test
    void accountAuthorizationDetailsListEverything() {
        var details = f.iam.getAccountAuthorizationDetails(f.admin, java.util.Set.of());
        assertThat(details.users()).extracting(d -> d.user().userName()).containsExactly("admin");
        assertThat(details.users().get(0).attachedPolicies()).extracting(AttachedPolicy::policyName)
                .containsExactly("AdministratorAccess");
        assertThat(details.policies()).extracting(d -> d.info().policy().policyName())
                .containsExactly("AdministratorAccess");
    }

    private String trust() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + f.account + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    }
}
