package io.strongroom.store.jdbc.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.organizations.AccountMembership;
import io.strongroom.organizations.JoinedMethod;
import io.strongroom.organizations.OrganizationPolicy;
import io.strongroom.organizations.OrganizationPolicyType;
import io.strongroom.organizations.OrganizationalUnit;
import io.strongroom.organizations.PolicyAttachment;
import io.strongroom.organizations.TargetType;
import io.strongroom.organizations.testing.OrganizationsRepositoryContract;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.identity.JdbcIdentityRepository;
import org.junit.jupiter.api.Test;

/**
 * The organizations' repository contract on one vendor, joined to the identity store by one
 * transactor as the server runs it, plus what only the JDBC store has to show.
 */
abstract class JdbcOrganizationsRepositoryContract extends OrganizationsRepositoryContract {
    Database database;

    /** Opens the store on an empty database. */
    abstract Database openEmptyDatabase() throws Exception;

    @Override
    protected Stores openEmpty() throws Exception {
        database = openEmptyDatabase();
        JdbcTransactor tx = database.transactor();
        return new Stores(new JdbcIdentityRepository(tx), new JdbcOrganizationsRepository(tx), tx);
    }

    @Override
    protected void close() {
        database.close();
    }

    @Test
    public void aMembershipNeedsAnExistingAccount() {
        repository.insertRoot(root());
        assertThatThrownBy(() -> repository.insertAccountMembership(
                new AccountMembership("999999999999", ROOT_ID, JoinedMethod.CREATED, T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999999999999");
        assertThat(repository.findAccountMembership("999999999999")).isEmpty();
        assertThat(countRows("org_account_memberships")).isZero();
    }

    @Test
    public void aCollisionInsideACallersTransactionLeavesItUsable() {
        repository.insertRoot(root());
        repository.insertOrganizationalUnit(unit(OU_A, "Workloads", ROOT_ID));
        stores.transactor().run(() -> {
            assertThatThrownBy(() -> repository.insertOrganizationalUnit(unit(OU_B, "Workloads", ROOT_ID)))
                    .isInstanceOf(DuplicateEntityException.class);
            assertThat(repository.enablePolicyType(ROOT_ID, OrganizationPolicyType.SERVICE_CONTROL_POLICY)).isTrue();
            assertThat(repository.enablePolicyType(ROOT_ID, OrganizationPolicyType.SERVICE_CONTROL_POLICY)).isFalse();
            // PostgreSQL refuses every later statement of a transaction whose statement failed, unless
            // the failure was confined to a savepoint.
            repository.insertOrganizationalUnit(unit(OU_B, "Sandbox", ROOT_ID));
        });
        assertThat(repository.listOrganizationalUnits(ROOT_ID)).extracting(OrganizationalUnit::name)
                .containsExactly("Workloads", "Sandbox");
        assertThat(repository.listEnabledPolicyTypes(ROOT_ID))
                .containsExactly(OrganizationPolicyType.SERVICE_CONTROL_POLICY);
    }

    @Test
    public void namesAndContentAreKeptExactly() {
        String content = "{ \"Version\": \"2012-10-17\",\n\t\"Statement\": [{\"Sid\": \"Größe ✓\", \"Effect\": \"Deny\","
                + " \"Action\": \"s3:*\", \"Resource\": \"*\"}] }";
        OrganizationPolicy policy = new OrganizationPolicy("p-abcd1234", "arn:aws:organizations::" + MANAGEMENT
                + ":policy/" + ORG + "/service_control_policy/p-abcd1234", "Deny S3 ✓", "Größe",
                OrganizationPolicyType.SERVICE_CONTROL_POLICY, false, content);
        repository.insertPolicy(policy);
        // names compare exactly: another case is another name
        repository.insertPolicy(policy("p-efgh5678", "deny s3 ✓", OrganizationPolicyType.SERVICE_CONTROL_POLICY));

        assertThat(repository.findPolicy("p-abcd1234")).contains(policy);
        repository.insertRoot(root());
        repository.insertOrganizationalUnit(unit(OU_A, "Workloads", ROOT_ID));
        repository.insertOrganizationalUnit(unit(OU_B, "workloads", ROOT_ID));
        assertThat(repository.listOrganizationalUnits(ROOT_ID)).hasSize(2);
    }

    @Test
    public void deletingAPolicyOrUnitLeavesItsAttachmentsToTheService() {
        repository.insertRoot(root());
        repository.insertOrganizationalUnit(unit(OU_A, "Workloads", ROOT_ID));
        repository.insertPolicy(policy("p-abcd1234", "DenyLeave", OrganizationPolicyType.SERVICE_CONTROL_POLICY));
        PolicyAttachment attachment = new PolicyAttachment("p-abcd1234", OU_A, TargetType.ORGANIZATIONAL_UNIT);
        repository.attachPolicy(attachment);

        assertThat(repository.deleteOrganizationalUnit(OU_A)).isTrue();
        assertThat(repository.deletePolicy("p-abcd1234")).isTrue();
        assertThat(repository.listAttachmentsForPolicy("p-abcd1234")).containsExactly(attachment);
    }

    long countRows(String table) {
        return database.transactor().withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM " + table));
    }
}
