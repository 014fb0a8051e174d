package io.strongroom.iam.sts;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.testing.IamFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A role session that assumes another role: one hour at most, and its source identity sticks. */
class RoleChainingTest {
    private final IamFixture f = new IamFixture();
    private final String first = role("First");
    private final String second = role("Second");

    private String role(String name) {
        return role(name, "[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"]");
    }

    private String role(String name, String trustedActions) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + f.account + "\"},\"Action\":" + trustedActions + "}]}";
        String arn = f.iam.createRole(f.admin, name, trust, Optional.empty(), Optional.empty(), Optional.of(7200),
                Optional.empty(), List.of()).arn();
        f.iam.putRolePolicy(f.admin, name, "assume", IamFixture.allow("sts:*", "*"));
        return arn;
    }

    private CallContext session(Optional<String> sourceIdentity) {
        CallContext bob = f.newUser("bob");
        f.allowUser("bob", "assume", "sts:*");
        var result = f.sts.assumeRole(bob, request(first, Optional.empty(), sourceIdentity));
        return f.callAs(result.credentials().accessKeyId());
    }

    private static AssumeRoleRequest request(String roleArn, Optional<Integer> duration, Optional<String> sourceIdentity) {
        return new AssumeRoleRequest(roleArn, "chain", duration, Optional.empty(), Optional.empty(), List.of(),
                sourceIdentity);
    }

    @Test
    void aChainedSessionLongerThanAnHourIsAValidationError() {
        CallContext session = session(Optional.empty());
        int sessionsBefore = f.repository.sessionCount();
        assertAwsError(() -> f.sts.assumeRole(session, request(second, Optional.of(3601), Optional.empty())),
                "ValidationError", 400)
                .hasMessage("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role"
                        + " chaining.");
        assertThat(f.repository.sessionCount()).isEqualTo(sessionsBefore);
        var hour = f.sts.assumeRole(session, request(second, Optional.of(3600), Optional.empty()));
        assertThat(hour.credentials().expiration()).isEqualTo(f.clock.instant().plusSeconds(3600));
    }

    @Test
    void aChainedSessionDefaultsToAnHourAndAUserMayStillAskForMore() {
        CallContext session = session(Optional.empty());
        var chained = f.sts.assumeRole(session, request(second, Optional.empty(), Optional.empty()));
        assertThat(chained.credentials().expiration()).isEqualTo(f.clock.instant().plusSeconds(3600));
        CallContext bob = f.callAs(f.iam.listAccessKeys(f.admin, Optional.of("bob")).get(0).accessKeyId());
        var direct = f.sts.assumeRole(bob, request(second, Optional.of(7200), Optional.empty()));
        assertThat(direct.credentials().expiration()).isEqualTo(f.clock.instant().plusSeconds(7200));
    }

    @Test
    void theSourceIdentityIsCarriedIntoTheChainedSession() {
        CallContext session = session(Optional.of("bob-jones"));
        var chained = f.sts.assumeRole(session, request(second, Optional.empty(), Optional.empty()));
        assertThat(chained.sourceIdentity()).contains("bob-jones");
        var resolved = f.resolver.resolve(chained.credentials().accessKeyId()).orElseThrow();
        assertThat(resolved.principal().session().orElseThrow().sourceIdentity()).contains("bob-jones");
        var same = f.sts.assumeRole(session, request(second, Optional.empty(), Optional.of("bob-jones")));
        assertThat(same.sourceIdentity()).contains("bob-jones");
    }

    @Test
    void aDifferentSourceIdentityIsRefused() {
        CallContext session = session(Optional.of("bob-jones"));
        int sessionsBefore = f.repository.sessionCount();
        assertAwsError(() -> f.sts.assumeRole(session, request(second, Optional.empty(), Optional.of("mallory"))),
                "AccessDenied", 403).hasMessageContaining("source identity");
        assertThat(f.repository.sessionCount()).isEqualTo(sessionsBefore);
    }

    @Test
    void aSessionWithoutSourceIdentityMaySetOne() {
        CallContext session = session(Optional.empty());
        var chained = f.sts.assumeRole(session, request(second, Optional.empty(), Optional.of("alice")));
        assertThat(chained.sourceIdentity()).contains("alice");
    }

    @Test
    void aRoleWhoseTrustPolicyDoesNotAllowSetSourceIdentityCannotBeGivenOne() {
        String strict = role("Strict", "\"sts:AssumeRole\"");
        CallContext carol = f.newUser("carol");
        f.allowUser("carol", "assume", "sts:*");
        int sessionsBefore = f.repository.sessionCount();
        assertAwsError(() -> f.sts.assumeRole(carol, request(strict, Optional.empty(), Optional.of("carol"))),
                "AccessDenied", 403);
        assertThat(f.repository.sessionCount()).isEqualTo(sessionsBefore);
        assertThat(f.sts.assumeRole(carol, request(strict, Optional.empty(), Optional.empty())).sourceIdentity())
                .isEmpty();

        // a session that carries a source identity cannot chain into it either
        CallContext tracked = session(Optional.of("bob-jones"));
        assertAwsError(() -> f.sts.assumeRole(tracked, request(strict, Optional.empty(), Optional.empty())),
                "AccessDenied", 403);
    }

    @Test
    void theCallersPoliciesMustAllowSetSourceIdentityToo() {
        CallContext dave = f.newUser("dave");
        f.allowUser("dave", "assume", "sts:AssumeRole");
        assertAwsError(() -> f.sts.assumeRole(dave, request(first, Optional.empty(), Optional.of("dave"))),
                "AccessDenied", 403);
        assertThat(f.sts.assumeRole(dave, request(first, Optional.empty(), Optional.empty())).sourceIdentity())
                .isEmpty();
    }
}
