package io.strongroom.organizations.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.access.OrganizationGuardrails.AccountPlacement;
import io.strongroom.organizations.OrganizationPolicy;
import io.strongroom.organizations.OrganizationalUnit;
import io.strongroom.organizations.PolicyAttachment;
import io.strongroom.organizations.TargetType;
import io.strongroom.organizations.testing.OrganizationsFixture;
import io.strongroom.policy.AuthorizationRequest;
import io.strongroom.policy.Decision;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.policy.PolicySet;
import io.strongroom.policy.PolicyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OrganizationGuardrailsProviderTest {
    private static final String FULL_AWS_ACCESS_ARN =
            "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess";
    private static final String DENY_LEAVE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}";

    private final OrganizationsFixture f = new OrganizationsFixture();
    private final String root = f.rootId();
    private final String member = f.newAccount("analytics");

    @Test
    void theManagementAccountIsExemptButPlaced() {
        assertThat(levels(f.guardrails.serviceControlChain(f.managementAccount))).isEmpty();
        assertThat(levels(f.guardrails.resourceControlChain(f.managementAccount))).isEmpty();
        assertThat(f.guardrails.placement(f.managementAccount))
                .contains(new AccountPlacement(f.organizationId, f.organizationId + "/" + root + "/"));
    }

    @Test
    void anAccountUnderTheRootHasTwoLevels() {
        List<List<NamedPolicy>> chain = levels(f.guardrails.serviceControlChain(member));
        assertThat(sources(chain)).containsExactly(Set.of(FULL_AWS_ACCESS_ARN), Set.of(FULL_AWS_ACCESS_ARN));
        assertThat(chain).allSatisfy(level -> assertThat(level)
                .allSatisfy(p -> assertThat(p.type()).isEqualTo(PolicyType.SERVICE_CONTROL)));
    }

    @Test
    void eachOrganizationalUnitIsALevelBetweenRootAndAccount() {
        OrganizationalUnit workloads = f.organizations.createOrganizationalUnit(f.admin, root, "Workloads");
        OrganizationalUnit prod = f.organizations.createOrganizationalUnit(f.admin, workloads.id(), "Prod");
        f.organizations.moveAccount(f.admin, member, root, prod.id());
        OrganizationPolicy denyLeave = f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "DenyLeave",
                "SERVICE_CONTROL_POLICY");
        f.organizations.attachPolicy(f.admin, denyLeave.id(), workloads.id());

        assertThat(sources(levels(f.guardrails.serviceControlChain(member)))).containsExactly(
                Set.of(FULL_AWS_ACCESS_ARN),
                Set.of(FULL_AWS_ACCESS_ARN, denyLeave.arn()),
                Set.of(FULL_AWS_ACCESS_ARN),
                Set.of(FULL_AWS_ACCESS_ARN));
        assertThat(f.guardrails.placement(member)).contains(new AccountPlacement(f.organizationId,
                f.organizationId + "/" + root + "/" + workloads.id() + "/" + prod.id() + "/"));
    }

    @Test
    void theChainsDecideAsGuardrails() {
        OrganizationPolicy denyLeave = f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "DenyLeave",
                "SERVICE_CONTROL_POLICY");
        f.organizations.attachPolicy(f.admin, denyLeave.id(), root);
        PolicyEvaluator evaluator = new PolicyEvaluator();

        // Every level must allow and none may deny: each level is checked as an identity policy set here.
        for (List<NamedPolicy> level : levels(f.guardrails.serviceControlChain(member))) {
            PolicySet asIdentity = PolicySet.identityOnly(level.stream().map(p -> new NamedPolicy(PolicyType.IDENTITY,
                    p.source(), p.document())).toList());
            assertThat(evaluator.evaluate(new AuthorizationRequest("s3:GetObject", "*"), asIdentity).allowed())
                    .isTrue();
        }
        List<NamedPolicy> rootLevel = levels(f.guardrails.serviceControlChain(member)).getFirst();
        Decision leave = evaluator.evaluate(new AuthorizationRequest("organizations:LeaveOrganization", "*"),
                PolicySet.identityOnly(rootLevel));
        assertThat(leave.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
    }

    @Test
    void resourceControlChainsFollowTheirPolicyType() {
        assertThat(levels(f.guardrails.resourceControlChain(member))).isEmpty();

        f.organizations.enablePolicyType(f.admin, root, "RESOURCE_CONTROL_POLICY");

        List<List<NamedPolicy>> chain = levels(f.guardrails.resourceControlChain(member));
        String rcpArn = "arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess";
        assertThat(sources(chain)).containsExactly(Set.of(rcpArn), Set.of(rcpArn));
        assertThat(chain.getFirst().getFirst().type()).isEqualTo(PolicyType.RESOURCE_CONTROL);
    }

    @Test
    void disabledServiceControlPoliciesBindNobody() {
        f.organizations.disablePolicyType(f.admin, root, "SERVICE_CONTROL_POLICY");
        assertThat(levels(f.guardrails.serviceControlChain(member))).isEmpty();
        assertThat(f.guardrails.placement(member)).isPresent();
    }

    @Test
    void anAccountOutsideTheOrganizationHasNoGuardrails() {
        assertThat(levels(f.guardrails.serviceControlChain("999999999999"))).isEmpty();
        assertThat(levels(f.guardrails.resourceControlChain("999999999999"))).isEmpty();
        assertThat(f.guardrails.placement("999999999999")).isEmpty();
    }

    @Test
    void changesOnThisNodeShowAtOnceAndOtherNodesChangesWithinTheTtl() {
        assertThat(levels(f.guardrails.serviceControlChain(member)).get(1)).hasSize(1);
        OrganizationPolicy denyLeave = f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "DenyLeave",
                "SERVICE_CONTROL_POLICY");

        f.organizations.attachPolicy(f.admin, denyLeave.id(), member);
        assertThat(levels(f.guardrails.serviceControlChain(member)).get(1)).hasSize(2);

        // another node detaches it: straight in the store, this node's listener is not told
        f.repository.detachPolicy(denyLeave.id(), member);
        assertThat(levels(f.guardrails.serviceControlChain(member)).get(1)).hasSize(2);
        f.iam.clock.advance(Duration.ofSeconds(3));
        assertThat(levels(f.guardrails.serviceControlChain(member)).get(1)).hasSize(1);
    }

    @Test
    void aStoredPolicyThatNoLongerParsesDeniesEverything() {
        f.repository.insertPolicy(new OrganizationPolicy("p-broken00", "arn:aws:organizations::" + f.managementAccount
                + ":policy/" + f.organizationId + "/service_control_policy/p-broken00", "Broken", "",
                io.strongroom.organizations.OrganizationPolicyType.SERVICE_CONTROL_POLICY, false, "{broken"));
        f.repository.attachPolicy(new PolicyAttachment("p-broken00", member, TargetType.ACCOUNT));
        f.guardrails.organizationChanged();

        List<NamedPolicy> accountLevel = levels(f.guardrails.serviceControlChain(member)).get(1);
        PolicyDocument broken = accountLevel.stream().filter(p -> p.source().endsWith("p-broken00")).findFirst()
                .orElseThrow().document();
        Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest("s3:GetObject", "*"),
                PolicySet.identityOnly(List.of(new NamedPolicy(PolicyType.IDENTITY, "broken", broken))));
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
    }

    /** Each level's policy sources; the order within a level carries no meaning. */
    private static List<Set<String>> sources(List<List<NamedPolicy>> chain) {
        List<Set<String>> out = new ArrayList<>();
        for (List<NamedPolicy> level : chain) {
            out.add(level.stream().map(NamedPolicy::source).collect(Collectors.toSet()));
        }
        return out;
    }

    /** The policies of each level, root first. */
    private static List<List<NamedPolicy>> levels(io.strongroom.policy.PolicyChain chain) {
        return chain.levels().stream().map(io.strongroom.policy.PolicyChain.Level::policies).toList();
    }
}
