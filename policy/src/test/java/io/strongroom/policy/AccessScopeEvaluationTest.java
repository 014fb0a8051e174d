package io.strongroom.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.policy.Decision.MatchedStatement;
import io.strongroom.policy.Decision.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The complete evaluation: guardrail chains, resource policies within and across accounts, and their nuances. */
class AccessScopeEvaluationTest {
    private static final String ACCOUNT = "111122223333";
    private static final String OTHER = "444455556666";
    private static final String USER_ARN = "arn:aws:iam::111122223333:user/alice";
    private static final String ROLE_ARN = "arn:aws:iam::111122223333:role/Analyst";
    private static final String SESSION_ARN = "arn:aws:sts::111122223333:assumed-role/Analyst/alice";
    private static final String OBJECT = "arn:aws:s3:::reports/q1.csv";
    private static final RequestPrincipal USER = RequestPrincipal.iamIdentity(ACCOUNT, USER_ARN);
    private static final RequestPrincipal SESSION = RequestPrincipal.assumedRole(ACCOUNT, ROLE_ARN, SESSION_ARN);
    private static final AuthorizationRequest GET = new AuthorizationRequest("s3:GetObject", OBJECT);

    private static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
    private static final NamedPolicy FULL_AWS_ACCESS = scp("p-FullAWSAccess", ALLOW_ALL);
    private static final NamedPolicy S3_READ = identity("S3Read", """
            {"Version":"2012-10-17","Statement":{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}""");

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    private static NamedPolicy identity(String name, String json) {
        return new NamedPolicy(PolicyType.IDENTITY, name, PolicyDocument.parse(json));
    }

    private static NamedPolicy scp(String name, String json) {
        return new NamedPolicy(PolicyType.SERVICE_CONTROL, name, PolicyDocument.parse(json));
    }

    private static NamedPolicy rcp(String name, String json) {
        return new NamedPolicy(PolicyType.RESOURCE_CONTROL, name, PolicyDocument.parse(json, PolicyKind.RESOURCE));
    }

    private static NamedPolicy bucketPolicy(String effect, String principal) {
        return new NamedPolicy(PolicyType.RESOURCE, "arn:aws:s3:::reports", PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":{"Sid":"Bucket","Effect":"%s","Principal":%s,
                 "Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}}""".formatted(effect, principal),
                PolicyKind.RESOURCE));
    }

    private static NamedPolicy boundary(String action) {
        return new NamedPolicy(PolicyType.PERMISSIONS_BOUNDARY, "Boundary", PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}}"));
    }

    private static NamedPolicy session(String action) {
        return new NamedPolicy(PolicyType.SESSION, "session-policy", PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}}"));
    }

    private static PolicyChain chain(NamedPolicy... levels) {
        return PolicyChain.of(java.util.Arrays.stream(levels).map(List::of).toList());
    }

    private Decision decide(PolicySet policies, AccessScope scope) {
        Decision decision = evaluator.evaluate(GET, policies, scope);
        assertThat(evaluator.explain(GET, policies, scope).decision()).as("explain agrees").isEqualTo(decision);
        return decision;
    }

    // --- explicit deny in each policy type

    @ParameterizedTest
    @EnumSource(PolicyType.class)
    void anExplicitDenyInEveryPolicyTypeWinsAndIsNamed(PolicyType type) {
        String deny = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"No\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}";
        String denyForAll = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"No\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}";
        NamedPolicy denying = switch (type) {
            case RESOURCE, RESOURCE_CONTROL -> new NamedPolicy(type, "denying", PolicyDocument.parse(denyForAll, PolicyKind.RESOURCE));
            default -> new NamedPolicy(type, "denying", PolicyDocument.parse(deny));
        };
        NamedPolicy allowAll = new NamedPolicy(PolicyType.PERMISSIONS_BOUNDARY, "b", PolicyDocument.parse(ALLOW_ALL));
        NamedPolicy allowSession = new NamedPolicy(PolicyType.SESSION, "s", PolicyDocument.parse(ALLOW_ALL));
        PolicySet policies = new PolicySet(
                type == PolicyType.IDENTITY ? List.of(S3_READ, denying) : List.of(S3_READ),
                List.of(type == PolicyType.PERMISSIONS_BOUNDARY ? denying : allowAll),
                List.of(type == PolicyType.SESSION ? denying : allowSession));
        AccessScope scope = AccessScope.sameAccount(SESSION)
                .withServiceControlPolicies(type == PolicyType.SERVICE_CONTROL
                        ? new PolicyChain(List.of(new PolicyChain.Level("r-root", List.of(FULL_AWS_ACCESS, denying))))
                        : chain(FULL_AWS_ACCESS))
                .withResourceControlPolicies(type == PolicyType.RESOURCE_CONTROL
                        ? PolicyChain.of(List.of(List.of(denying)))
                        : PolicyChain.NONE)
                .withResourcePolicy(type == PolicyType.RESOURCE ? denying : bucketPolicy("Allow", "{\"AWS\":\"" + SESSION_ARN + "\"}"));

        Decision decision = decide(policies, scope);

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.deciderType()).isEqualTo(type);
        assertThat(decision.deciding()).containsExactly(new MatchedStatement("denying", "No", type));
        assertThat(decision.reasonClause("s3:GetObject")).isEqualTo("with an explicit deny in "
                + (type == PolicyType.IDENTITY ? "an " : "a ") + PolicyTypeWording.name(type));
    }

    // --- SCP chains

    @Test
    void everySCPLevelMustAllow() {
        NamedPolicy ec2Only = scp("p-AllowEc2", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}}");
        PolicySet policies = PolicySet.identityOnly(List.of(S3_READ));
        for (int level = 0; level < 3; level++) {
            NamedPolicy[] levels = {FULL_AWS_ACCESS, FULL_AWS_ACCESS, FULL_AWS_ACCESS};
            levels[level] = ec2Only;
            Decision decision = decide(policies, AccessScope.sameAccount(USER).withServiceControlPolicies(chain(levels)));
            assertThat(decision.outcome()).as("level %d", level).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.deciderType()).isEqualTo(PolicyType.SERVICE_CONTROL);
            assertThat(decision.accessDeniedMessage(USER_ARN, "s3:GetObject", OBJECT)).endsWith(
                    "because no service control policy allows the s3:GetObject action");
        }
        assertThat(decide(policies, AccessScope.sameAccount(USER)
                .withServiceControlPolicies(chain(FULL_AWS_ACCESS, FULL_AWS_ACCESS, FULL_AWS_ACCESS))).allowed()).isTrue();
    }

    @Test
    void anEmptySCPChainMeansSCPsDoNotApplyAsForTheManagementAccount() {
        NamedPolicy ec2Only = scp("p-AllowEc2", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}}");
        PolicySet policies = PolicySet.identityOnly(List.of(S3_READ));
        assertThat(decide(policies, AccessScope.sameAccount(USER).withServiceControlPolicies(PolicyChain.NONE)).allowed()).isTrue();
        assertThat(decide(policies, AccessScope.sameAccount(USER).withServiceControlPolicies(chain(ec2Only))).allowed()).isFalse();
        Explanation explanation = evaluator.explain(GET, policies, AccessScope.sameAccount(USER));
        assertThat(explanation.type(PolicyType.SERVICE_CONTROL).outcome()).isEqualTo(Explanation.TypeOutcome.NOT_APPLICABLE);
        assertThat(explanation.allowedByOrganizations()).isTrue();
    }

    @Test
    void aLevelWithNoPolicyAttachedAllowsNothing() {
        PolicyChain chain = new PolicyChain(List.of(new PolicyChain.Level("r-root", List.of(FULL_AWS_ACCESS)),
                new PolicyChain.Level("ou-empty", List.of())));
        Decision decision = decide(PolicySet.identityOnly(List.of(S3_READ)), AccessScope.sameAccount(USER).withServiceControlPolicies(chain));
        assertThat(decision.deciderType()).isEqualTo(PolicyType.SERVICE_CONTROL);
    }

    @Test
    void scpsDoNotBindServicePrincipalsOrAnonymousCallersButBindTheRootUser() {
        NamedPolicy denyAll = scp("p-DenyAll", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        AccessScope publicBucket = AccessScope.sameAccount(RequestPrincipal.anonymous())
                .withServiceControlPolicies(chain(denyAll)).withResourcePolicy(bucketPolicy("Allow", "\"*\""));
        assertThat(decide(PolicySet.identityOnly(List.of()), publicBucket).allowed()).isTrue();
        AccessScope service = AccessScope.sameAccount(RequestPrincipal.service("cloudtrail.amazonaws.com"))
                .withServiceControlPolicies(chain(denyAll)).withResourcePolicy(bucketPolicy("Allow", "{\"Service\":\"cloudtrail.amazonaws.com\"}"));
        assertThat(decide(PolicySet.identityOnly(List.of()), service).allowed()).isTrue();

        RequestPrincipal root = RequestPrincipal.root(ACCOUNT);
        assertThat(root.kind()).isEqualTo(RequestPrincipal.Kind.ROOT);
        assertThat(decide(PolicySet.identityOnly(List.of()), AccessScope.sameAccount(root)).allowed())
                .as("the root user needs no policy in its own account").isTrue();
        Decision rootDenied = decide(PolicySet.identityOnly(List.of()), AccessScope.sameAccount(root)
                .withServiceControlPolicies(chain(denyAll)));
        assertThat(rootDenied.deciderType()).isEqualTo(PolicyType.SERVICE_CONTROL);
        assertThat(decide(PolicySet.identityOnly(List.of()), AccessScope.crossAccount(RequestPrincipal.root(OTHER))).deciderType())
                .as("another account's root needs the resource policy").isEqualTo(PolicyType.RESOURCE);
    }

    // --- RCP chains

    @Test
    void everyRCPLevelMustAllowAndRCPsBindServicePrincipals() {
        NamedPolicy rcpFull = rcp("p-RCPFullAWSAccess", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        NamedPolicy kmsOnly = rcp("p-AllowKms", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}}");
        PolicySet policies = PolicySet.identityOnly(List.of(S3_READ));
        assertThat(decide(policies, AccessScope.sameAccount(USER).withResourceControlPolicies(chain(rcpFull, rcpFull))).allowed()).isTrue();
        Decision denied = decide(policies, AccessScope.sameAccount(USER).withResourceControlPolicies(chain(rcpFull, kmsOnly)));
        assertThat(denied.deciderType()).isEqualTo(PolicyType.RESOURCE_CONTROL);
        assertThat(denied.reasonClause("s3:GetObject")).isEqualTo("because no resource control policy allows the s3:GetObject action");

        AccessScope service = AccessScope.sameAccount(RequestPrincipal.service("logs.amazonaws.com"))
                .withResourcePolicy(bucketPolicy("Allow", "{\"Service\":\"logs.amazonaws.com\"}"))
                .withResourceControlPolicies(chain(kmsOnly));
        assertThat(decide(PolicySet.identityOnly(List.of()), service).deciderType()).isEqualTo(PolicyType.RESOURCE_CONTROL);
    }

    @Test
    void rcpsAreReportedBeforeSCPsForAnImplicitDeny() {
        NamedPolicy kmsOnlyScp = scp("p-AllowKms", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}}");
        NamedPolicy kmsOnlyRcp = rcp("p-AllowKms", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}}");
        Decision decision = decide(PolicySet.identityOnly(List.of(S3_READ)), AccessScope.sameAccount(USER)
                .withServiceControlPolicies(chain(kmsOnlyScp)).withResourceControlPolicies(chain(kmsOnlyRcp)));
        assertThat(decision.deciderType()).isEqualTo(PolicyType.RESOURCE_CONTROL);
    }

    // --- resource policies within one account: who is named matters

    @Test
    void sameAccountEitherIdentityOrResourcePolicySuffices() {
        PolicySet none = PolicySet.identityOnly(List.of());
        Decision byResource = decide(none, AccessScope.sameAccount(USER).withResourcePolicy(bucketPolicy("Allow", "{\"AWS\":\"" + USER_ARN + "\"}")));
        assertThat(byResource.allowed()).isTrue();
        assertThat(byResource.deciderType()).isEqualTo(PolicyType.RESOURCE);
        assertThat(byResource.deciding()).containsExactly(new MatchedStatement("arn:aws:s3:::reports", "Bucket", PolicyType.RESOURCE));

        Decision byIdentity = decide(PolicySet.identityOnly(List.of(S3_READ)), AccessScope.sameAccount(USER)
                .withResourcePolicy(bucketPolicy("Allow", "{\"AWS\":\"" + ACCOUNT + "\"}")));
        assertThat(byIdentity.allowed()).isTrue();
        assertThat(byIdentity.deciderType()).isEqualTo(PolicyType.IDENTITY);

        Decision accountOnly = decide(none, AccessScope.sameAccount(USER).withResourcePolicy(bucketPolicy("Allow", "{\"AWS\":\"" + ACCOUNT + "\"}")));
        assertThat(accountOnly.deciderType()).as("naming the account delegates to IAM").isEqualTo(PolicyType.IDENTITY);
        assertThat(accountOnly.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aGrantToTheUserOrTheSessionIgnoresBoundaryAndSessionPolicyAGrantToTheRoleDoesNot() {
        PolicySet userWithBoundary = new PolicySet(List.of(), List.of(boundary("ec2:*")), List.of());
        assertThat(decide(userWithBoundary, AccessScope.sameAccount(USER)
                .withResourcePolicy(bucketPolicy("Allow", "{\"AWS\":\"" + USER_ARN + "\"}"))).allowed()).isTrue();

        PolicySet sessionBounded = new PolicySet(List.of(), List.of(boundary("ec2:*")), List.of());
        PolicySet sessionNarrowed = new PolicySet(List.of(), List.of(), List.of(session("s3:ListBucket")));
        NamedPolicy namesSession = bucketPolicy("Allow", "{\"AWS\":\"" + SESSION_ARN + "\"}");
        NamedPolicy namesRole = bucketPolicy("Allow", "{\"AWS\":\"" + ROLE_ARN + "\"}");

        assertThat(decide(sessionBounded, AccessScope.sameAccount(SESSION).withResourcePolicy(namesSession)).allowed()).isTrue();
        assertThat(decide(sessionNarrowed, AccessScope.sameAccount(SESSION).withResourcePolicy(namesSession)).allowed()).isTrue();
        assertThat(decide(sessionBounded, AccessScope.sameAccount(SESSION).withResourcePolicy(namesRole)).deciderType())
                .isEqualTo(PolicyType.PERMISSIONS_BOUNDARY);
        assertThat(decide(sessionNarrowed, AccessScope.sameAccount(SESSION).withResourcePolicy(namesRole)).deciderType())
                .isEqualTo(PolicyType.SESSION);
        assertThat(decide(PolicySet.identityOnly(List.of()), AccessScope.sameAccount(SESSION).withResourcePolicy(namesRole)).allowed())
                .as("without boundary or session policy the role grant stands alone").isTrue();
    }

    @Test
    void aNotPrincipalDenyAlwaysDeniesAPrincipalWithABoundary() {
        NamedPolicy notPrincipal = new NamedPolicy(PolicyType.RESOURCE, "bucket", PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":{"Sid":"OnlyAlice","Effect":"Deny",
                 "NotPrincipal":{"AWS":["arn:aws:iam::111122223333:user/alice","arn:aws:iam::111122223333:root"]},
                 "Action":"s3:*","Resource":"*"}}""", PolicyKind.RESOURCE));
        AccessScope scope = AccessScope.sameAccount(USER).withResourcePolicy(notPrincipal);
        assertThat(decide(PolicySet.identityOnly(List.of(S3_READ)), scope).allowed()).isTrue();
        Decision bounded = decide(new PolicySet(List.of(S3_READ), List.of(boundary("s3:*")), List.of()), scope);
        assertThat(bounded.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(bounded.deciding()).extracting(MatchedStatement::sidOrIndex).containsExactly("OnlyAlice");
    }

    // --- across accounts

    @Test
    void crossAccountNeedsBothSides() {
        RequestPrincipal bob = RequestPrincipal.iamIdentity(OTHER, "arn:aws:iam::444455556666:user/bob");
        NamedPolicy namesAccount = bucketPolicy("Allow", "{\"AWS\":\"" + OTHER + "\"}");
        assertThat(decide(PolicySet.identityOnly(List.of(S3_READ)), AccessScope.crossAccount(bob)).deciderType())
                .isEqualTo(PolicyType.RESOURCE);
        assertThat(decide(PolicySet.identityOnly(List.of()), AccessScope.crossAccount(bob).withResourcePolicy(namesAccount)).deciderType())
                .isEqualTo(PolicyType.IDENTITY);
        Decision both = decide(PolicySet.identityOnly(List.of(S3_READ)), AccessScope.crossAccount(bob).withResourcePolicy(namesAccount));
        assertThat(both.allowed()).isTrue();
        assertThat(both.deciding()).extracting(MatchedStatement::type).containsExactly(PolicyType.RESOURCE, PolicyType.IDENTITY);

        RequestPrincipal otherSession = RequestPrincipal.assumedRole(OTHER, "arn:aws:iam::444455556666:role/Auditor",
                "arn:aws:sts::444455556666:assumed-role/Auditor/bob");
        NamedPolicy namesSession = bucketPolicy("Allow", "{\"AWS\":\"arn:aws:sts::444455556666:assumed-role/Auditor/bob\"}");
        Decision narrowed = decide(new PolicySet(List.of(S3_READ), List.of(), List.of(session("s3:ListBucket"))),
                AccessScope.crossAccount(otherSession).withResourcePolicy(namesSession));
        assertThat(narrowed.deciderType()).as("across accounts the session policy bounds even a grant to the session")
                .isEqualTo(PolicyType.SESSION);
        assertThat(decide(new PolicySet(List.of(S3_READ), List.of(boundary("ec2:*")), List.of()),
                AccessScope.crossAccount(bob).withResourcePolicy(namesAccount)).deciderType()).isEqualTo(PolicyType.PERMISSIONS_BOUNDARY);
    }

    // --- resource policies that must allow by themselves

    @Test
    void keyAndTrustPoliciesMustAllowEvenWithinTheAccount() {
        AuthorizationRequest decrypt = new AuthorizationRequest("kms:Decrypt", "arn:aws:kms:eu-west-1:111122223333:key/k-1");
        NamedPolicy kmsIdentity = identity("KmsUse", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}}");
        NamedPolicy keyPolicyForBob = new NamedPolicy(PolicyType.RESOURCE, "key/k-1", PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},
                 "Action":"kms:*","Resource":"*"}}""", PolicyKind.RESOURCE));
        NamedPolicy keyPolicyForAccount = new NamedPolicy(PolicyType.RESOURCE, "key/k-1", PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},
                 "Action":"kms:*","Resource":"*"}}""", PolicyKind.RESOURCE));
        PolicySet identity = PolicySet.identityOnly(List.of(kmsIdentity));

        assertThat(AccessScope.resourcePolicyMustAllow("kms:Decrypt", decrypt.resource())).isTrue();
        assertThat(AccessScope.resourcePolicyMustAllow("STS:AssumeRole", ROLE_ARN)).isTrue();
        assertThat(AccessScope.resourcePolicyMustAllow("s3:GetObject", OBJECT)).isFalse();
        assertThat(AccessScope.resourcePolicyMustAllow("iam:GetRole", ROLE_ARN)).isFalse();

        assertThat(evaluator.evaluate(decrypt, identity, AccessScope.sameAccount(USER).withResourcePolicy(keyPolicyForBob)).deciderType())
                .isEqualTo(PolicyType.RESOURCE);
        assertThat(evaluator.evaluate(decrypt, identity, AccessScope.sameAccount(USER).withResourcePolicy(keyPolicyForAccount)).allowed())
                .isTrue();
        assertThat(evaluator.evaluate(decrypt, PolicySet.identityOnly(List.of()),
                AccessScope.sameAccount(USER).withResourcePolicy(keyPolicyForAccount)).deciderType()).isEqualTo(PolicyType.IDENTITY);
        assertThat(evaluator.evaluate(GET, PolicySet.identityOnly(List.of(S3_READ)),
                AccessScope.sameAccount(USER).requiringResourcePolicy()).deciderType())
                .as("a required policy that is absent denies").isEqualTo(PolicyType.RESOURCE);
    }

    // --- explanations

    @Test
    void explanationListsEveryTypeLevelStatementAndMissingKey() {
        NamedPolicy conditional = identity("Conditional", """
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"FromOffice","Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                   "Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"StringEquals":{"aws:PrincipalTag/team":"red"}}},
                  {"Sid":"Unrelated","Effect":"Allow","Action":"ec2:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}""");
        NamedPolicy regionDeny = scp("p-DenyOtherRegions", """
                {"Version":"2012-10-17","Statement":{"Sid":"Regions","Effect":"Deny","Action":"*","Resource":"*",
                 "Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}}}""");
        PolicySet policies = new PolicySet(List.of(S3_READ, conditional), List.of(boundary("s3:*")), List.of());
        AccessScope scope = AccessScope.sameAccount(USER)
                .withServiceControlPolicies(new PolicyChain(List.of(
                        new PolicyChain.Level("r-root", List.of(FULL_AWS_ACCESS)),
                        new PolicyChain.Level("ou-data", List.of(FULL_AWS_ACCESS, regionDeny)))))
                .withResourcePolicy(bucketPolicy("Allow", "{\"AWS\":\"" + ACCOUNT + "\"}"));
        AuthorizationRequest request = new AuthorizationRequest("s3:GetObject", OBJECT,
                Map.of("aws:RequestedRegion", List.of("eu-west-1"), "aws:PrincipalTag/team", List.of("red")));

        Explanation explanation = evaluator.explain(request, policies, scope);

        assertThat(explanation.decision()).isEqualTo(evaluator.evaluate(request, policies, scope));
        assertThat(explanation.decision().deciderType()).isEqualTo(PolicyType.IDENTITY);
        assertThat(explanation.types()).extracting(Explanation.TypeResult::type).containsExactly(
                PolicyType.RESOURCE_CONTROL, PolicyType.SERVICE_CONTROL, PolicyType.RESOURCE, PolicyType.IDENTITY,
                PolicyType.PERMISSIONS_BOUNDARY, PolicyType.SESSION);
        assertThat(explanation.types()).extracting(Explanation.TypeResult::outcome).containsExactly(
                Explanation.TypeOutcome.NOT_APPLICABLE, Explanation.TypeOutcome.ALLOW, Explanation.TypeOutcome.ALLOW,
                Explanation.TypeOutcome.ALLOW, Explanation.TypeOutcome.ALLOW, Explanation.TypeOutcome.NOT_APPLICABLE);
        Explanation.TypeResult scps = explanation.type(PolicyType.SERVICE_CONTROL);
        assertThat(scps.levels()).extracting(Explanation.LevelResult::target).containsExactly("r-root", "ou-data");
        assertThat(scps.levels().get(1).allows()).containsExactly(
                new MatchedStatement("p-FullAWSAccess", "0", PolicyType.SERVICE_CONTROL));
        assertThat(explanation.type(PolicyType.IDENTITY).allows()).containsExactly(
                new MatchedStatement("S3Read", "Read", PolicyType.IDENTITY));
        assertThat(explanation.matchedStatements()).hasSize(5);
        assertThat(explanation.missingContextValues()).as("only keys of statements whose action and resource matched")
                .containsExactly("aws:SourceIp");
        assertThat(explanation.allowedByOrganizations()).isTrue();
        assertThat(explanation.allowedByPermissionsBoundary()).isTrue();
        assertThat(explanation.render("s3:GetObject", OBJECT)).contains(
                "s3:GetObject on arn:aws:s3:::reports/q1.csv: allowed",
                "service control policy: allow",
                "    ou-data: allow",
                "      Allow p-FullAWSAccess statement 0",
                "missing context values: aws:SourceIp");

        Explanation denied = evaluator.explain(new AuthorizationRequest("s3:GetObject", OBJECT,
                Map.of("aws:RequestedRegion", List.of("us-east-1"))), policies, scope);
        assertThat(denied.decision().outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(denied.type(PolicyType.SERVICE_CONTROL).levels().get(1).outcome()).isEqualTo(Explanation.TypeOutcome.EXPLICIT_DENY);
        assertThat(denied.type(PolicyType.SERVICE_CONTROL).denies()).containsExactly(
                new MatchedStatement("p-DenyOtherRegions", "Regions", PolicyType.SERVICE_CONTROL));
        assertThat(denied.allowedByOrganizations()).isFalse();
        assertThat(denied.missingContextValues()).containsExactly("aws:SourceIp", "aws:PrincipalTag/team");
        assertThat(denied.render("s3:GetObject", OBJECT)).contains("denied with an explicit deny in a service control policy",
                "Deny  p-DenyOtherRegions statement Regions");
    }

    @Test
    void identityOnlyExplanationMarksTheOtherTypesNotApplicable() {
        Explanation explanation = evaluator.explain(GET, new PolicySet(List.of(S3_READ), List.of(boundary("ec2:*")), List.of()));
        assertThat(explanation.decision()).isEqualTo(evaluator.evaluate(GET, new PolicySet(List.of(S3_READ), List.of(boundary("ec2:*")), List.of())));
        assertThat(explanation.decision().deciderType()).isEqualTo(PolicyType.PERMISSIONS_BOUNDARY);
        assertThat(explanation.type(PolicyType.PERMISSIONS_BOUNDARY).outcome()).isEqualTo(Explanation.TypeOutcome.IMPLICIT_DENY);
        assertThat(explanation.allowedByPermissionsBoundary()).isFalse();
        assertThat(explanation.type(PolicyType.RESOURCE).outcome()).isEqualTo(Explanation.TypeOutcome.NOT_APPLICABLE);
        assertThat(explanation.type(PolicyType.SERVICE_CONTROL).outcome()).isEqualTo(Explanation.TypeOutcome.NOT_APPLICABLE);
        assertThat(explanation.missingContextValues()).isEmpty();
    }

    @Test
    void evaluateWithoutScopeEqualsAnIAMPrincipalInItsOwnAccount() {
        NamedPolicy deny = identity("Deny", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:Delete*\",\"Resource\":\"*\"}}");
        List<PolicySet> sets = List.of(
                PolicySet.identityOnly(List.of()),
                PolicySet.identityOnly(List.of(S3_READ)),
                PolicySet.identityOnly(List.of(S3_READ, deny)),
                new PolicySet(List.of(S3_READ), List.of(boundary("s3:*")), List.of(session("ec2:*"))),
                new PolicySet(List.of(S3_READ), List.of(boundary("ec2:*")), List.of(session("s3:*"))));
        for (String action : List.of("s3:GetObject", "s3:DeleteObject", "ec2:RunInstances")) {
            AuthorizationRequest request = new AuthorizationRequest(action, OBJECT);
            for (PolicySet set : sets) {
                assertThat(evaluator.evaluate(request, set))
                        .isEqualTo(evaluator.evaluate(request, set, AccessScope.sameAccount(SESSION)))
                        .isEqualTo(evaluator.explain(request, set).decision());
            }
        }
    }
}
