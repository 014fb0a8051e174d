package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/** AssumeRole and temporary credentials through the SDK: trust, external id, duration, session policy, expiry. */
@ExtendWith(StrongroomExtension.class)
class StsEndToEndTest {

    private static String account;

    @BeforeAll
    static void account(StsClient sts) {
        account = sts.getCallerIdentity().account();
    }

    @Test
    void assumedRoleCredentialsWorkWithSdkClientsUnderTheRolesPolicy(IamClient iam, StsClient sts,
                                                                     StrongroomTestServer server) {
        String roleArn = roleWithPolicy(iam, "reader", Policies.trustAccount(account),
                Policies.document(Policies.statement("Allow", "iam:GetUser", "*", ""),
                        Policies.statement("Allow", "iam:ListUsers", "*", "")));
        Instant before = Instant.now();
        AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("alice").durationSeconds(900));
        Credentials credentials = assumed.credentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(credentials.secretAccessKey()).hasSize(40);
        assertThat(credentials.sessionToken()).isNotBlank();
        assertThat(credentials.expiration()).isCloseTo(before.plusSeconds(900), within(60, ChronoUnit.SECONDS));
        String sessionArn = "arn:aws:sts::" + account + ":assumed-role/reader/alice";
        assertThat(assumed.assumedRoleUser().arn()).isEqualTo(sessionArn);
        assertThat(assumed.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":alice");

        AwsClients session = clientsOf(server, credentials);
        var identity = session.sts().getCallerIdentity();
        assertThat(identity.arn()).isEqualTo(sessionArn);
        assertThat(identity.account()).isEqualTo(account);
        assertThat(identity.userId()).isEqualTo(assumed.assumedRoleUser().assumedRoleId());

        assertThat(session.iam().listUsers().users()).isNotEmpty();
        var denied = assertAwsError(() -> session.iam().createUser(r -> r.userName("by-session")), "AccessDenied", 403);
        assertThat(denied.awsErrorDetails().errorMessage()).startsWith("User: " + sessionArn
                + " is not authorized to perform: iam:CreateUser");
        assertAwsError(() -> iam.getUser(r -> r.userName("by-session")), "NoSuchEntity", 404);
    }

    @Test
    void aSessionPolicyNarrowsTheRolesPolicy(IamClient iam, StsClient sts, StrongroomTestServer server) {
        String roleArn = roleWithPolicy(iam, "narrowed", Policies.trustAccount(account), Policies.allow("iam:*", "*"));
        Credentials credentials = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("narrow")
                .policy(Policies.allow("iam:GetUser", "*"))).credentials();
        AwsClients session = clientsOf(server, credentials);

        assertThat(session.iam().getUser(r -> r.userName(iam.getUser().user().userName())).user()).isNotNull();
        var denied = assertAwsError(() -> session.iam().listUsers(), "AccessDenied", 403);
        assertThat(denied.awsErrorDetails().errorMessage())
                .endsWith("because no session policy allows the iam:ListUsers action");
    }

    @Test
    void theTrustPolicyDecidesWhoMayAssume(IamClient iam, StsClient sts, StrongroomTestServer server) {
        TestUsers users = new TestUsers(server);
        TestUsers.Caller trusted = users.create("trusted");
        iam.putUserPolicy(r -> r.userName("trusted").policyName("assume")
                .policyDocument(Policies.allow("sts:AssumeRole", "*")));
        String roleArn = roleWithPolicy(iam, "only-trusted", Policies.trustPrincipal(users.userArn("trusted")),
                Policies.allow("iam:GetUser", "*"));

        var error = assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("admin")),
                "AccessDenied", 403);
        assertThat(error.awsErrorDetails().errorMessage()).contains("is not authorized to perform: sts:AssumeRole on resource: "
                + roleArn);
        var identity = clientsOf(server, trusted.clients().sts()
                .assumeRole(r -> r.roleArn(roleArn).roleSessionName("ok")).credentials()).sts().getCallerIdentity();
        assertThat(identity.arn()).isEqualTo("arn:aws:sts::" + account + ":assumed-role/only-trusted/ok");
    }

    @Test
    void anExternalIdIsRequiredAndMustMatch(IamClient iam, StsClient sts) {
        String roleArn = roleWithPolicy(iam, "partner", Policies.trustAccountWithExternalId(account, "secret-handshake"),
                Policies.allow("iam:GetUser", "*"));
        assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("session")), "AccessDenied", 403);
        assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("session").externalId("wrong-handshake")),
                "AccessDenied", 403);
        assertThat(sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("session").externalId("secret-handshake"))
                .credentials().accessKeyId()).startsWith("ASIA");
    }

    @Test
    void aDurationOutsideTheRolesBoundsIsAValidationError(IamClient iam, StsClient sts) {
        String roleArn = roleWithPolicy(iam, "short", Policies.trustAccount(account), Policies.allow("iam:GetUser", "*"));
        assertThat(iam.getRole(r -> r.roleName("short")).role().maxSessionDuration()).isEqualTo(3600);
        var error = assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("session").durationSeconds(7200)),
                "ValidationError", 400);
        assertThat(error.awsErrorDetails().errorMessage()).contains("MaxSessionDuration");
        assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("session").durationSeconds(899)),
                "ValidationError", 400);
        assertThat(sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("session").durationSeconds(3600))
                .credentials().expiration()).isCloseTo(Instant.now().plusSeconds(3600), within(60, ChronoUnit.SECONDS));
    }

    @Test
    void aTemporaryKeyNeedsItsOwnSessionToken(IamClient iam, StsClient sts, StrongroomTestServer server) {
        String roleArn = roleWithPolicy(iam, "tokened", Policies.trustAccount(account), Policies.allow("iam:GetUser", "*"));
        Credentials first = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("one")).credentials();
        Credentials second = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("two")).credentials();

        assertAwsError(() -> server.clientsFor(first.accessKeyId(), first.secretAccessKey()).sts().getCallerIdentity(),
                "InvalidClientTokenId", 403);
        assertAwsError(() -> server.clientsFor(first.accessKeyId(), first.secretAccessKey(), second.sessionToken())
                .sts().getCallerIdentity(), "InvalidClientTokenId", 403);
        // a long-term key presented with a session token is refused as well
        assertAwsError(() -> server.clientsFor(server.admin().accessKeyId(), server.admin().secretAccessKey(),
                first.sessionToken()).sts().getCallerIdentity(), "InvalidClientTokenId", 403);
        assertThat(clientsOf(server, first).sts().getCallerIdentity().arn()).endsWith("assumed-role/tokened/one");
    }

    /** Its own node with a clock the test moves: AssumeRole for 15 minutes, then 16 minutes pass. */
    @Test
    void expiredSessionCredentialsAreExpiredToken() throws Exception {
        MutableClock clock = new MutableClock();
        try (StrongroomTestServer node = StrongroomTestServer.start(Optional.empty(), Map.of(), clock)) {
            String nodeAccount = node.sts().getCallerIdentity().account();
            String roleArn = roleWithPolicy(node.iam(), "brief", Policies.trustAccount(nodeAccount),
                    Policies.allow("iam:GetUser", "*"));
            Credentials credentials = node.sts().assumeRole(r -> r.roleArn(roleArn).roleSessionName("session")
                    .durationSeconds(900)).credentials();
            assertThat(clientsOf(node, credentials).sts().getCallerIdentity().arn()).endsWith("assumed-role/brief/session");

            clock.advance(Duration.ofMinutes(16));
            QueryHttp http = new QueryHttp(node.endpoint());
            AwsSessionCredentialsIdentity identity = AwsSessionCredentialsIdentity.create(
                    credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
            String body = "Action=GetCallerIdentity&Version=2011-06-15";
            // signed at the node's (moved) time, so only the session's expiry is wrong
            QueryHttp.Answer answer = http.send(http.sign(http.post(Map.of()).build(), body, identity, "sts", clock), body);
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.errorCode()).isEqualTo("ExpiredToken");
            assertThat(answer.errorMessage()).isEqualTo("The security token included in the request is expired");
            assertThat(answer.requestIdHeader()).isPresent();
        }
    }

    private static String roleWithPolicy(IamClient iam, String name, String trust, String policy) {
        String arn = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust)).role().arn();
        iam.putRolePolicy(r -> r.roleName(name).policyName("permissions").policyDocument(policy));
        return arn;
    }

    private static AwsClients clientsOf(StrongroomTestServer server, Credentials credentials) {
        return server.clientsFor(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }
}
