package io.strongroom.iam.sts;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.auth.ResolvedCredential;
import io.strongroom.iam.auth.SessionTokens;
import io.strongroom.iam.identity.PageRequest;
import io.strongroom.iam.identity.Role;
import io.strongroom.iam.identity.Tag;
import io.strongroom.iam.testing.IamFixture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StsServiceTest {
    private final IamFixture f = new IamFixture();

    private Role role(String name, String condition, List<Tag> tags) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + f.account + ":user/bob\"},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\","
                + "\"sts:SetSourceIdentity\"]"
                + condition + "}]}";
        return f.iam.createRole(f.admin, name, trust, Optional.empty(), Optional.empty(), Optional.of(7200),
                Optional.empty(), tags);
    }

    private CallContext bobAllowedToAssume() {
        CallContext bob = f.newUser("bob");
        f.iam.putUserPolicy(f.admin, "bob", "assume", IamFixture.allow("sts:*", "*"));
        return bob;
    }

    @Test
    void getCallerIdentityNeedsNoPolicy() {
        CallContext bob = f.newUser("bob");
        CallerIdentity identity = f.sts.getCallerIdentity(bob);
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::" + f.account + ":user/bob");
        assertThat(identity.account()).isEqualTo(f.account);
        assertThat(identity.userId()).startsWith("AIDA");
    }

    @Test
    void assumeRoleIssuesWorkingTemporaryCredentials() {
        CallContext bob = bobAllowedToAssume();
        Role role = role("Analyst", "", List.of(new Tag("team", "red"), new Tag("tier", "1")));
        f.iam.attachRolePolicy(f.admin, "Analyst", f.awsPolicy("IAMReadOnlyAccess"));

        AssumeRoleResult result = f.sts.assumeRole(bob, new AssumeRoleRequest(role.arn(), "s1", Optional.of(900),
                Optional.empty(), Optional.empty(), List.of(new Tag("team", "blue")), Optional.of("bob")));

        TemporaryCredentials creds = result.credentials();
        assertThat(creds.accessKeyId()).startsWith("ASIA");
        assertThat(creds.secretAccessKey()).hasSize(40);
        assertThat(creds.expiration()).isEqualTo(f.clock.instant().plusSeconds(900));
        assertThat(result.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + f.account + ":assumed-role/Analyst/s1");
        assertThat(result.assumedRoleUser().assumedRoleId()).isEqualTo(role.roleId() + ":s1");
        assertThat(creds.toString()).doesNotContain(creds.secretAccessKey()).doesNotContain(creds.sessionToken());

        ResolvedCredential resolved = f.resolver.resolve(creds.accessKeyId()).orElseThrow();
        assertThat(new String(resolved.secretAccessKey(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(creds.secretAccessKey());
        assertThat(SessionTokens.matches(creds.sessionToken(), resolved.sessionTokenHash().orElseThrow())).isTrue();
        assertThat(resolved.principal().type()).isEqualTo(PrincipalType.ASSUMED_ROLE);
        assertThat(resolved.principal().tags()).containsEntry("team", "blue").containsEntry("tier", "1");

        CallContext session = f.callAs(creds.accessKeyId());
        assertThat(f.iam.listRoles(session, Optional.empty(), PageRequest.first()).items()).hasSize(1);
        assertAwsError(() -> f.iam.createGroup(session, "g", Optional.empty()), "AccessDenied", 403);
    }

    @Test
    void aSessionPolicyNarrowsTheRole() {
        CallContext bob = bobAllowedToAssume();
        Role role = role("Admin", "", List.of());
        f.iam.attachRolePolicy(f.admin, "Admin", f.awsPolicy("AdministratorAccess"));
        var result = f.sts.assumeRole(bob, new AssumeRoleRequest(role.arn(), "narrow", Optional.empty(),
                Optional.empty(), Optional.of(IamFixture.allow("iam:ListRoles", "*")), List.of(), Optional.empty()));
        CallContext session = f.callAs(result.credentials().accessKeyId());
        assertThat(f.iam.listRoles(session, Optional.empty(), PageRequest.first()).items()).hasSize(1);
        assertAwsError(() -> f.iam.listUsers(session, Optional.empty(), PageRequest.first()), "AccessDenied", 403)
                .hasMessageContaining("session policy");
    }

    @Test
    void theTrustPolicyMustAllowTheCaller() {
        f.newUser("mallory");
        CallContext mallory = f.callAs(f.iam.listAccessKeys(f.admin, Optional.of("mallory")).get(0).accessKeyId());
        f.iam.putUserPolicy(f.admin, "mallory", "assume", IamFixture.allow("sts:AssumeRole", "*"));
        Role role = role("Analyst", "", List.of());
        assertAwsError(() -> f.sts.assumeRole(mallory, AssumeRoleRequest.of(role.arn(), "sess")), "AccessDenied", 403)
                .hasMessage("User: arn:aws:iam::" + f.account + ":user/mallory is not authorized to perform:"
                        + " sts:AssumeRole on resource: " + role.arn());
    }

    @Test
    void theCallerNeedsAnIdentityPolicyToo() {
        CallContext bob = f.newUser("bob");
        Role role = role("Analyst", "", List.of());
        assertAwsError(() -> f.sts.assumeRole(bob, AssumeRoleRequest.of(role.arn(), "sess")), "AccessDenied", 403);
    }

    @Test
    void externalIdConditionIsEnforced() {
        CallContext bob = bobAllowedToAssume();
        Role role = role("Vendor", ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"secret-42\"}}", List.of());
        assertAwsError(() -> f.sts.assumeRole(bob, AssumeRoleRequest.of(role.arn(), "sess")), "AccessDenied", 403);
        assertAwsError(() -> f.sts.assumeRole(bob, new AssumeRoleRequest(role.arn(), "sess", Optional.empty(),
                Optional.of("wrong-1"), Optional.empty(), List.of(), Optional.empty())), "AccessDenied", 403);
        var ok = f.sts.assumeRole(bob, new AssumeRoleRequest(role.arn(), "sess", Optional.empty(),
                Optional.of("secret-42"), Optional.empty(), List.of(), Optional.empty()));
        assertThat(ok.credentials().accessKeyId()).startsWith("ASIA");
    }

    @Test
    void durationIsBoundedByTheModelAndTheRole() {
        CallContext bob = bobAllowedToAssume();
        Role role = role("Analyst", "", List.of());
        assertAwsError(() -> f.sts.assumeRole(bob, new AssumeRoleRequest(role.arn(), "sess", Optional.of(899),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty())), "ValidationError", 400);
        assertAwsError(() -> f.sts.assumeRole(bob, new AssumeRoleRequest(role.arn(), "sess", Optional.of(7201),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty())), "ValidationError", 400);
        assertAwsError(() -> f.sts.assumeRole(bob, AssumeRoleRequest.of(role.arn(), "x")), "ValidationError", 400);
        assertAwsError(() -> f.sts.assumeRole(bob, new AssumeRoleRequest(role.arn(), "sess", Optional.empty(),
                Optional.empty(), Optional.of("{bad"), List.of(), Optional.empty())), "MalformedPolicyDocument", 400);
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + "b".repeat(2100) + "\"}]}";
        assertAwsError(() -> f.sts.assumeRole(bob, new AssumeRoleRequest(role.arn(), "sess", Optional.empty(),
                Optional.empty(), Optional.of(big), List.of(), Optional.empty())), "PackedPolicyTooLarge", 400);
        var max = f.sts.assumeRole(bob, new AssumeRoleRequest(role.arn(), "sess", Optional.of(7200), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty()));
        assertThat(max.credentials().expiration()).isEqualTo(f.clock.instant().plusSeconds(7200));
    }

    @Test
    void anExpiredSessionResolvesToExpiredToken() {
        CallContext bob = bobAllowedToAssume();
        Role role = role("Analyst", "", List.of());
        var result = f.sts.assumeRole(bob, new AssumeRoleRequest(role.arn(), "sess", Optional.of(900), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty()));
        f.clock.advance(Duration.ofSeconds(900));
        assertAwsError(() -> f.resolver.resolve(result.credentials().accessKeyId()), "ExpiredToken", 403)
                .hasMessage("The security token included in the request is expired");
    }

    @Test
    void aSessionEndsWhenItsRoleIsDeleted() {
        CallContext bob = bobAllowedToAssume();
        Role role = role("Temp", "", List.of());
        var result = f.sts.assumeRole(bob, AssumeRoleRequest.of(role.arn(), "s1"));
        f.iam.deleteRole(f.admin, "Temp");
        assertThat(f.resolver.resolve(result.credentials().accessKeyId())).isEmpty();
    }
}
