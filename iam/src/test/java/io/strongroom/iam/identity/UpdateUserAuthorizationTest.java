package io.strongroom.iam.identity;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.testing.IamFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** UpdateUser needs iam:UpdateUser on the user's current ARN and on the exact ARN it will have. */
class UpdateUserAuthorizationTest {
    private final IamFixture f = new IamFixture();
    private final CallContext teamAdmin = f.newUser("team-admin");

    UpdateUserAuthorizationTest() {
        f.iam.createUser(f.admin, "alice", Optional.of("/team/"), Optional.empty(), List.of());
        f.iam.putUserPolicy(f.admin, "team-admin", "team-only",
                IamFixture.allow("iam:UpdateUser", "arn:aws:iam::" + f.account + ":user/team/*"));
    }

    @Test
    void movingOutOfTheGrantedPathIsDenied() {
        assertAwsError(() -> f.iam.updateUser(teamAdmin, "alice", Optional.empty(), Optional.of("/admins/")),
                "AccessDenied", 403)
                .hasMessageContaining("on resource: arn:aws:iam::" + f.account + ":user/admins/alice");
        assertThat(f.repository.findUser(f.account, "alice").orElseThrow().path()).isEqualTo("/team/");
    }

    @Test
    void renamingAndMovingOutIsDeniedOnTheNewPathAndName() {
        assertAwsError(() -> f.iam.updateUser(teamAdmin, "alice", Optional.of("root-alice"), Optional.of("/")),
                "AccessDenied", 403)
                .hasMessageContaining("on resource: arn:aws:iam::" + f.account + ":user/root-alice");
        assertThat(f.repository.findUser(f.account, "alice")).isPresent();
        assertThat(f.repository.findUser(f.account, "root-alice")).isEmpty();
    }

    @Test
    void renamingWithinTheGrantedPathIsAuthorisedAtThatPath() {
        f.iam.updateUser(teamAdmin, "alice", Optional.of("alice2"), Optional.empty());
        assertThat(f.repository.findUser(f.account, "alice2").orElseThrow().arn())
                .isEqualTo("arn:aws:iam::" + f.account + ":user/team/alice2");
    }

    @Test
    void movingWithinTheGrantedPathIsAllowed() {
        f.iam.updateUser(teamAdmin, "alice", Optional.empty(), Optional.of("/team/sub/"));
        assertThat(f.repository.findUser(f.account, "alice").orElseThrow().arn())
                .isEqualTo("arn:aws:iam::" + f.account + ":user/team/sub/alice");
    }

    @Test
    void theSourceArnIsAuthorisedToo() {
        f.iam.createUser(f.admin, "bob", Optional.of("/ops/"), Optional.empty(), List.of());
        assertAwsError(() -> f.iam.updateUser(teamAdmin, "bob", Optional.empty(), Optional.of("/team/")),
                "AccessDenied", 403).hasMessageContaining("on resource: arn:aws:iam::" + f.account + ":user/ops/bob");
        assertThat(f.repository.findUser(f.account, "bob").orElseThrow().path()).isEqualTo("/ops/");
    }
}
