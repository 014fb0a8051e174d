package io.strongroom.iam.access;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.PageRequest;
import io.strongroom.iam.identity.Tag;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.policy.Decision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessAuthorizerTest {
    private final IamFixture f = new IamFixture();

    @Test
    void aUserWithoutPoliciesIsDeniedWithAwsWording() {
        CallContext bob = f.newUser("bob");
        String userArn = "arn:aws:iam::" + f.account + ":user/";
        assertAwsError(() -> f.iam.listUsers(bob, Optional.empty(), PageRequest.first()), "AccessDenied", 403)
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: arn:aws:iam::" + f.account + ":user/bob is not authorized to perform: iam:ListUsers"
                        + " on resource: " + userArn + " because no identity-based policy allows the iam:ListUsers action");
    }

    @Test
    void inlineAllowAllowsAndExplicitDenyWins() {
        CallContext bob = f.newUser("bob");
        f.allowUser("bob", "list", "iam:List*");
        assertThat(f.iam.listUsers(bob, Optional.empty(), PageRequest.first()).items()).isNotEmpty();

        f.iam.putUserPolicy(f.admin, "bob", "deny", IamFixture.deny("iam:ListUsers", "*"));
        assertThatThrownBy(() -> f.iam.listUsers(bob, Optional.empty(), PageRequest.first()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageEndingWith("with an explicit deny in an identity-based policy")
                .satisfies(e -> assertThat(((AccessDeniedException) e).decision().outcome())
                        .isEqualTo(Decision.Outcome.EXPLICIT_DENY));
    }

    @Test
    void groupPoliciesApplyToMembers() {
        CallContext bob = f.newUser("bob");
        f.iam.createGroup(f.admin, "readers", Optional.empty());
        f.iam.attachGroupPolicy(f.admin, "readers", f.awsPolicy("IAMReadOnlyAccess"));
        f.iam.addUserToGroup(f.admin, "readers", "bob");
        assertThat(f.iam.listRoles(bob, Optional.empty(), PageRequest.first()).items()).isEmpty();
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"" + f.account + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        assertAwsError(() -> f.iam.createRole(bob, "r", trust, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of()), "AccessDenied", 403);
        assertThat(f.repository.findRole(f.account, "r")).isEmpty();
    }

    @Test
    void aPermissionsBoundaryCapsWhatPoliciesAllow() {
        CallContext bob = f.newUser("bob");
        f.allowUser("bob", "all", "*");
        f.iam.putUserPermissionsBoundary(f.admin, "bob", f.awsPolicy("ReadOnlyAccess"));
        assertThat(f.iam.listUsers(bob, Optional.empty(), PageRequest.first()).items()).isNotEmpty();
        assertAwsError(() -> f.iam.createGroup(bob, "g", Optional.empty()), "AccessDenied", 403)
                .hasMessageContaining("permissions boundary");
        assertThat(f.repository.findGroup(f.account, "g")).isEmpty();
    }

    @Test
    void conditionKeysOfThePrincipalReachThePolicies() {
        CallContext bob = f.newUser("bob", new Tag("team", "blue"));
        f.iam.putUserPolicy(f.admin, "bob", "tagged", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:GetUser\",\"Resource\":\"arn:aws:iam::*:user/${aws:username}\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}}}]}");
        CallContext fresh = f.callAs(bob.principal().accessKeyId());
        assertThat(f.iam.getUser(fresh, Optional.empty()).userName()).isEqualTo("bob");
        f.iam.createUser(f.admin, "eve", Optional.empty(), Optional.empty(), List.of());
        assertAwsError(() -> f.iam.getUser(fresh, Optional.of("eve")), "AccessDenied", 403);
    }

    @Test
    void theAccountRootMayDoAnythingInItsAccountOnly() {
        var rootKey = f.iam.createAccessKey(f.admin, Optional.of("admin"));
        assertThat(rootKey).isNotNull();
        var root = new io.strongroom.iam.auth.Principal(io.strongroom.iam.auth.PrincipalType.ROOT, f.account,
                "arn:aws:iam::" + f.account + ":root", "arn:aws:iam::" + f.account + ":root", f.account, f.account,
                "AKIAROOT", Map.of(), Optional.empty());
        CallContext call = new CallContext("r", root, "10.0.0.1", "", true, "us-east-1", f.clock.instant());
        f.authorizer.authorize(call, "iam:CreateUser", "arn:aws:iam::" + f.account + ":user/x");
        assertAwsError(() -> f.authorizer.authorize(call, "iam:CreateUser", "arn:aws:iam::999999999999:user/x"),
                "AccessDenied", 403);
    }

    @Test
    void aChangeOnThisNodeTakesEffectAtOnce() {
        CallContext bob = f.newUser("bob");
        f.allowUser("bob", "list", "iam:ListUsers");
        assertThat(f.iam.listUsers(bob, Optional.empty(), PageRequest.first()).items()).isNotEmpty();
        f.iam.deleteUserPolicy(f.admin, "bob", "list");
        assertAwsError(() -> f.iam.listUsers(bob, Optional.empty(), PageRequest.first()), "AccessDenied", 403);
    }
}
