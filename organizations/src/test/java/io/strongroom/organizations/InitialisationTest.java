package io.strongroom.organizations;

import static io.strongroom.organizations.testing.OrganizationsAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.identity.Account;
import io.strongroom.iam.testing.InMemoryIdentityRepository;
import io.strongroom.organizations.testing.InMemoryOrganizationsRepository;
import io.strongroom.organizations.testing.InMemoryOrganizationsTransactor;
import io.strongroom.organizations.testing.OrganizationsFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitialisationTest {
    private final OrganizationsFixture f = new OrganizationsFixture();

    @Test
    void theOrganizationStartsWithOneRootWithScpsEnabledAndFullAwsAccessAttached() {
        List<RootDescription> roots = f.organizations.listRoots(f.admin, PageRequest.first()).items();
        assertThat(roots).hasSize(1);
        RootDescription root = roots.getFirst();
        assertThat(root.id()).matches("r-[0-9a-z]{4}");
        assertThat(root.name()).isEqualTo("Root");
        assertThat(root.arn()).isEqualTo("arn:aws:organizations::" + f.managementAccount + ":root/"
                + f.organizationId + "/" + root.id());
        assertThat(root.policyTypes()).containsExactly(
                PolicyTypeSummary.enabled(OrganizationPolicyType.SERVICE_CONTROL_POLICY));

        assertThat(attachedIds(root.id())).containsExactly("p-FullAWSAccess");
        assertThat(attachedIds(f.managementAccount)).containsExactly("p-FullAWSAccess");
        assertThat(f.repository.findAccountMembership(f.managementAccount))
                .map(AccountMembership::parentId).contains(root.id());
    }

    @Test
    void theAwsManagedPoliciesExistWithTheirDocumentedIdsAndArns() {
        OrganizationPolicy full = f.organizations.describePolicy(f.admin, "p-FullAWSAccess");
        assertThat(full.arn()).isEqualTo("arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess");
        assertThat(full.name()).isEqualTo("FullAWSAccess");
        assertThat(full.awsManaged()).isTrue();
        assertThat(full.type()).isEqualTo(OrganizationPolicyType.SERVICE_CONTROL_POLICY);

        OrganizationPolicy rcp = f.organizations.describePolicy(f.admin, "p-RCPFullAWSAccess");
        assertThat(rcp.arn())
                .isEqualTo("arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess");
        assertThat(rcp.awsManaged()).isTrue();
        assertThat(rcp.type()).isEqualTo(OrganizationPolicyType.RESOURCE_CONTROL_POLICY);
    }

    @Test
    void initialisingAgainChangesNothing() {
        List<Object> before = f.repository.contents();
        assertThat(f.organizations.ensureInitialised()).isFalse();
        assertThat(f.repository.contents()).isEqualTo(before);
    }

    @Test
    void accountsWithoutAPlaceAreSetUnderTheRootAtTheNextStart() {
        f.iam.repository.insertAccount(new Account("123456789012", "imported", "imported@example.com",
                f.organizationId, Instant.parse("2030-01-01T00:00:00Z")));

        assertThat(f.organizations.ensureInitialised()).isTrue();

        assertThat(f.repository.findAccountMembership("123456789012")).contains(new AccountMembership("123456789012",
                f.rootId(), JoinedMethod.CREATED, Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(attachedIds("123456789012")).containsExactly("p-FullAWSAccess");
    }

    @Test
    void theRootIdFollowsFromTheOrganizationId() {
        assertThat(f.rootId()).isEqualTo(OrganizationIds.rootId(f.organizationId));
    }

    @Test
    void withoutAnOrganizationThereIsNothingToInitialise() {
        InMemoryIdentityRepository identities = new InMemoryIdentityRepository();
        InMemoryOrganizationsRepository repository = new InMemoryOrganizationsRepository();
        OrganizationsService service = new OrganizationsService(identities, repository,
                new InMemoryOrganizationsTransactor(identities, repository), f.iam.authorizer, f.iam.clock, List.of());

        assertThat(service.ensureInitialised()).isFalse();
        assertThat(repository.listRoots()).isEmpty();
    }

    @Test
    void anOrganizationNotYetInitialisedIsNotInUse() {
        InMemoryOrganizationsRepository empty = new InMemoryOrganizationsRepository();
        OrganizationsService service = new OrganizationsService(f.iam.repository, empty,
                new InMemoryOrganizationsTransactor(f.iam.repository, empty), f.iam.authorizer, f.iam.clock,
                List.of());

        assertError(f, () -> service.listRoots(f.admin, PageRequest.first()), "AWSOrganizationsNotInUseException");
    }

    private List<String> attachedIds(String targetId) {
        return f.repository.listAttachmentsForTarget(targetId).stream().map(PolicyAttachment::policyId).toList();
    }
}
