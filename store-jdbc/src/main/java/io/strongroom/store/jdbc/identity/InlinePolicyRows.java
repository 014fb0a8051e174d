package io.strongroom.store.jdbc.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.InlinePolicy;
import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import java.util.List;
import java.util.Optional;

/** Policies embedded in a user, group or role; names are unique per principal, case-insensitively. */
final class InlinePolicyRows {
    private final JdbcTransactor transactor;

    InlinePolicyRows(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    /** Creates or replaces; a replacement takes the name in the case given last. */
    void put(InlinePolicy policy) {
        transactor.atomically(c -> {
            String principalId = PrincipalRows.require(c, policy.accountId(), policy.kind(), policy.principalName()).id();
            return Sql.update(c, "INSERT INTO inline_policies (principal_kind, principal_id, account_id, policy_name, name_lc, document)"
                            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (principal_kind, principal_id, name_lc)"
                            + " DO UPDATE SET policy_name = excluded.policy_name, document = excluded.document",
                    policy.kind(), principalId, policy.accountId(), policy.policyName(), Names.fold(policy.policyName()),
                    policy.document());
        });
    }

    Optional<InlinePolicy> find(String accountId, PrincipalKind kind, String principalName, String policyName) {
        return transactor.withConnection(c -> {
            var principal = PrincipalRows.find(c, accountId, kind, principalName);
            if (principal.isEmpty()) {
                return Optional.<InlinePolicy>empty();
            }
            return Sql.one(c, "SELECT policy_name, document FROM inline_policies WHERE principal_kind = ? AND principal_id = ? AND name_lc = ?",
                    row -> new InlinePolicy(accountId, kind, principal.get().name(), row.getString(1), row.getString(2)),
                    kind, principal.get().id(), Names.fold(policyName));
        });
    }

    List<InlinePolicy> list(String accountId, PrincipalKind kind, String principalName) {
        return transactor.withConnection(c -> {
            var principal = PrincipalRows.find(c, accountId, kind, principalName);
            if (principal.isEmpty()) {
                return List.<InlinePolicy>of();
            }
            return Sql.list(c, "SELECT policy_name, document FROM inline_policies WHERE principal_kind = ? AND principal_id = ? ORDER BY name_lc",
                    row -> new InlinePolicy(accountId, kind, principal.get().name(), row.getString(1), row.getString(2)),
                    kind, principal.get().id());
        });
    }

    boolean delete(String accountId, PrincipalKind kind, String principalName, String policyName) {
        return transactor.atomically(c -> {
            var principal = PrincipalRows.find(c, accountId, kind, principalName);
            return principal.isPresent() && Sql.update(c,
                    "DELETE FROM inline_policies WHERE principal_kind = ? AND principal_id = ? AND name_lc = ?",
                    kind, principal.get().id(), Names.fold(policyName)) > 0;
        });
    }
}
