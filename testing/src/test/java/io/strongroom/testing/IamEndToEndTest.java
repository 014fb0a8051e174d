package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/** Every IAM operation through the AWS SDK for Java v2, with its answers and its error codes. */
@ExtendWith(StrongroomExtension.class)
class IamEndToEndTest {

    private static final String ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String READ_ONLY_POLICY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    private static String account;

    @BeforeAll
    static void account(StrongroomTestServer server) {
        account = server.sts().getCallerIdentity().account();
    }

    // ---- users ----

    @Test
    void usersAreCreatedReadListedRenamedAndDeleted(IamClient iam) {
        User created = iam.createUser(r -> r.userName("ada").path("/eng/")
                .tags(Tag.builder().key("team").value("research").build())).user();
        assertThat(created.userName()).isEqualTo("ada");
        assertThat(created.path()).isEqualTo("/eng/");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + account + ":user/eng/ada");
        assertThat(created.userId()).startsWith("AIDA");
        assertThat(created.createDate()).isCloseTo(Instant.now(), within(60));
        assertThat(created.tags()).containsExactly(Tag.builder().key("team").value("research").build());

        User read = iam.getUser(r -> r.userName("ada")).user();
        assertThat(read.userId()).isEqualTo(created.userId());
        assertThat(read.arn()).isEqualTo(created.arn());

        assertThat(iam.listUsers(r -> r.pathPrefix("/eng/")).users()).extracting(User::userName).containsExactly("ada");

        iam.updateUser(r -> r.userName("ada").newUserName("ada2").newPath("/ops/"));
        User renamed = iam.getUser(r -> r.userName("ada2")).user();
        assertThat(renamed.userId()).isEqualTo(created.userId());
        assertThat(renamed.arn()).isEqualTo("arn:aws:iam::" + account + ":user/ops/ada2");
        assertAwsError(() -> iam.getUser(r -> r.userName("ada")), "NoSuchEntity", 404);

        iam.deleteUser(r -> r.userName("ada2"));
        assertAwsError(() -> iam.getUser(r -> r.userName("ada2")), "NoSuchEntity", 404);
    }

    @Test
    void getUserWithoutANameDescribesTheCaller(IamClient iam, StrongroomTestServer server) {
        User me = iam.getUser().user();
        assertThat(me.arn()).isEqualTo(server.sts().getCallerIdentity().arn());
    }

    @Test
    void aNameTakenInAnotherCaseIsEntityAlreadyExistsAndNothingIsCreated(IamClient iam) {
        iam.createUser(r -> r.userName("CaseUser").path("/case/"));
        var error = assertAwsError(() -> iam.createUser(r -> r.userName("caseuser").path("/case/")),
                "EntityAlreadyExists", 409);
        assertThat(error.awsErrorDetails().errorMessage()).containsIgnoringCase("caseuser");
        assertThat(iam.listUsers(r -> r.pathPrefix("/case/")).users()).extracting(User::userName)
                .containsExactly("CaseUser");

        iam.createGroup(r -> r.groupName("CaseGroup"));
        assertAwsError(() -> iam.createGroup(r -> r.groupName("CASEGROUP")), "EntityAlreadyExists", 409);
        assertThat(iam.listGroups().groups()).filteredOn(g -> g.groupName().equalsIgnoreCase("casegroup")).hasSize(1);
    }

    @Test
    void unknownEntitiesAreNoSuchEntity(IamClient iam) {
        int users = iam.listUsers().users().size();
        assertAwsError(() -> iam.getUser(r -> r.userName("nobody")), "NoSuchEntity", 404);
        assertAwsError(() -> iam.deleteUser(r -> r.userName("nobody")), "NoSuchEntity", 404);
        assertAwsError(() -> iam.getGroup(r -> r.groupName("nogroup")), "NoSuchEntity", 404);
        assertAwsError(() -> iam.getRole(r -> r.roleName("norole")), "NoSuchEntity", 404);
        assertAwsError(() -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::" + account + ":policy/nopolicy")),
                "NoSuchEntity", 404);
        assertAwsError(() -> iam.createAccessKey(r -> r.userName("nobody")), "NoSuchEntity", 404);
        assertAwsError(() -> iam.attachUserPolicy(r -> r.userName("nobody").policyArn(ADMIN_POLICY)),
                "NoSuchEntity", 404);
        assertAwsError(() -> iam.getUserPolicy(r -> r.userName(adminName(iam)).policyName("absent")),
                "NoSuchEntity", 404);
        assertThat(iam.listUsers().users()).hasSize(users);
    }

    @Test
    void invalidNamesAreValidationErrorsAndCreateNothing(IamClient iam) {
        int users = iam.listUsers().users().size();
        assertAwsError(() -> iam.createUser(r -> r.userName("bad name!")), "ValidationError", 400);
        assertAwsError(() -> iam.createUser(r -> r.userName("x".repeat(65))), "ValidationError", 400);
        assertAwsError(() -> iam.listUsers(r -> r.maxItems(0)), "ValidationError", 400);
        assertAwsError(() -> iam.createRole(r -> r.roleName("r-bad-duration")
                .assumeRolePolicyDocument(Policies.trustAccount(account)).maxSessionDuration(60)),
                "ValidationError", 400);
        assertThat(iam.listUsers().users()).hasSize(users);
        assertAwsError(() -> iam.getRole(r -> r.roleName("r-bad-duration")), "NoSuchEntity", 404);
    }

    @Test
    void paginationWithMaxItemsAndMarkerVisitsEveryUserOnce(IamClient iam) {
        for (int i = 0; i < 5; i++) {
            int n = i;
            iam.createUser(r -> r.userName("page" + n).path("/paging/"));
        }
        List<String> seen = new ArrayList<>();
        ListUsersResponse page = iam.listUsers(r -> r.pathPrefix("/paging/").maxItems(2));
        int pages = 1;
        seen.addAll(page.users().stream().map(User::userName).toList());
        assertThat(page.users()).hasSize(2);
        assertThat(page.isTruncated()).isTrue();
        while (page.isTruncated()) {
            String marker = page.marker();
            assertThat(marker).isNotBlank();
            page = iam.listUsers(r -> r.pathPrefix("/paging/").maxItems(2).marker(marker));
            seen.addAll(page.users().stream().map(User::userName).toList());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrder("page0", "page1", "page2", "page3", "page4");
        assertThat(page.marker()).isNull();
        // the SDK paginator follows the same markers
        assertThat(iam.listUsersPaginator(r -> r.pathPrefix("/paging/").maxItems(1)).users())
                .extracting(User::userName).hasSize(5).doesNotHaveDuplicates();
    }

    // ---- groups and membership ----

    @Test
    void groupsHoldMembersAndRefuseDeletionWhileTheyDo(IamClient iam) {
        iam.createUser(r -> r.userName("member"));
        var group = iam.createGroup(r -> r.groupName("analysts").path("/teams/")).group();
        assertThat(group.arn()).isEqualTo("arn:aws:iam::" + account + ":group/teams/analysts");
        assertThat(group.groupId()).startsWith("AGPA");

        iam.addUserToGroup(r -> r.groupName("analysts").userName("member"));
        GetGroupResponse read = iam.getGroup(r -> r.groupName("analysts"));
        assertThat(read.group().groupId()).isEqualTo(group.groupId());
        assertThat(read.users()).extracting(User::userName).containsExactly("member");
        assertThat(iam.listGroupsForUser(r -> r.userName("member")).groups())
                .extracting(g -> g.groupName()).containsExactly("analysts");
        assertThat(iam.listGroups(r -> r.pathPrefix("/teams/")).groups()).extracting(g -> g.groupName())
                .containsExactly("analysts");

        assertAwsError(() -> iam.deleteGroup(r -> r.groupName("analysts")), "DeleteConflict", 409);
        assertAwsError(() -> iam.deleteUser(r -> r.userName("member")), "DeleteConflict", 409);
        assertThat(iam.getGroup(r -> r.groupName("analysts")).users()).hasSize(1);

        iam.removeUserFromGroup(r -> r.groupName("analysts").userName("member"));
        assertThat(iam.getGroup(r -> r.groupName("analysts")).users()).isEmpty();
        assertThat(iam.listGroupsForUser(r -> r.userName("member")).groups()).isEmpty();
        iam.deleteGroup(r -> r.groupName("analysts"));
        iam.deleteUser(r -> r.userName("member"));
        assertAwsError(() -> iam.getGroup(r -> r.groupName("analysts")), "NoSuchEntity", 404);
    }

    // ---- roles ----

    @Test
    void rolesAreCreatedUpdatedAndTheirTrustPolicyReplaced(IamClient iam) {
        String trust = Policies.trustAccount(account);
        Role role = iam.createRole(r -> r.roleName("deployer").path("/svc/").description("deploys")
                .assumeRolePolicyDocument(trust).maxSessionDuration(7200)).role();
        assertThat(role.arn()).isEqualTo("arn:aws:iam::" + account + ":role/svc/deployer");
        assertThat(role.roleId()).startsWith("AROA");
        assertThat(role.maxSessionDuration()).isEqualTo(7200);
        assertThat(decode(role.assumeRolePolicyDocument())).isEqualTo(trust);

        iam.updateRole(r -> r.roleName("deployer").description("deploys things").maxSessionDuration(3600));
        Role updated = iam.getRole(r -> r.roleName("deployer")).role();
        assertThat(updated.description()).isEqualTo("deploys things");
        assertThat(updated.maxSessionDuration()).isEqualTo(3600);

        String newTrust = Policies.trustPrincipal("arn:aws:iam::" + account + ":user/someone");
        iam.updateAssumeRolePolicy(r -> r.roleName("deployer").policyDocument(newTrust));
        assertThat(decode(iam.getRole(r -> r.roleName("deployer")).role().assumeRolePolicyDocument())).isEqualTo(newTrust);

        assertAwsError(() -> iam.updateAssumeRolePolicy(r -> r.roleName("deployer").policyDocument("{\"Version\":")),
                "MalformedPolicyDocument", 400);
        assertThat(decode(iam.getRole(r -> r.roleName("deployer")).role().assumeRolePolicyDocument())).isEqualTo(newTrust);

        assertThat(iam.listRoles(r -> r.pathPrefix("/svc/")).roles()).extracting(Role::roleName).containsExactly("deployer");
        iam.deleteRole(r -> r.roleName("deployer"));
        assertAwsError(() -> iam.getRole(r -> r.roleName("deployer")), "NoSuchEntity", 404);
    }

    // ---- access keys ----

    @Test
    void accessKeysAreCreatedListedDeactivatedUsedAndDeleted(IamClient iam, StrongroomTestServer server) {
        iam.createUser(r -> r.userName("keyholder"));
        AccessKey key = iam.createAccessKey(r -> r.userName("keyholder")).accessKey();
        assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(key.userName()).isEqualTo("keyholder");

        assertThat(iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).accessKeyLastUsed().lastUsedDate())
                .isNull();
        String arn = server.clientsFor(key.accessKeyId(), key.secretAccessKey()).sts().getCallerIdentity().arn();
        assertThat(arn).isEqualTo("arn:aws:iam::" + account + ":user/keyholder");
        var lastUsed = awaitLastUse(iam, key.accessKeyId());
        assertThat(lastUsed.userName()).isEqualTo("keyholder");
        assertThat(lastUsed.accessKeyLastUsed().lastUsedDate()).isCloseTo(Instant.now(), within(60));
        assertThat(lastUsed.accessKeyLastUsed().serviceName()).isEqualTo("sts");
        assertThat(lastUsed.accessKeyLastUsed().region()).isEqualTo("us-east-1");

        List<AccessKeyMetadata> listed = iam.listAccessKeys(r -> r.userName("keyholder")).accessKeyMetadata();
        assertThat(listed).extracting(AccessKeyMetadata::accessKeyId).containsExactly(key.accessKeyId());

        iam.updateAccessKey(r -> r.userName("keyholder").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        assertThat(iam.listAccessKeys(r -> r.userName("keyholder")).accessKeyMetadata().getFirst().status())
                .isEqualTo(StatusType.INACTIVE);
        assertAwsError(() -> server.clientsFor(key.accessKeyId(), key.secretAccessKey()).sts().getCallerIdentity(),
                "InvalidClientTokenId", 403);

        assertAwsError(() -> iam.deleteUser(r -> r.userName("keyholder")), "DeleteConflict", 409);
        assertThat(iam.listAccessKeys(r -> r.userName("keyholder")).accessKeyMetadata()).hasSize(1);

        iam.deleteAccessKey(r -> r.userName("keyholder").accessKeyId(key.accessKeyId()));
        assertThat(iam.listAccessKeys(r -> r.userName("keyholder")).accessKeyMetadata()).isEmpty();
        iam.deleteUser(r -> r.userName("keyholder"));
    }

    @Test
    void aThirdAccessKeyIsLimitExceeded(IamClient iam) {
        iam.createUser(r -> r.userName("twokeys"));
        iam.createAccessKey(r -> r.userName("twokeys"));
        iam.createAccessKey(r -> r.userName("twokeys"));
        assertAwsError(() -> iam.createAccessKey(r -> r.userName("twokeys")), "LimitExceeded", 409);
        assertThat(iam.listAccessKeys(r -> r.userName("twokeys")).accessKeyMetadata()).hasSize(2);
    }

    // ---- inline policies ----

    @Test
    void inlinePoliciesOfUsersGroupsAndRoles(IamClient iam) {
        iam.createUser(r -> r.userName("inline-user"));
        iam.createGroup(r -> r.groupName("inline-group"));
        iam.createRole(r -> r.roleName("inline-role").assumeRolePolicyDocument(Policies.trustAccount(account)));
        String doc = Policies.allow("iam:GetUser", "*");

        iam.putUserPolicy(r -> r.userName("inline-user").policyName("p").policyDocument(doc));
        iam.putGroupPolicy(r -> r.groupName("inline-group").policyName("p").policyDocument(doc));
        iam.putRolePolicy(r -> r.roleName("inline-role").policyName("p").policyDocument(doc));

        assertThat(decode(iam.getUserPolicy(r -> r.userName("inline-user").policyName("p")).policyDocument())).isEqualTo(doc);
        assertThat(decode(iam.getGroupPolicy(r -> r.groupName("inline-group").policyName("p")).policyDocument())).isEqualTo(doc);
        assertThat(decode(iam.getRolePolicy(r -> r.roleName("inline-role").policyName("p")).policyDocument())).isEqualTo(doc);
        assertThat(iam.listUserPolicies(r -> r.userName("inline-user")).policyNames()).containsExactly("p");
        assertThat(iam.listGroupPolicies(r -> r.groupName("inline-group")).policyNames()).containsExactly("p");
        assertThat(iam.listRolePolicies(r -> r.roleName("inline-role")).policyNames()).containsExactly("p");

        // replacing keeps one policy of the name
        String replaced = Policies.allow("iam:ListUsers", "*");
        iam.putUserPolicy(r -> r.userName("inline-user").policyName("p").policyDocument(replaced));
        assertThat(decode(iam.getUserPolicy(r -> r.userName("inline-user").policyName("p")).policyDocument())).isEqualTo(replaced);

        assertAwsError(() -> iam.deleteUser(r -> r.userName("inline-user")), "DeleteConflict", 409);
        assertAwsError(() -> iam.deleteGroup(r -> r.groupName("inline-group")), "DeleteConflict", 409);
        assertAwsError(() -> iam.deleteRole(r -> r.roleName("inline-role")), "DeleteConflict", 409);

        iam.deleteUserPolicy(r -> r.userName("inline-user").policyName("p"));
        iam.deleteGroupPolicy(r -> r.groupName("inline-group").policyName("p"));
        iam.deleteRolePolicy(r -> r.roleName("inline-role").policyName("p"));
        assertThat(iam.listUserPolicies(r -> r.userName("inline-user")).policyNames()).isEmpty();
        assertThat(iam.listGroupPolicies(r -> r.groupName("inline-group")).policyNames()).isEmpty();
        assertThat(iam.listRolePolicies(r -> r.roleName("inline-role")).policyNames()).isEmpty();
        assertAwsError(() -> iam.deleteUserPolicy(r -> r.userName("inline-user").policyName("p")), "NoSuchEntity", 404);
    }

    @Test
    void malformedInlinePoliciesAreRefusedAndNotStored(IamClient iam) {
        iam.createUser(r -> r.userName("malformed-user"));
        for (String bad : List.of("not json", "{\"Version\":\"2012-10-17\"}",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\"}]}",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"NoSuchOperator\":{\"aws:username\":\"x\"}}}]}")) {
            var error = assertAwsError(() -> iam.putUserPolicy(r -> r.userName("malformed-user").policyName("bad")
                    .policyDocument(bad)), "MalformedPolicyDocument", 400);
            assertThat(error.awsErrorDetails().errorMessage()).isNotBlank();
        }
        assertThat(iam.listUserPolicies(r -> r.userName("malformed-user")).policyNames()).isEmpty();
    }

    // ---- managed policies and versions ----

    @Test
    void managedPoliciesHaveVersionsAndADefault(IamClient iam) {
        String v1 = Policies.allow("iam:GetUser", "*");
        Policy policy = iam.createPolicy(r -> r.policyName("readers").path("/p/").description("read")
                .policyDocument(v1)).policy();
        String arn = "arn:aws:iam::" + account + ":policy/p/readers";
        assertThat(policy.arn()).isEqualTo(arn);
        assertThat(policy.defaultVersionId()).isEqualTo("v1");
        assertThat(policy.attachmentCount()).isZero();
        assertThat(policy.policyId()).startsWith("ANPA");

        String v2 = Policies.allow("iam:ListUsers", "*");
        PolicyVersion created = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(v2).setAsDefault(false))
                .policyVersion();
        assertThat(created.versionId()).isEqualTo("v2");
        assertThat(created.isDefaultVersion()).isFalse();
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v1");
        assertThat(decode(iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v2")).policyVersion().document()))
                .isEqualTo(v2);

        iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v2"));
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v2");
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions())
                .extracting(PolicyVersion::versionId, PolicyVersion::isDefaultVersion)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("v1", false),
                        org.assertj.core.groups.Tuple.tuple("v2", true));

        assertAwsError(() -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v2")), "DeleteConflict", 409);
        assertAwsError(() -> iam.deletePolicy(r -> r.policyArn(arn)), "DeleteConflict", 409);
        iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v1"));
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).extracting(PolicyVersion::versionId)
                .containsExactly("v2");

        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).pathPrefix("/p/")).policies())
                .extracting(Policy::policyName).containsExactly("readers");
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS)).policies()).extracting(Policy::policyName)
                .contains("AdministratorAccess", "ReadOnlyAccess", "IAMFullAccess", "IAMReadOnlyAccess");

        iam.deletePolicy(r -> r.policyArn(arn));
        assertAwsError(() -> iam.getPolicy(r -> r.policyArn(arn)), "NoSuchEntity", 404);
    }

    @Test
    void aSixthPolicyVersionIsLimitExceeded(IamClient iam) {
        String arn = iam.createPolicy(r -> r.policyName("fiveversions").policyDocument(Policies.allow("iam:GetUser", "*")))
                .policy().arn();
        for (int i = 2; i <= 5; i++) {
            iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(Policies.allow("iam:ListUsers", "*")));
        }
        assertAwsError(() -> iam.createPolicyVersion(r -> r.policyArn(arn)
                .policyDocument(Policies.allow("iam:ListRoles", "*")).setAsDefault(true)), "LimitExceeded", 409);
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).hasSize(5);
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v1");
    }

    @Test
    void malformedManagedPoliciesCreateNothing(IamClient iam) {
        String arn = "arn:aws:iam::" + account + ":policy/broken";
        assertAwsError(() -> iam.createPolicy(r -> r.policyName("broken").policyDocument("{\"Statement\":[]")),
                "MalformedPolicyDocument", 400);
        assertAwsError(() -> iam.getPolicy(r -> r.policyArn(arn)), "NoSuchEntity", 404);
        assertAwsError(() -> iam.createPolicy(r -> r.policyName("broken").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Principal\":\"*\"}]}")), "MalformedPolicyDocument", 400);
        assertAwsError(() -> iam.getPolicy(r -> r.policyArn(arn)), "NoSuchEntity", 404);
    }

    @Test
    void awsManagedPoliciesAreUnmodifiable(IamClient iam) {
        assertAwsError(() -> iam.deletePolicy(r -> r.policyArn(ADMIN_POLICY)), "UnmodifiableEntity", 400);
        assertAwsError(() -> iam.createPolicyVersion(r -> r.policyArn(ADMIN_POLICY)
                .policyDocument(Policies.allow("iam:GetUser", "*"))), "UnmodifiableEntity", 400);
        Policy admin = iam.getPolicy(r -> r.policyArn(ADMIN_POLICY)).policy();
        assertThat(admin.defaultVersionId()).isEqualTo("v1");
        assertThat(iam.listPolicyVersions(r -> r.policyArn(ADMIN_POLICY)).versions()).hasSize(1);
    }

    // ---- attachments ----

    @Test
    void managedPoliciesAttachToUsersGroupsAndRoles(IamClient iam) {
        iam.createUser(r -> r.userName("attach-user"));
        iam.createGroup(r -> r.groupName("attach-group"));
        iam.createRole(r -> r.roleName("attach-role").assumeRolePolicyDocument(Policies.trustAccount(account)));
        String local = iam.createPolicy(r -> r.policyName("attachable").policyDocument(Policies.allow("iam:GetUser", "*")))
                .policy().arn();

        iam.attachUserPolicy(r -> r.userName("attach-user").policyArn(local));
        iam.attachUserPolicy(r -> r.userName("attach-user").policyArn(READ_ONLY_POLICY));
        iam.attachGroupPolicy(r -> r.groupName("attach-group").policyArn(local));
        iam.attachRolePolicy(r -> r.roleName("attach-role").policyArn(local));

        assertThat(iam.listAttachedUserPolicies(r -> r.userName("attach-user")).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactlyInAnyOrder(local, READ_ONLY_POLICY);
        assertThat(iam.listAttachedGroupPolicies(r -> r.groupName("attach-group")).attachedPolicies())
                .extracting(AttachedPolicy::policyName).containsExactly("attachable");
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("attach-role")).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(local);
        assertThat(iam.getPolicy(r -> r.policyArn(local)).policy().attachmentCount()).isEqualTo(3);

        assertAwsError(() -> iam.deletePolicy(r -> r.policyArn(local)), "DeleteConflict", 409);
        assertAwsError(() -> iam.deleteUser(r -> r.userName("attach-user")), "DeleteConflict", 409);
        assertAwsError(() -> iam.deleteGroup(r -> r.groupName("attach-group")), "DeleteConflict", 409);
        assertAwsError(() -> iam.deleteRole(r -> r.roleName("attach-role")), "DeleteConflict", 409);
        assertThat(iam.getPolicy(r -> r.policyArn(local)).policy().attachmentCount()).isEqualTo(3);

        iam.detachUserPolicy(r -> r.userName("attach-user").policyArn(local));
        iam.detachUserPolicy(r -> r.userName("attach-user").policyArn(READ_ONLY_POLICY));
        iam.detachGroupPolicy(r -> r.groupName("attach-group").policyArn(local));
        iam.detachRolePolicy(r -> r.roleName("attach-role").policyArn(local));
        assertThat(iam.listAttachedUserPolicies(r -> r.userName("attach-user")).attachedPolicies()).isEmpty();
        assertThat(iam.listAttachedGroupPolicies(r -> r.groupName("attach-group")).attachedPolicies()).isEmpty();
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("attach-role")).attachedPolicies()).isEmpty();
        assertAwsError(() -> iam.detachUserPolicy(r -> r.userName("attach-user").policyArn(local)), "NoSuchEntity", 404);
        iam.deletePolicy(r -> r.policyArn(local));
    }

    // ---- tags ----

    @Test
    void usersAndRolesAreTaggedAndUntagged(IamClient iam) {
        iam.createUser(r -> r.userName("tagged-user"));
        iam.createRole(r -> r.roleName("tagged-role").assumeRolePolicyDocument(Policies.trustAccount(account)));
        Tag team = Tag.builder().key("team").value("blue").build();
        Tag cost = Tag.builder().key("cost-center").value("42").build();

        iam.tagUser(r -> r.userName("tagged-user").tags(team, cost));
        iam.tagRole(r -> r.roleName("tagged-role").tags(team, cost));
        assertThat(iam.listUserTags(r -> r.userName("tagged-user")).tags()).containsExactlyInAnyOrder(team, cost);
        assertThat(iam.listRoleTags(r -> r.roleName("tagged-role")).tags()).containsExactlyInAnyOrder(team, cost);

        Tag teamRed = Tag.builder().key("team").value("red").build();
        iam.tagUser(r -> r.userName("tagged-user").tags(teamRed));
        assertThat(iam.listUserTags(r -> r.userName("tagged-user")).tags()).containsExactlyInAnyOrder(teamRed, cost);

        iam.untagUser(r -> r.userName("tagged-user").tagKeys("team"));
        iam.untagRole(r -> r.roleName("tagged-role").tagKeys("cost-center"));
        assertThat(iam.listUserTags(r -> r.userName("tagged-user")).tags()).containsExactly(cost);
        assertThat(iam.listRoleTags(r -> r.roleName("tagged-role")).tags()).containsExactly(team);
        assertThat(iam.getRole(r -> r.roleName("tagged-role")).role().tags()).containsExactly(team);
    }

    // ---- permissions boundaries ----

    @Test
    void permissionsBoundariesAreSetReadAndRemoved(IamClient iam) {
        iam.createUser(r -> r.userName("bounded-user"));
        iam.createRole(r -> r.roleName("bounded-role").assumeRolePolicyDocument(Policies.trustAccount(account)));

        iam.putUserPermissionsBoundary(r -> r.userName("bounded-user").permissionsBoundary(READ_ONLY_POLICY));
        iam.putRolePermissionsBoundary(r -> r.roleName("bounded-role").permissionsBoundary(READ_ONLY_POLICY));
        var userBoundary = iam.getUser(r -> r.userName("bounded-user")).user().permissionsBoundary();
        assertThat(userBoundary.permissionsBoundaryArn()).isEqualTo(READ_ONLY_POLICY);
        assertThat(userBoundary.permissionsBoundaryTypeAsString()).isEqualTo("PermissionsBoundaryPolicy");
        assertThat(iam.getRole(r -> r.roleName("bounded-role")).role().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(READ_ONLY_POLICY);

        assertAwsError(() -> iam.putUserPermissionsBoundary(r -> r.userName("bounded-user")
                .permissionsBoundary("arn:aws:iam::" + account + ":policy/absent")), "NoSuchEntity", 404);
        assertThat(iam.getUser(r -> r.userName("bounded-user")).user().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(READ_ONLY_POLICY);

        iam.deleteUserPermissionsBoundary(r -> r.userName("bounded-user"));
        iam.deleteRolePermissionsBoundary(r -> r.roleName("bounded-role"));
        assertThat(iam.getUser(r -> r.userName("bounded-user")).user().permissionsBoundary()).isNull();
        assertThat(iam.getRole(r -> r.roleName("bounded-role")).role().permissionsBoundary()).isNull();
    }

    // ---- account authorization details ----

    @Test
    void accountAuthorizationDetailsDescribeEveryPrincipalAndPolicy(IamClient iam) {
        iam.createUser(r -> r.userName("detail-user"));
        iam.createGroup(r -> r.groupName("detail-group"));
        iam.addUserToGroup(r -> r.groupName("detail-group").userName("detail-user"));
        iam.putUserPolicy(r -> r.userName("detail-user").policyName("inline").policyDocument(Policies.allow("iam:GetUser", "*")));
        iam.attachUserPolicy(r -> r.userName("detail-user").policyArn(READ_ONLY_POLICY));
        iam.createRole(r -> r.roleName("detail-role").assumeRolePolicyDocument(Policies.trustAccount(account)));
        String local = iam.createPolicy(r -> r.policyName("detail-policy").policyDocument(Policies.allow("iam:ListUsers", "*")))
                .policy().arn();

        GetAccountAuthorizationDetailsResponse details = iam.getAccountAuthorizationDetails(r -> r.filter(
                EntityType.USER, EntityType.GROUP, EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY));
        var user = details.userDetailList().stream().filter(u -> u.userName().equals("detail-user")).findFirst().orElseThrow();
        assertThat(user.groupList()).containsExactly("detail-group");
        assertThat(user.userPolicyList()).extracting(p -> p.policyName()).containsExactly("inline");
        assertThat(user.attachedManagedPolicies()).extracting(AttachedPolicy::policyArn).containsExactly(READ_ONLY_POLICY);
        assertThat(details.groupDetailList()).extracting(g -> g.groupName()).contains("detail-group");
        assertThat(details.roleDetailList()).extracting(r -> r.roleName()).contains("detail-role");
        assertThat(details.policies()).extracting(p -> p.arn()).contains(local).doesNotContain(READ_ONLY_POLICY);
        var policy = details.policies().stream().filter(p -> p.arn().equals(local)).findFirst().orElseThrow();
        assertThat(policy.policyVersionList()).hasSize(1);
        assertThat(decode(policy.policyVersionList().getFirst().document())).isEqualTo(Policies.allow("iam:ListUsers", "*"));

        var onlyRoles = iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.ROLE));
        assertThat(onlyRoles.userDetailList()).isEmpty();
        assertThat(onlyRoles.policies()).isEmpty();
        assertThat(onlyRoles.roleDetailList()).isNotEmpty();
    }

    @Test
    void accountAuthorizationDetailsArePaged(IamClient iam) {
        iam.createUser(r -> r.userName("detail-page-a"));
        iam.createUser(r -> r.userName("detail-page-b"));
        var firstPage = iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.USER).maxItems(1));
        assertThat(firstPage.userDetailList()).hasSize(1);
        assertThat(firstPage.isTruncated()).isTrue();
        var secondPage = iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.USER).maxItems(1)
                .marker(firstPage.marker()));
        assertThat(secondPage.userDetailList()).hasSize(1);
        assertThat(secondPage.userDetailList().getFirst().userName())
                .isNotEqualTo(firstPage.userDetailList().getFirst().userName());

        var everyUser = iam.getAccountAuthorizationDetailsPaginator(r -> r.filter(EntityType.USER).maxItems(1))
                .stream().flatMap(page -> page.userDetailList().stream()).map(u -> u.userName()).toList();
        assertThat(everyUser).contains("detail-page-a", "detail-page-b").doesNotHaveDuplicates();

        assertAwsError(() -> iam.getAccountAuthorizationDetails(r -> r.marker("not-a-marker")), "ValidationError", 400);
    }

    @Test
    void accessKeysAndPolicyVersionsArePaged(IamClient iam) {
        iam.createUser(r -> r.userName("paged-keys"));
        iam.createAccessKey(r -> r.userName("paged-keys"));
        iam.createAccessKey(r -> r.userName("paged-keys"));
        var firstKey = iam.listAccessKeys(r -> r.userName("paged-keys").maxItems(1));
        assertThat(firstKey.accessKeyMetadata()).hasSize(1);
        assertThat(firstKey.isTruncated()).isTrue();
        var secondKey = iam.listAccessKeys(r -> r.userName("paged-keys").maxItems(1).marker(firstKey.marker()));
        assertThat(secondKey.accessKeyMetadata()).hasSize(1);
        assertThat(secondKey.isTruncated()).isFalse();
        assertThat(secondKey.accessKeyMetadata().getFirst().accessKeyId())
                .isNotEqualTo(firstKey.accessKeyMetadata().getFirst().accessKeyId());
    }

    /**
     * Last-used data is recorded in the background (coalesced, flushed every few seconds), as in AWS
     * where it is eventually consistent; wait for it within a bound rather than a fixed sleep.
     */
    private static software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse awaitLastUse(
            IamClient iam, String accessKeyId) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            var answer = iam.getAccessKeyLastUsed(r -> r.accessKeyId(accessKeyId));
            if (answer.accessKeyLastUsed().lastUsedDate() != null || Instant.now().isAfter(deadline)) {
                return answer;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
        }
    }

    private static String adminName(IamClient iam) {
        return iam.getUser().user().userName();
    }

    /** IAM returns policy documents URL-encoded, as AWS does. */
    private static String decode(String document) {
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
        return org.assertj.core.api.Assertions.within(seconds, ChronoUnit.SECONDS);
    }
}
