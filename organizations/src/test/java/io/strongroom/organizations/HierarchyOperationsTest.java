package io.strongroom.organizations;

import static io.strongroom.organizations.testing.OrganizationsAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.organizations.testing.OrganizationsFixture;
import org.junit.jupiter.api.Test;

class HierarchyOperationsTest {
    private static final String INVALID_INPUT = "InvalidInputException";
    private final OrganizationsFixture f = new OrganizationsFixture();
    private final String root = f.rootId();
    private final String member = f.newAccount("analytics");
    private final OrganizationalUnit workloads = f.organizations.createOrganizationalUnit(f.admin, root, "Workloads");
    private final OrganizationalUnit prod = f.organizations.createOrganizationalUnit(f.admin, workloads.id(), "Prod");

    @Test
    void listParentsOfAnAccountAndOfAnOrganizationalUnit() {
        assertThat(f.organizations.listParents(f.admin, member, PageRequest.first()).items())
                .containsExactly(new Parent(root, ParentType.ROOT));
        assertThat(f.organizations.listParents(f.admin, prod.id(), PageRequest.first()).items())
                .containsExactly(new Parent(workloads.id(), ParentType.ORGANIZATIONAL_UNIT));
    }

    @Test
    void listParentsOfAnUnknownChild() {
        assertError(f, () -> f.organizations.listParents(f.admin, "999999999999", PageRequest.first()),
                "ChildNotFoundException");
        assertError(f, () -> f.organizations.listParents(f.admin, "ou-abcd-12345678", PageRequest.first()),
                "ChildNotFoundException");
    }

    @Test
    void listParentsRefusesARootAsChild() {
        assertError(f, () -> f.organizations.listParents(f.admin, root, PageRequest.first()), INVALID_INPUT,
                "INVALID_PATTERN");
    }

    @Test
    void listChildrenByType() {
        assertThat(f.organizations.listChildren(f.admin, root, "ACCOUNT", PageRequest.first()).items())
                .containsExactlyInAnyOrder(new Child(f.managementAccount, ChildType.ACCOUNT),
                        new Child(member, ChildType.ACCOUNT));
        assertThat(f.organizations.listChildren(f.admin, root, "ORGANIZATIONAL_UNIT", PageRequest.first()).items())
                .containsExactly(new Child(workloads.id(), ChildType.ORGANIZATIONAL_UNIT));
        assertThat(f.organizations.listChildren(f.admin, prod.id(), "ACCOUNT", PageRequest.first()).items())
                .isEmpty();
    }

    @Test
    void listChildrenRefusesAnUnknownChildType() {
        assertError(f, () -> f.organizations.listChildren(f.admin, root, "USER", PageRequest.first()),
                INVALID_INPUT, "INVALID_ENUM");
    }

    @Test
    void listChildrenOfAnUnknownParent() {
        assertError(f, () -> f.organizations.listChildren(f.admin, "ou-abcd-12345678", "ACCOUNT",
                PageRequest.first()), "ParentNotFoundException");
    }

    @Test
    void moveAccountDownTheTreeAndBack() {
        f.organizations.moveAccount(f.admin, member, root, workloads.id());
        f.organizations.moveAccount(f.admin, member, workloads.id(), prod.id());

        assertThat(f.organizations.listParents(f.admin, member, PageRequest.first()).items())
                .containsExactly(new Parent(prod.id(), ParentType.ORGANIZATIONAL_UNIT));
        assertThat(f.repository.listAttachmentsForTarget(member)).extracting(PolicyAttachment::policyId)
                .containsExactly("p-FullAWSAccess");

        f.organizations.moveAccount(f.admin, member, prod.id(), root);
        assertThat(f.organizations.listParents(f.admin, member, PageRequest.first()).items())
                .containsExactly(new Parent(root, ParentType.ROOT));
    }

    @Test
    void moveAccountFromAnUnknownSource() {
        assertError(f, () -> f.organizations.moveAccount(f.admin, member, "ou-abcd-12345678", workloads.id()),
                "SourceParentNotFoundException");
    }

    @Test
    void moveAccountToAnUnknownDestination() {
        assertError(f, () -> f.organizations.moveAccount(f.admin, member, root, "ou-abcd-12345678"),
                "DestinationParentNotFoundException");
    }

    @Test
    void moveAccountWhereItAlreadyIs() {
        assertError(f, () -> f.organizations.moveAccount(f.admin, member, root, root), "DuplicateAccountException");
    }

    @Test
    void moveAccountFromAContainerItIsNotIn() {
        assertError(f, () -> f.organizations.moveAccount(f.admin, member, workloads.id(), prod.id()),
                "AccountNotFoundException");
    }

    @Test
    void moveAnUnknownAccount() {
        assertError(f, () -> f.organizations.moveAccount(f.admin, "999999999999", root, workloads.id()),
                "AccountNotFoundException");
    }

    @Test
    void moveAccountRefusesMalformedIds() {
        assertError(f, () -> f.organizations.moveAccount(f.admin, "abc", root, workloads.id()), INVALID_INPUT,
                "INVALID_PATTERN");
        assertError(f, () -> f.organizations.moveAccount(f.admin, member, "root", workloads.id()), INVALID_INPUT,
                "INVALID_PATTERN");
        assertError(f, () -> f.organizations.moveAccount(f.admin, member, root, member), INVALID_INPUT,
                "INVALID_PATTERN");
    }
}
