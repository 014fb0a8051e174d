package io.strongroom.iam.access;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;
import io.strongroom.policy.PolicyType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Identity-based policies and the root's rights stop at the caller's own account. */
class AccountBoundaryTest {
    private static final String OTHER_USER = "arn:aws:iam::999999999999:user/x";

    private final IamFixture f = new IamFixture();
    private final CallContext bob = f.newUser("bob");

    AccountBoundaryTest() {
        f.allowUser("bob", "all", "*");
    }

    @Test
    void anIdentityAllowDoesNotReachAnotherAccount() {
        f.authorizer.authorize(bob, "iam:GetUser", "arn:aws:iam::" + f.account + ":user/x");
        assertAwsError(() -> f.authorizer.authorize(bob, "iam:GetUser", OTHER_USER), "AccessDenied", 403)
                .hasMessage("User: arn:aws:iam::" + f.account + ":user/bob is not authorized to perform: iam:GetUser on"
                        + " resource: " + OTHER_USER + " because no resource-based policy allows the iam:GetUser action");
    }

    @Test
    void awsManagedPoliciesAndResourcesWithoutAnAccountStillFollowIdentityPolicies() {
        f.authorizer.authorize(bob, "iam:GetPolicy", f.awsPolicy("ReadOnlyAccess"));
        f.authorizer.authorize(bob, "s3:ListBucket", "arn:aws:s3:::bucket");
        f.authorizer.authorize(bob, "iam:ListUsers", "*");
    }

    @Test
    void anotherAccountsResourceNeedsItsPolicyAndAnIdentityAllow() {
        String grantsBob = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + bob.principal().arn() + "\"},\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}]}";
        ProtectedResource shared = new ProtectedResource(OTHER_USER, Optional.of("999999999999"),
                Optional.of(new NamedPolicy(PolicyType.RESOURCE, OTHER_USER,
                        PolicyDocument.parse(grantsBob, PolicyKind.RESOURCE))), false);
        f.authorizer.authorize(bob, "iam:GetUser", shared, Map.of());
        assertAwsError(() -> f.authorizer.authorize(bob, "iam:ListUsers", shared, Map.of()), "AccessDenied", 403)
                .hasMessageEndingWith("because no resource-based policy allows the iam:ListUsers action");

        f.iam.putUserPolicy(f.admin, "bob", "deny", IamFixture.deny("iam:GetUser", "*"));
        assertAwsError(() -> f.authorizer.authorize(bob, "iam:GetUser", shared, Map.of()), "AccessDenied", 403)
                .hasMessageEndingWith("with an explicit deny in an identity-based policy");
    }

    @Test
    void theRootIsConfinedToItsOwnAccount() {
        CallContext root = root();
        f.authorizer.authorize(root, "iam:CreateUser", "arn:aws:iam::" + f.account + ":user/x");
        f.authorizer.authorize(root, "iam:ListUsers", "*");
        f.authorizer.authorize(root, "iam:GetPolicy", f.awsPolicy("ReadOnlyAccess"));
        assertAwsError(() -> f.authorizer.authorize(root, "iam:CreateUser", OTHER_USER), "AccessDenied", 403);
        assertAwsError(() -> f.authorizer.authorize(root, "iam:CreateUser", "arn:aws:iam::*:user/x"),
                "AccessDenied", 403);
    }

    @Test
    void theRootGetsNothingOnAnArnThatNamesNoAccount() {
        CallContext root = root();
        assertAwsError(() -> f.authorizer.authorize(root, "s3:GetObject", "arn:aws:s3:::someone-elses-bucket/k"),
                "AccessDenied", 403);
        assertAwsError(() -> f.authorizer.authorize(root, "s3:GetObject", "not-an-arn"), "AccessDenied", 403);
    }

    private CallContext root() {
        Principal root = new Principal(PrincipalType.ROOT, f.account, "arn:aws:iam::" + f.account + ":root",
                "arn:aws:iam::" + f.account + ":root", f.account, f.account, "AKIAROOT", Map.of(), Optional.empty());
        return new CallContext("r", root, "10.0.0.1", "", true, "us-east-1", f.clock.instant());
    }
}
