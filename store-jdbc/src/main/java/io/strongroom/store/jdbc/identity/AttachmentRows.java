package io.strongroom.store.jdbc.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import java.util.List;

/** Which managed policies are attached to which users, groups and roles, in attachment order. */
final class AttachmentRows {
    private final JdbcTransactor transactor;

    AttachmentRows(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    /** Attaching an attached policy again changes nothing, as in IAM. */
    void attach(String accountId, PrincipalKind kind, String principalName, String policyArn) {
        transactor.atomically(c -> {
            String principalId = PrincipalRows.require(c, accountId, kind, principalName).id();
            return Sql.update(c, "INSERT INTO policy_attachments (account_id, principal_kind, principal_id, policy_arn) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (principal_kind, principal_id, policy_arn) DO NOTHING", accountId, kind, principalId, policyArn);
        });
    }

    boolean detach(String accountId, PrincipalKind kind, String principalName, String policyArn) {
        return transactor.atomically(c -> {
            var principal = PrincipalRows.find(c, accountId, kind, principalName);
            return principal.isPresent() && Sql.update(c,
                    "DELETE FROM policy_attachments WHERE principal_kind = ? AND principal_id = ? AND policy_arn = ?",
                    kind, principal.get().id(), policyArn) > 0;
        });
    }

    List<String> list(String accountId, PrincipalKind kind, String principalName) {
        return transactor.withConnection(c -> {
            var principal = PrincipalRows.find(c, accountId, kind, principalName);
            if (principal.isEmpty()) {
                return List.<String>of();
            }
            return Sql.list(c, "SELECT policy_arn FROM policy_attachments WHERE principal_kind = ? AND principal_id = ? ORDER BY id",
                    row -> row.getString(1), kind, principal.get().id());
        });
    }

    int countAttachments(String policyArn) {
        return transactor.withConnection(c -> (int) Sql.count(c,
                "SELECT COUNT(*) FROM policy_attachments WHERE policy_arn = ?", policyArn));
    }

    int countBoundaryUses(String policyArn) {
        return transactor.withConnection(c -> (int) (
                Sql.count(c, "SELECT COUNT(*) FROM users WHERE permissions_boundary_arn = ?", policyArn)
                        + Sql.count(c, "SELECT COUNT(*) FROM roles WHERE permissions_boundary_arn = ?", policyArn)));
    }
}
