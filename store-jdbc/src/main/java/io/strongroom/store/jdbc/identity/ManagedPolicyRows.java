package io.strongroom.store.jdbc.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.ManagedPolicy;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PolicyVersion;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.PageMarker;
import io.strongroom.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Managed policies and their versions. The default version is recorded only on the policy
 * ({@code default_version_id}); a version's {@code isDefault} is derived from it when read. The
 * policy's {@code next_version_number} numbers new versions and only goes up, so ids are never reused.
 */
final class ManagedPolicyRows {
    private static final String AWS_ACCOUNT = "aws";
    private static final String POLICY_COLUMNS = "p.arn, p.account_id, p.policy_name, p.policy_id, p.path, p.description,"
            + " p.default_version_id, p.create_date, p.update_date";
    private static final String SELECT_VERSION = "SELECT v.policy_arn, v.version_id, v.document, v.create_date,"
            + " p.default_version_id FROM policy_versions v JOIN managed_policies p ON p.arn = v.policy_arn";

    private final JdbcTransactor transactor;

    ManagedPolicyRows(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    void insert(ManagedPolicy policy, PolicyVersion firstVersion) {
        if (!firstVersion.policyArn().equals(policy.arn()) || !firstVersion.versionId().equals(policy.defaultVersionId())) {
            throw new IllegalArgumentException("the first version must belong to the policy and be its default version");
        }
        Writes.insert(transactor, "A policy called " + policy.policyName() + " already exists. Duplicate names are not allowed.", c -> {
            Sql.update(c, "INSERT INTO managed_policies (arn, account_id, policy_name, name_lc, policy_id, path, description,"
                            + " default_version_id, create_date, update_date, next_version_number)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    policy.arn(), policy.accountId(), policy.policyName(), Names.fold(policy.policyName()), policy.policyId(),
                    policy.path(), policy.description(), policy.defaultVersionId(), policy.createDate(), policy.updateDate(),
                    versionNumber(firstVersion.versionId()) + 1);
            insertVersionRow(c, firstVersion.policyArn(), firstVersion.versionId(), firstVersion.document(),
                    firstVersion.createDate());
            return null;
        });
    }

    Optional<ManagedPolicy> find(String policyArn) {
        return transactor.withConnection(c -> Sql.one(c,
                "SELECT " + POLICY_COLUMNS + " FROM managed_policies p WHERE p.arn = ?", ManagedPolicyRows::policy, policyArn));
    }

    Page<ManagedPolicy> list(String accountId, String scope, boolean onlyAttached, String pathPrefix,
                             Optional<String> marker, int maxItems) {
        Paging.check(maxItems);
        Optional<List<String>> after = marker.map(m -> PageMarker.decode(m, 2));
        StringBuilder sql = new StringBuilder("SELECT " + POLICY_COLUMNS + " FROM managed_policies p WHERE ");
        List<Object> parameters = new ArrayList<>();
        switch (scope) {
            case "Local" -> {
                sql.append("p.account_id = ?");
                parameters.add(accountId);
            }
            case "AWS" -> {
                sql.append("p.account_id = ?");
                parameters.add(AWS_ACCOUNT);
            }
            case "All" -> {
                sql.append("(p.account_id = ? OR p.account_id = ?)");
                parameters.add(accountId);
                parameters.add(AWS_ACCOUNT);
            }
            default -> throw new IllegalArgumentException("scope must be All, AWS or Local");
        }
        sql.append(" AND substr(p.path, 1, ?) = ?");
        parameters.add(Names.length(pathPrefix));
        parameters.add(pathPrefix);
        if (onlyAttached) {
            sql.append(" AND EXISTS (SELECT 1 FROM policy_attachments a WHERE a.policy_arn = p.arn AND a.account_id = ?)");
            parameters.add(accountId);
        }
        after.ifPresent(key -> {
            sql.append(" AND (p.name_lc > ? OR (p.name_lc = ? AND p.arn > ?))");
            parameters.add(key.get(0));
            parameters.add(key.get(0));
            parameters.add(key.get(1));
        });
        sql.append(" ORDER BY p.name_lc, p.arn LIMIT ?");
        parameters.add(maxItems + 1);
        List<ManagedPolicy> fetched = transactor.withConnection(c ->
                Sql.list(c, sql.toString(), ManagedPolicyRows::policy, parameters.toArray()));
        return Paging.page(fetched, maxItems, policy -> List.of(Names.fold(policy.policyName()), policy.arn()));
    }

    /** Deletes the policy with all its versions and attachments. */
    boolean delete(String policyArn) {
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM managed_policies WHERE arn = ?", policyArn) > 0);
    }

    /**
     * Adds a version numbered from the policy's counter; as default, it becomes the policy's default
     * and the policy's update date is the version's. Empty when the policy does not exist.
     */
    Optional<PolicyVersion> insertNextVersion(String policyArn, String document, boolean asDefault, Instant createDate) {
        return transactor.atomically(c -> {
            // Counting up first takes the policy row's write lock: concurrent creates on PostgreSQL
            // queue here, and each then reads back the number it alone took.
            int counted = Sql.update(c, "UPDATE managed_policies SET next_version_number = next_version_number + 1"
                    + " WHERE arn = ?", policyArn);
            if (counted == 0) {
                return Optional.empty();
            }
            int number = Sql.one(c, "SELECT next_version_number - 1 FROM managed_policies WHERE arn = ?",
                    row -> row.getInt(1), policyArn).orElseThrow();
            String versionId = "v" + number;
            insertVersionRow(c, policyArn, versionId, document, createDate);
            if (asDefault) {
                Sql.update(c, "UPDATE managed_policies SET default_version_id = ?, update_date = ? WHERE arn = ?",
                        versionId, createDate, policyArn);
            }
            return Sql.one(c, SELECT_VERSION + " WHERE v.policy_arn = ? AND v.version_id = ?",
                    ManagedPolicyRows::version, policyArn, versionId);
        });
    }

    Optional<PolicyVersion> findVersion(String policyArn, String versionId) {
        return transactor.withConnection(c -> Sql.one(c, SELECT_VERSION + " WHERE v.policy_arn = ? AND v.version_id = ?",
                ManagedPolicyRows::version, policyArn, versionId));
    }

    List<PolicyVersion> listVersions(String policyArn) {
        return transactor.withConnection(c -> Sql.list(c,
                SELECT_VERSION + " WHERE v.policy_arn = ? ORDER BY v.version_number DESC, v.create_date DESC",
                ManagedPolicyRows::version, policyArn));
    }

    /** Deletes a non-default version; deleting the default one would leave the policy without a document. */
    boolean deleteVersion(String policyArn, String versionId) {
        return transactor.atomically(c -> {
            Optional<String> defaultVersion = Sql.one(c, "SELECT default_version_id FROM managed_policies WHERE arn = ?",
                    row -> row.getString(1), policyArn);
            if (defaultVersion.isPresent() && defaultVersion.get().equals(versionId)) {
                throw new IllegalStateException("cannot delete the default version of a policy");
            }
            return Sql.update(c, "DELETE FROM policy_versions WHERE policy_arn = ? AND version_id = ?", policyArn, versionId) > 0;
        });
    }

    boolean setDefaultVersion(String policyArn, String versionId, Instant updateDate) {
        return transactor.atomically(c -> Sql.update(c,
                "UPDATE managed_policies SET default_version_id = ?, update_date = ? WHERE arn = ?"
                        + " AND EXISTS (SELECT 1 FROM policy_versions v WHERE v.policy_arn = ? AND v.version_id = ?)",
                versionId, updateDate, policyArn, policyArn, versionId) > 0);
    }

    private static void insertVersionRow(Connection c, String policyArn, String versionId, String document,
                                         Instant createDate) throws SQLException {
        Sql.update(c, "INSERT INTO policy_versions (policy_arn, version_id, version_number, document, create_date) VALUES (?, ?, ?, ?, ?)",
                policyArn, versionId, versionNumber(versionId), document, createDate);
    }

    /** {@code v12} → 12: versions sort by number, so {@code v10} is newer than {@code v9}. */
    private static int versionNumber(String versionId) {
        try {
            return versionId.startsWith("v") ? Integer.parseInt(versionId.substring(1)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ManagedPolicy policy(ResultSet row) throws SQLException {
        return new ManagedPolicy(row.getString("arn"), row.getString("account_id"), row.getString("policy_name"),
                row.getString("policy_id"), row.getString("path"), Sql.optionalText(row, "description"),
                row.getString("default_version_id"), Sql.instant(row, "create_date"), Sql.instant(row, "update_date"));
    }

    private static PolicyVersion version(ResultSet row) throws SQLException {
        String versionId = row.getString("version_id");
        return new PolicyVersion(row.getString("policy_arn"), versionId, row.getString("document"),
                versionId.equals(row.getString("default_version_id")), Sql.instant(row, "create_date"));
    }
}
