package io.strongroom.iam.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.iam.testing.IamFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private final IamFixture f = new IamFixture();

    @Test
    void firstStartCreatesTheOrganizationAdminAndAwsPolicies() {
        assertThat(f.bootstrap.ran()).isTrue();
        assertThat(f.bootstrap.organizationId()).matches("o-[a-z0-9]{10}");
        assertThat(f.account).matches("[0-9]{12}");
        assertThat(f.repository.findOrganization().orElseThrow().arn())
                .isEqualTo("arn:aws:organizations::" + f.account + ":organization/" + f.bootstrap.organizationId());
        assertThat(f.repository.listAttachedPolicies(f.account, PrincipalKind.USER, "admin"))
                .containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");
        for (String name : new String[] {"AdministratorAccess", "ReadOnlyAccess", "IAMFullAccess", "IAMReadOnlyAccess"}) {
            assertThat(f.repository.findManagedPolicy("arn:aws:iam::aws:policy/" + name)).isPresent();
        }
        assertThat(f.bootstrap.credentials().orElseThrow().accessKeyId()).startsWith("AKIA");
    }

    @Test
    void everyAwsManagedPolicyIsAValidManagedPolicy() {
        AwsManagedPolicies.all().values()
                .forEach(document -> io.strongroom.policy.PolicyDocument.parseManaged(document.json()));
        assertThat(AwsManagedPolicies.all()).hasSize(4);
    }

    @Test
    void aSecondStartDoesNothing() {
        BootstrapResult again = new Bootstrap(f.repository, f.transactor, f.rootKeys, f.clock).run(Optional.empty());
        assertThat(again.ran()).isFalse();
        assertThat(again.credentials()).isEmpty();
        assertThat(again.managementAccountId()).isEqualTo(f.account);
        assertThat(f.repository.listAccounts()).hasSize(1);
    }

    @Test
    void givenCredentialsAreUsedWhenWellFormed() {
        IamFixture fresh = new IamFixture();
        assertThat(fresh.bootstrap.ran()).isTrue();
        var repo = new io.strongroom.iam.testing.InMemoryIdentityRepository();
        var bootstrap = new Bootstrap(repo, new io.strongroom.iam.testing.InMemoryTransactor(repo), f.rootKeys, f.clock);
        assertThatThrownBy(() -> bootstrap.run(Optional.of(new AdminCredentials("short", "x".repeat(40)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bootstrap.run(Optional.of(new AdminCredentials("AKIAEXAMPLE12345", "tooshort"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(repo.findOrganization()).isEmpty();
        BootstrapResult result = bootstrap.run(Optional.of(new AdminCredentials("AKIAEXAMPLE12345", "s".repeat(40))));
        assertThat(repo.findAccessKey("AKIAEXAMPLE12345")).isPresent();
        assertThat(result.credentials().orElseThrow().toString()).doesNotContain("ssssssssss");
    }
}
