package io.strongroom.organizations;

import static io.strongroom.organizations.testing.OrganizationsAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.organizations.testing.OrganizationsFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrganizationalUnitOperationsTest {
    private static final String INVALID_INPUT = "InvalidInputException";
    private final OrganizationsFixture f = new OrganizationsFixture();

    @Test
    void createOrganizationalUnitUnderTheRootWithFullAwsAccessAttached() {
        String root = f.rootId();
        OrganizationalUnit unit = f.organizations.createOrganizationalUnit(f.admin, root, "Workloads");

        assertThat(unit.id()).matches("ou-" + root.substring(2) + "-[a-z0-9]{8}");
        assertThat(unit.arn()).isEqualTo("arn:aws:organizations::" + f.managementAccount + ":ou/" + f.organizationId
                + "/" + unit.id());
        assertThat(unit.name()).isEqualTo("Workloads");
        assertThat(unit.parentId()).isEqualTo(root);
        assertThat(f.organizations.describeOrganizationalUnit(f.admin, unit.id())).isEqualTo(unit);
        assertThat(f.organizations.listOrganizationalUnitsForParent(f.admin, root, PageRequest.first()).items())
                .containsExactly(unit);
        assertThat(f.repository.listAttachmentsForTarget(unit.id())).containsExactly(
                new PolicyAttachment("p-FullAWSAccess", unit.id(), TargetType.ORGANIZATIONAL_UNIT));
    }

    @Test
    void organizationalUnitsNestFiveLevelsDeepAndNoDeeper() {
        String parent = f.rootId();
        for (int level = 1; level <= 5; level++) {
            parent = f.organizations.createOrganizationalUnit(f.admin, parent, "Level" + level).id();
        }
        String deepest = parent;
        OrganizationsException error = assertError(f,
                () -> f.organizations.createOrganizationalUnit(f.admin, deepest, "Level6"),
                "ConstraintViolationException", "OU_DEPTH_LIMIT_EXCEEDED");
        assertThat(error.getMessage()).isEqualTo("You attempted to create an OU tree that is too many levels deep.");
    }

    @Test
    void namesAreUniqueAmongSiblingsOnly() {
        OrganizationalUnit workloads = f.organizations.createOrganizationalUnit(f.admin, f.rootId(), "Workloads");
        assertError(f, () -> f.organizations.createOrganizationalUnit(f.admin, f.rootId(), "Workloads"),
                "DuplicateOrganizationalUnitException");
        assertThat(f.organizations.createOrganizationalUnit(f.admin, workloads.id(), "Workloads").parentId())
                .isEqualTo(workloads.id());
    }

    @Test
    void createUnderAnUnknownParent() {
        assertError(f, () -> f.organizations.createOrganizationalUnit(f.admin, "ou-abcd-12345678", "X"),
                "ParentNotFoundException");
    }

    @Test
    void createUnderAnUnknownRoot() {
        assertError(f, () -> f.organizations.createOrganizationalUnit(f.admin, "r-zzzz", "X"),
                "ParentNotFoundException");
    }

    @Test
    void createRefusesAMalformedParentId() {
        assertError(f, () -> f.organizations.createOrganizationalUnit(f.admin, "root", "X"), INVALID_INPUT,
                "INVALID_PATTERN");
    }

    @Test
    void createRefusesAnEmptyName() {
        assertError(f, () -> f.organizations.createOrganizationalUnit(f.admin, f.rootId(), ""), INVALID_INPUT,
                "MIN_LENGTH_EXCEEDED");
    }

    @Test
    void createRefusesANameLongerThan128() {
        assertError(f, () -> f.organizations.createOrganizationalUnit(f.admin, f.rootId(), "n".repeat(129)),
                INVALID_INPUT, "MAX_LENGTH_EXCEEDED");
    }

    @Test
    void createRequiresAName() {
        assertError(f, () -> f.organizations.createOrganizationalUnit(f.admin, f.rootId(), null), INVALID_INPUT,
                "INPUT_REQUIRED");
    }

    @Test
    void updateRenames() {
        OrganizationalUnit unit = f.organizations.createOrganizationalUnit(f.admin, f.rootId(), "Workloads");
        OrganizationalUnit renamed = f.organizations.updateOrganizationalUnit(f.admin, unit.id(), Optional.of("Apps"));
        assertThat(renamed).isEqualTo(new OrganizationalUnit(unit.id(), unit.arn(), "Apps", unit.parentId()));
        assertThat(f.organizations.describeOrganizationalUnit(f.admin, unit.id())).isEqualTo(renamed);
        assertThat(f.organizations.updateOrganizationalUnit(f.admin, unit.id(), Optional.empty())).isEqualTo(renamed);
    }

    @Test
    void updateToASiblingsName() {
        OrganizationalUnit unit = f.organizations.createOrganizationalUnit(f.admin, f.rootId(), "Workloads");
        f.organizations.createOrganizationalUnit(f.admin, f.rootId(), "Sandbox");
        assertError(f, () -> f.organizations.updateOrganizationalUnit(f.admin, unit.id(), Optional.of("Sandbox")),
                "DuplicateOrganizationalUnitException");
    }

    @Test
    void updateAnUnknownOrganizationalUnit() {
        assertError(f, () -> f.organizations.updateOrganizationalUnit(f.admin, "ou-abcd-12345678", Optional.of("X")),
                "OrganizationalUnitNotFoundException");
    }

    @Test
    void updateRefusesAMalformedId() {
        assertError(f, () -> f.organizations.updateOrganizationalUnit(f.admin, "ou-1", Optional.of("X")),
                INVALID_INPUT, "INVALID_PATTERN");
    }

    @Test
    void deleteRemovesAnEmptyOrganizationalUnitAndItsAttachments() {
        OrganizationalUnit unit = f.organizations.createOrganizationalUnit(f.admin, f.rootId(), "Workloads");
        f.organizations.deleteOrganizationalUnit(f.admin, unit.id());

        assertThat(f.repository.findOrganizationalUnit(unit.id())).isEmpty();
        assertThat(f.repository.listAttachmentsForTarget(unit.id())).isEmpty();
        assertError(f, () -> f.organizations.describeOrganizationalUnit(f.admin, unit.id()),
                "OrganizationalUnitNotFoundException");
    }

    @Test
    void deleteRefusesAnOrganizationalUnitHoldingAnotherOne() {
        OrganizationalUnit unit = f.organizations.createOrganizationalUnit(f.admin, f.rootId(), "Workloads");
        f.organizations.createOrganizationalUnit(f.admin, unit.id(), "Prod");
        OrganizationsException error = assertError(f,
                () -> f.organizations.deleteOrganizationalUnit(f.admin, unit.id()),
                "OrganizationalUnitNotEmptyException");
        assertThat(error.getMessage()).startsWith("The specified OU is not empty.");
    }

    @Test
    void deleteRefusesAnOrganizationalUnitHoldingAnAccount() {
        OrganizationalUnit unit = f.organizations.createOrganizationalUnit(f.admin, f.rootId(), "Workloads");
        String member = f.newAccount("analytics");
        f.organizations.moveAccount(f.admin, member, f.rootId(), unit.id());
        assertError(f, () -> f.organizations.deleteOrganizationalUnit(f.admin, unit.id()),
                "OrganizationalUnitNotEmptyException");
    }

    @Test
    void deleteAnUnknownOrganizationalUnit() {
        assertError(f, () -> f.organizations.deleteOrganizationalUnit(f.admin, "ou-abcd-12345678"),
                "OrganizationalUnitNotFoundException");
    }

    @Test
    void describeRefusesAMalformedId() {
        assertError(f, () -> f.organizations.describeOrganizationalUnit(f.admin, "r-abcd"), INVALID_INPUT,
                "INVALID_PATTERN");
    }

    @Test
    void listForAnUnknownParent() {
        assertError(f, () -> f.organizations.listOrganizationalUnitsForParent(f.admin, "ou-abcd-12345678",
                PageRequest.first()), "ParentNotFoundException");
    }

    @Test
    void listForParentPages() {
        for (int i = 0; i < 3; i++) {
            f.organizations.createOrganizationalUnit(f.admin, f.rootId(), "Unit" + i);
        }
        Page<OrganizationalUnit> first = f.organizations.listOrganizationalUnitsForParent(f.admin, f.rootId(),
                new PageRequest(Optional.empty(), Optional.of(2)));
        Page<OrganizationalUnit> second = f.organizations.listOrganizationalUnitsForParent(f.admin, f.rootId(),
                new PageRequest(first.nextToken(), Optional.of(2)));
        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextToken()).isEmpty();
    }
}
