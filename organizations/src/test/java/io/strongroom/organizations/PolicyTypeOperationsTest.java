package io.strongroom.organizations;

import static io.strongroom.organizations.PolicyOperationsTest.DENY_LEAVE;
import static io.strongroom.organizations.PolicyOperationsTest.RCP;
import static io.strongroom.organizations.PolicyOperationsTest.SCP;
import static io.strongroom.organizations.testing.OrganizationsAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.organizations.testing.OrganizationsFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTypeOperationsTest {
    private static final String INVALID_INPUT = "InvalidInputException";
    private final OrganizationsFixture f = new OrganizationsFixture();
    private final String root = f.rootId();
    private final String member = f.newAccount("analytics");
    private final OrganizationalUnit unit = f.organizations.createOrganizationalUnit(f.admin, root, "Workloads");

    @Test
    void enablingResourceControlPoliciesAttachesRcpFullAwsAccessEverywhere() {
        RootDescription described = f.organizations.enablePolicyType(f.admin, root, RCP);

        assertThat(described.policyTypes()).containsExactly(
                PolicyTypeSummary.enabled(OrganizationPolicyType.SERVICE_CONTROL_POLICY),
                PolicyTypeSummary.enabled(OrganizationPolicyType.RESOURCE_CONTROL_POLICY));
        for (String target : List.of(root, unit.id(), member, f.managementAccount)) {
            assertThat(policiesOn(target, RCP)).as(target).containsExactly("p-RCPFullAWSAccess");
        }
        OrganizationalUnit later = f.organizations.createOrganizationalUnit(f.admin, unit.id(), "Later");
        assertThat(policiesOn(later.id(), RCP)).containsExactly("p-RCPFullAWSAccess");
        assertThat(policiesOn(later.id(), SCP)).containsExactly("p-FullAWSAccess");
    }

    @Test
    void disablingAPolicyTypeDetachesItsPoliciesEverywhere() {
        OrganizationPolicy denyLeave = f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "DenyLeave", SCP);
        f.organizations.attachPolicy(f.admin, denyLeave.id(), unit.id());

        RootDescription described = f.organizations.disablePolicyType(f.admin, root, SCP);

        assertThat(described.policyTypes()).isEmpty();
        for (String target : List.of(root, unit.id(), member)) {
            assertThat(f.repository.listAttachmentsForTarget(target)).as(target).isEmpty();
        }
        assertError(f, () -> f.organizations.attachPolicy(f.admin, denyLeave.id(), unit.id()),
                "PolicyTypeNotEnabledException");

        f.organizations.enablePolicyType(f.admin, root, SCP);
        for (String target : List.of(root, unit.id(), member)) {
            assertThat(policiesOn(target, SCP)).as(target).containsExactly("p-FullAWSAccess");
        }
    }

    @Test
    void enablingATypeThatIsEnabled() {
        assertError(f, () -> f.organizations.enablePolicyType(f.admin, root, SCP),
                "PolicyTypeAlreadyEnabledException");
    }

    @Test
    void disablingATypeThatIsNotEnabled() {
        assertError(f, () -> f.organizations.disablePolicyType(f.admin, root, RCP), "PolicyTypeNotEnabledException");
    }

    @Test
    void enableOnAnUnknownRoot() {
        assertError(f, () -> f.organizations.enablePolicyType(f.admin, "r-zzzz", RCP), "RootNotFoundException");
        assertError(f, () -> f.organizations.disablePolicyType(f.admin, "r-zzzz", SCP), "RootNotFoundException");
    }

    @Test
    void enableRefusesAMalformedRootId() {
        assertError(f, () -> f.organizations.enablePolicyType(f.admin, unit.id(), RCP), INVALID_INPUT,
                "INVALID_PATTERN");
    }

    @Test
    void enableRefusesAnUnknownPolicyType() {
        assertError(f, () -> f.organizations.enablePolicyType(f.admin, root, "EVERYTHING"), INVALID_INPUT,
                "INVALID_ENUM_POLICY_TYPE");
    }

    @Test
    void enableRefusesAPolicyTypeThisOrganizationDoesNotOffer() {
        assertError(f, () -> f.organizations.enablePolicyType(f.admin, root, "BACKUP_POLICY"),
                "PolicyTypeNotAvailableForOrganizationException");
    }

    private List<String> policiesOn(String target, String type) {
        return f.organizations.listPoliciesForTarget(f.admin, target, type, PageRequest.first()).items().stream()
                .map(PolicySummary::id).toList();
    }
}
