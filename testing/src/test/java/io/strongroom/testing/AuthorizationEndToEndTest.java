package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/** Identity-based policy evaluation as SDK callers see it: allow, implicit and explicit deny, conditions, boundaries. */
@ExtendWith(StrongroomExtension.class)
class AuthorizationEndToEndTest {

    private static TestUsers users;

    @BeforeAll
    static void users(StrongroomTestServer server) {
        users = new TestUsers(server);
    }

    @Test
    void aUserWithoutPoliciesIsDeniedWithAwsWording(IamClient admin) {
        TestUsers.Caller caller = users.create("nopolicy");
        String arn = users.userArn("nopolicy");
        var error = assertAwsError(() -> caller.iam().getUser(r -> r.userName("nopolicy")), "AccessDenied", 403);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: " + arn
                + " is not authorized to perform: iam:GetUser on resource: " + arn
                + " because no identity-based policy allows the iam:GetUser action");

        assertAwsError(() -> caller.iam().createUser(r -> r.userName("created-by-nopolicy")), "AccessDenied", 403);
        assertAwsError(() -> admin.getUser(r -> r.userName("created-by-nopolicy")), "NoSuchEntity", 404);
        // GetCallerIdentity needs no permission, as in AWS
        assertThat(caller.clients().sts().getCallerIdentity().arn()).isEqualTo(arn);
    }

    @Test
    void aGroupPolicyGrantsItsMembers(IamClient admin) {
        TestUsers.Caller caller = users.create("grouped");
        admin.createGroup(r -> r.groupName("readers"));
        admin.putGroupPolicy(r -> r.groupName("readers").policyName("read")
                .policyDocument(Policies.allow("iam:GetUser", "*")));
        assertAwsError(() -> caller.iam().getUser(r -> r.userName("grouped")), "AccessDenied", 403);

        admin.addUserToGroup(r -> r.groupName("readers").userName("grouped"));
        assertThat(caller.iam().getUser(r -> r.userName("grouped")).user().userName()).isEqualTo("grouped");
        assertAwsError(() -> caller.iam().listUsers(), "AccessDenied", 403);

        admin.removeUserFromGroup(r -> r.groupName("readers").userName("grouped"));
        assertAwsError(() -> caller.iam().getUser(r -> r.userName("grouped")), "AccessDenied", 403);
    }

    @Test
    void anExplicitDenyWinsOverAnAllow(IamClient admin) {
        TestUsers.Caller caller = users.create("denied");
        admin.putUserPolicy(r -> r.userName("denied").policyName("all").policyDocument(Policies.allow("iam:*", "*")));
        admin.putUserPolicy(r -> r.userName("denied").policyName("no-create")
                .policyDocument(Policies.deny("iam:CreateUser", "*")));
        assertThat(caller.iam().listUsers().users()).isNotEmpty();

        String arn = users.userArn("denied");
        var error = assertAwsError(() -> caller.iam().createUser(r -> r.userName("by-denied")), "AccessDenied", 403);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: " + arn
                + " is not authorized to perform: iam:CreateUser on resource: " + users.userArn("by-denied")
                + " with an explicit deny in an identity-based policy");
        assertAwsError(() -> admin.getUser(r -> r.userName("by-denied")), "NoSuchEntity", 404);
    }

    @Test
    void theUsernameVariableLimitsAUserToItself(IamClient admin) {
        TestUsers.Caller caller = users.create("selfie");
        users.create("someone-else");
        admin.putUserPolicy(r -> r.userName("selfie").policyName("self")
                .policyDocument(Policies.allow("iam:GetUser", "arn:aws:iam::*:user/${aws:username}")));
        assertThat(caller.iam().getUser(r -> r.userName("selfie")).user().arn()).isEqualTo(users.userArn("selfie"));
        var error = assertAwsError(() -> caller.iam().getUser(r -> r.userName("someone-else")), "AccessDenied", 403);
        assertThat(error.awsErrorDetails().errorMessage()).contains("on resource: " + users.userArn("someone-else"));
    }

    @Test
    void sourceIpConditionsSeeTheLoopbackAddress(IamClient admin) {
        TestUsers.Caller local = users.create("from-loopback");
        TestUsers.Caller remote = users.create("from-ten");
        admin.putUserPolicy(r -> r.userName("from-loopback").policyName("ip").policyDocument(Policies.allowIf(
                "iam:GetUser", "*", "{\"IpAddress\":{\"aws:SourceIp\":\"127.0.0.1/32\"}}")));
        admin.putUserPolicy(r -> r.userName("from-ten").policyName("ip").policyDocument(Policies.allowIf(
                "iam:GetUser", "*", "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}")));
        assertThat(local.iam().getUser(r -> r.userName("from-loopback")).user().userName()).isEqualTo("from-loopback");
        assertAwsError(() -> remote.iam().getUser(r -> r.userName("from-ten")), "AccessDenied", 403);
    }

    @Test
    void principalTagConditionsReadTheCallersTags(IamClient admin) {
        TestUsers.Caller blue = users.create("tag-blue");
        TestUsers.Caller red = users.create("tag-red");
        admin.tagUser(r -> r.userName("tag-blue").tags(Tag.builder().key("team").value("blue").build()));
        admin.tagUser(r -> r.userName("tag-red").tags(Tag.builder().key("team").value("red").build()));
        String policy = Policies.allowIf("iam:GetUser", "*",
                "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}}");
        admin.putUserPolicy(r -> r.userName("tag-blue").policyName("tag").policyDocument(policy));
        admin.putUserPolicy(r -> r.userName("tag-red").policyName("tag").policyDocument(policy));

        assertThat(blue.iam().getUser(r -> r.userName("tag-blue")).user().userName()).isEqualTo("tag-blue");
        assertAwsError(() -> red.iam().getUser(r -> r.userName("tag-red")), "AccessDenied", 403);

        // re-tagging takes effect on the next call
        admin.tagUser(r -> r.userName("tag-red").tags(Tag.builder().key("team").value("blue").build()));
        assertThat(red.iam().getUser(r -> r.userName("tag-red")).user().userName()).isEqualTo("tag-red");
    }

    @Test
    void aPermissionsBoundaryLimitsAnAdministrator(IamClient admin) {
        TestUsers.Caller caller = users.create("bounded-admin");
        admin.attachUserPolicy(r -> r.userName("bounded-admin").policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
        assertThat(caller.iam().getUser(r -> r.userName("bounded-admin")).user().permissionsBoundary()).isNull();

        admin.putUserPermissionsBoundary(r -> r.userName("bounded-admin")
                .permissionsBoundary("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        assertThat(caller.iam().listUsers().users()).isNotEmpty();
        var error = assertAwsError(() -> caller.iam().createUser(r -> r.userName("by-bounded")), "AccessDenied", 403);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: " + users.userArn("bounded-admin")
                + " is not authorized to perform: iam:CreateUser on resource: " + users.userArn("by-bounded")
                + " because no permissions boundary allows the iam:CreateUser action");
        assertAwsError(() -> admin.getUser(r -> r.userName("by-bounded")), "NoSuchEntity", 404);
    }

    @Test
    void aPolicyChangeTakesEffectOnTheNextCall(IamClient admin) {
        TestUsers.Caller caller = users.create("changing");
        assertAwsError(() -> caller.iam().getUser(r -> r.userName("changing")), "AccessDenied", 403);

        admin.putUserPolicy(r -> r.userName("changing").policyName("p").policyDocument(Policies.allow("iam:GetUser", "*")));
        assertThat(caller.iam().getUser(r -> r.userName("changing")).user().userName()).isEqualTo("changing");

        admin.putUserPolicy(r -> r.userName("changing").policyName("deny")
                .policyDocument(Policies.deny("iam:GetUser", "*")));
        assertAwsError(() -> caller.iam().getUser(r -> r.userName("changing")), "AccessDenied", 403);

        admin.deleteUserPolicy(r -> r.userName("changing").policyName("deny"));
        assertThat(caller.iam().getUser(r -> r.userName("changing")).user().userName()).isEqualTo("changing");

        // a managed policy's new default version applies at once too
        String arn = admin.createPolicy(r -> r.policyName("changing-managed")
                .policyDocument(Policies.allow("iam:ListRoles", "*"))).policy().arn();
        admin.attachUserPolicy(r -> r.userName("changing").policyArn(arn));
        assertThat(caller.iam().listRoles().roles()).isNotNull();
        admin.createPolicyVersion(r -> r.policyArn(arn).setAsDefault(true)
                .policyDocument(Policies.allow("iam:ListGroups", "*")));
        assertAwsError(() -> caller.iam().listRoles(), "AccessDenied", 403);
        assertThat(caller.iam().listGroups().groups()).isNotNull();

        // a deleted key stops working at once
        admin.deleteAccessKey(r -> r.userName("changing").accessKeyId(caller.key().accessKeyId()));
        assertAwsError(() -> caller.clients().sts().getCallerIdentity(), "InvalidClientTokenId", 403);
    }
}
