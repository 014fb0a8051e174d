package io.strongroom.store.jdbc.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.Organization;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import java.util.List;
import java.util.Optional;

/** The single organization and its accounts. */
final class OrganizationRows {
    private final JdbcTransactor transactor;

    OrganizationRows(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    void insertOrganization(Organization organization) {
        Writes.insert(transactor, "An organization already exists.", c -> Sql.update(c,
                "INSERT INTO organizations (id, arn, management_account_id, created_at) VALUES (?, ?, ?, ?)",
                organization.id(), organization.arn(), organization.managementAccountId(), organization.createdAt()));
    }

    Optional<Organization> findOrganization() {
        return transactor.withConnection(c -> Sql.one(c,
                "SELECT id, arn, management_account_id, created_at FROM organizations",
                row -> new Organization(row.getString("id"), row.getString("arn"), row.getString("management_account_id"),
                        Sql.instant(row, "created_at"))));
    }

    void insertAccount(Account account) {
        Writes.insert(transactor, "An account with id " + account.id() + " already exists.", c -> Sql.update(c,
                "INSERT INTO accounts (id, name, email, organization_id, created_at) VALUES (?, ?, ?, ?, ?)",
                account.id(), account.name(), account.email(), account.organizationId(), account.createdAt()));
    }

    Optional<Account> findAccount(String accountId) {
        return transactor.withConnection(c -> Sql.one(c, SELECT_ACCOUNT + " WHERE id = ?", OrganizationRows::account, accountId));
    }

    List<Account> listAccounts() {
        return transactor.withConnection(c -> Sql.list(c, SELECT_ACCOUNT + " ORDER BY id", OrganizationRows::account));
    }

    private static final String SELECT_ACCOUNT = "SELECT id, name, email, organization_id, created_at FROM accounts";

    private static Account account(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Account(row.getString("id"), row.getString("name"), row.getString("email"),
                row.getString("organization_id"), Sql.instant(row, "created_at"));
    }
}
