package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The same behaviour with the store on PostgreSQL: users, keys, policies, AssumeRole, AccessDenied. */
@UsePostgres
@ExtendWith(StrongroomExtension.class)
class PostgresEndToEndTest {

    @Test
    void theServerRunsOnPostgres(StrongroomTestServer server) {
        assertThat(server.server().config().dbUrl()).startsWith("jdbc:postgresql:");
    }

    @Test
    void usersKeysPoliciesAndAccessDecisions(IamClient iam, StrongroomTestServer server) {
        TestUsers users = new TestUsers(server);
        TestUsers.Caller caller = users.create("pg-user");
        assertThat(iam.listUsers().users()).extracting(User::userName).contains("pg-user");
        assertAwsError(() -> iam.createUser(r -> r.userName("PG-USER")), "EntityAlreadyExists", 409);

        var denied = assertAwsError(() -> caller.iam().getUser(r -> r.userName("pg-user")), "AccessDenied", 403);
        assertThat(denied.awsErrorDetails().errorMessage()).endsWith(
                "because no identity-based policy allows the iam:GetUser action");

        String policyArn = iam.createPolicy(r -> r.policyName("pg-read").policyDocument(Policies.allow("iam:GetUser", "*")))
                .policy().arn();
        iam.attachUserPolicy(r -> r.userName("pg-user").policyArn(policyArn));
        assertThat(caller.iam().getUser(r -> r.userName("pg-user")).user().arn()).isEqualTo(users.userArn("pg-user"));

        iam.createPolicyVersion(r -> r.policyArn(policyArn).setAsDefault(true)
                .policyDocument(Policies.deny("iam:GetUser", "*")));
        assertAwsError(() -> caller.iam().getUser(r -> r.userName("pg-user")), "AccessDenied", 403);

        iam.createAccessKey(r -> r.userName("pg-user"));
        assertAwsError(() -> iam.createAccessKey(r -> r.userName("pg-user")), "LimitExceeded", 409);
        assertThat(iam.listAccessKeys(r -> r.userName("pg-user")).accessKeyMetadata()).hasSize(2);
    }

    @Test
    void assumeRoleOnPostgres(IamClient iam, StrongroomTestServer server) {
        String account = server.sts().getCallerIdentity().account();
        String roleArn = iam.createRole(r -> r.roleName("pg-role").assumeRolePolicyDocument(Policies.trustAccount(account)))
                .role().arn();
        iam.putRolePolicy(r -> r.roleName("pg-role").policyName("p").policyDocument(Policies.allow("iam:ListUsers", "*")));
        Credentials credentials = server.sts().assumeRole(r -> r.roleArn(roleArn).roleSessionName("pg-session"))
                .credentials();
        AwsClients session = server.clientsFor(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
        assertThat(session.sts().getCallerIdentity().arn())
                .isEqualTo("arn:aws:sts::" + account + ":assumed-role/pg-role/pg-session");
        assertThat(session.iam().listUsers().users()).isNotEmpty();
        assertAwsError(() -> session.iam().createUser(r -> r.userName("by-pg-session")), "AccessDenied", 403);
        assertAwsError(() -> iam.getUser(r -> r.userName("by-pg-session")), "NoSuchEntity", 404);
    }
}
