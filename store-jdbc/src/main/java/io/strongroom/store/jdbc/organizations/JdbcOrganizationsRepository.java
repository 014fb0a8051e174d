package io.strongroom.store.jdbc.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.organizations.AccountMembership;
import io.strongroom.organizations.CreateAccountState;
import io.strongroom.organizations.CreateAccountStatus;
import io.strongroom.organizations.JoinedMethod;
import io.strongroom.organizations.OrganizationPolicy;
import io.strongroom.organizations.OrganizationPolicyType;
import io.strongroom.organizations.OrganizationalUnit;
import io.strongroom.organizations.OrganizationsRepository;
import io.strongroom.organizations.PolicyAttachment;
import io.strongroom.organizations.Root;
import io.strongroom.organizations.TargetType;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.SqlWork;
import io.strongroom.store.jdbc.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link OrganizationsRepository} over JDBC, on SQLite or PostgreSQL alike (tables {@code org_*} of
 * migration V3). Each method is atomic: its own transaction, or a savepoint inside the caller's, so
 * it joins the identity store's transactions on the same {@link JdbcTransactor}. Unique keys keep the
 * collision rules (OU names per parent, policy names per type, one attachment per policy and target,
 * one membership per account); listings come ordered by id, which the interface does not require but
 * keeps both vendors alike.
 *
 * <p>An account membership refers to a row of iam's {@code accounts} table: inserting one for an
 * account that does not exist throws {@link IllegalArgumentException} and changes nothing, as
 * {@link io.strongroom.store.jdbc.identity.JdbcIdentityRepository} does for the principals it names.
 */
public final class JdbcOrganizationsRepository implements OrganizationsRepository {
    private static final String SELECT_UNIT = "SELECT id, arn, name, parent_id FROM org_units";
    private static final String SELECT_MEMBERSHIP =
            "SELECT account_id, parent_id, joined_method, joined_timestamp FROM org_account_memberships";
    private static final String SELECT_POLICY =
            "SELECT id, arn, name, description, policy_type, aws_managed, content FROM org_policies";
    private static final String SELECT_ATTACHMENT = "SELECT policy_id, target_id, target_type FROM org_policy_attachments";
    private static final String SELECT_REQUEST = "SELECT id, account_name, state, requested_timestamp,"
            + " completed_timestamp, account_id, failure_reason FROM org_create_account_requests";

    private final JdbcTransactor transactor;

    public JdbcOrganizationsRepository(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    // ---- roots and the policy types enabled on them

    @Override
    public void insertRoot(Root root) {
        writeUnique("A root with id " + root.id() + " already exists.", c -> Sql.update(c,
                "INSERT INTO org_roots (id, arn, name) VALUES (?, ?, ?)", root.id(), root.arn(), root.name()));
    }

    @Override
    public Optional<Root> findRoot(String rootId) {
        return transactor.withConnection(c -> Sql.one(c, "SELECT id, arn, name FROM org_roots WHERE id = ?",
                JdbcOrganizationsRepository::root, rootId));
    }

    @Override
    public List<Root> listRoots() {
        return transactor.withConnection(c -> Sql.list(c, "SELECT id, arn, name FROM org_roots ORDER BY id",
                JdbcOrganizationsRepository::root));
    }

    @Override
    public Set<OrganizationPolicyType> listEnabledPolicyTypes(String rootId) {
        List<OrganizationPolicyType> types = transactor.withConnection(c -> Sql.list(c,
                "SELECT policy_type FROM org_enabled_policy_types WHERE root_id = ?",
                row -> OrganizationPolicyType.valueOf(row.getString("policy_type")), rootId));
        return types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    @Override
    public boolean enablePolicyType(String rootId, OrganizationPolicyType type) {
        // ON CONFLICT keeps an already enabled type from failing the statement (PostgreSQL would
        // otherwise abort the caller's transaction).
        return transactor.atomically(c -> Sql.update(c,
                "INSERT INTO org_enabled_policy_types (root_id, policy_type) VALUES (?, ?) ON CONFLICT DO NOTHING",
                rootId, type) > 0);
    }

    @Override
    public boolean disablePolicyType(String rootId, OrganizationPolicyType type) {
        return transactor.atomically(c -> Sql.update(c,
                "DELETE FROM org_enabled_policy_types WHERE root_id = ? AND policy_type = ?", rootId, type) > 0);
    }

    // ---- organizational units

    @Override
    public void insertOrganizationalUnit(OrganizationalUnit unit) {
        writeUnique("An organizational unit with id " + unit.id() + " or named " + unit.name() + " under "
                + unit.parentId() + " already exists.", c -> Sql.update(c,
                "INSERT INTO org_units (id, arn, name, parent_id) VALUES (?, ?, ?, ?)",
                unit.id(), unit.arn(), unit.name(), unit.parentId()));
    }

    @Override
    public Optional<OrganizationalUnit> findOrganizationalUnit(String unitId) {
        return transactor.withConnection(c -> Sql.one(c, SELECT_UNIT + " WHERE id = ?",
                JdbcOrganizationsRepository::unit, unitId));
    }

    @Override
    public List<OrganizationalUnit> listOrganizationalUnits(String parentId) {
        return transactor.withConnection(c -> Sql.list(c, SELECT_UNIT + " WHERE parent_id = ? ORDER BY id",
                JdbcOrganizationsRepository::unit, parentId));
    }

    @Override
    public boolean renameOrganizationalUnit(String unitId, String newName) {
        return writeUnique("An organizational unit named " + newName + " already exists under the same parent.",
                c -> Sql.update(c, "UPDATE org_units SET name = ? WHERE id = ?", newName, unitId) > 0);
    }

    @Override
    public boolean deleteOrganizationalUnit(String unitId) {
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM org_units WHERE id = ?", unitId) > 0);
    }

    // ---- where accounts sit

    @Override
    public void insertAccountMembership(AccountMembership membership) {
        writeUnique("The account " + membership.accountId() + " is already in the organization.", c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM accounts WHERE id = ?", membership.accountId()) == 0) {
                throw new IllegalArgumentException("no account " + membership.accountId());
            }
            return Sql.update(c, "INSERT INTO org_account_memberships (account_id, parent_id, joined_method,"
                            + " joined_timestamp) VALUES (?, ?, ?, ?)", membership.accountId(), membership.parentId(),
                    membership.joinedMethod(), membership.joinedTimestamp());
        });
    }

    @Override
    public Optional<AccountMembership> findAccountMembership(String accountId) {
        return transactor.withConnection(c -> Sql.one(c, SELECT_MEMBERSHIP + " WHERE account_id = ?",
                JdbcOrganizationsRepository::membership, accountId));
    }

    @Override
    public List<AccountMembership> listAccountMemberships(String parentId) {
        return transactor.withConnection(c -> Sql.list(c, SELECT_MEMBERSHIP + " WHERE parent_id = ? ORDER BY account_id",
                JdbcOrganizationsRepository::membership, parentId));
    }

    @Override
    public boolean moveAccount(String accountId, String newParentId) {
        return transactor.atomically(c -> Sql.update(c,
                "UPDATE org_account_memberships SET parent_id = ? WHERE account_id = ?", newParentId, accountId) > 0);
    }

    // ---- policies

    @Override
    public void insertPolicy(OrganizationPolicy policy) {
        writeUnique("A policy with id " + policy.id() + " or named " + policy.name() + " already exists.", c -> Sql.update(c,
                "INSERT INTO org_policies (id, arn, name, description, policy_type, aws_managed, content)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                policy.id(), policy.arn(), policy.name(), policy.description(), policy.type(), policy.awsManaged(),
                policy.content()));
    }

    @Override
    public Optional<OrganizationPolicy> findPolicy(String policyId) {
        return transactor.withConnection(c -> Sql.one(c, SELECT_POLICY + " WHERE id = ?",
                JdbcOrganizationsRepository::policy, policyId));
    }

    @Override
    public List<OrganizationPolicy> listPolicies(OrganizationPolicyType type) {
        return transactor.withConnection(c -> Sql.list(c, SELECT_POLICY + " WHERE policy_type = ? ORDER BY id",
                JdbcOrganizationsRepository::policy, type));
    }

    @Override
    public boolean updatePolicy(OrganizationPolicy policy) {
        return writeUnique("A policy named " + policy.name() + " already exists.", c -> Sql.update(c,
                "UPDATE org_policies SET name = ?, description = ?, content = ? WHERE id = ?",
                policy.name(), policy.description(), policy.content(), policy.id()) > 0);
    }

    @Override
    public boolean deletePolicy(String policyId) {
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM org_policies WHERE id = ?", policyId) > 0);
    }

    // ---- attachments

    @Override
    public void attachPolicy(PolicyAttachment attachment) {
        writeUnique("The policy " + attachment.policyId() + " is already attached to " + attachment.targetId() + ".",
                c -> Sql.update(c, "INSERT INTO org_policy_attachments (policy_id, target_id, target_type) VALUES (?, ?, ?)",
                        attachment.policyId(), attachment.targetId(), attachment.targetType()));
    }

    @Override
    public boolean detachPolicy(String policyId, String targetId) {
        return transactor.atomically(c -> Sql.update(c,
                "DELETE FROM org_policy_attachments WHERE policy_id = ? AND target_id = ?", policyId, targetId) > 0);
    }

    @Override
    public int detachAllFromTarget(String targetId) {
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM org_policy_attachments WHERE target_id = ?", targetId));
    }

    @Override
    public List<PolicyAttachment> listAttachmentsForTarget(String targetId) {
        return transactor.withConnection(c -> Sql.list(c, SELECT_ATTACHMENT + " WHERE target_id = ? ORDER BY policy_id",
                JdbcOrganizationsRepository::attachment, targetId));
    }

    @Override
    public List<PolicyAttachment> listAttachmentsForPolicy(String policyId) {
        return transactor.withConnection(c -> Sql.list(c, SELECT_ATTACHMENT + " WHERE policy_id = ? ORDER BY target_id",
                JdbcOrganizationsRepository::attachment, policyId));
    }

    // ---- CreateAccount request records

    @Override
    public void insertCreateAccountStatus(CreateAccountStatus status) {
        // Sql binds an absent value as a text NULL, which PostgreSQL will not put in a BIGINT column uncast.
        writeUnique("A CreateAccount request with id " + status.id() + " already exists.", c -> Sql.update(c,
                "INSERT INTO org_create_account_requests (id, account_name, state, requested_timestamp,"
                        + " completed_timestamp, account_id, failure_reason) VALUES (?, ?, ?, ?, CAST(? AS BIGINT), ?, ?)",
                status.id(), status.accountName(), status.state(), status.requestedTimestamp(),
                status.completedTimestamp(), status.accountId(), status.failureReason()));
    }

    @Override
    public Optional<CreateAccountStatus> findCreateAccountStatus(String requestId) {
        return transactor.withConnection(c -> Sql.one(c, SELECT_REQUEST + " WHERE id = ?",
                JdbcOrganizationsRepository::request, requestId));
    }

    @Override
    public List<CreateAccountStatus> listCreateAccountStatuses() {
        return transactor.withConnection(c -> Sql.list(c, SELECT_REQUEST + " ORDER BY id",
                JdbcOrganizationsRepository::request));
    }

    // ---- rows

    /** Runs a write atomically; a unique-key violation becomes {@link DuplicateEntityException}. */
    private <T> T writeUnique(String duplicateMessage, SqlWork<T> work) {
        try {
            return transactor.atomically(work);
        } catch (StoreException e) {
            if (e.uniqueViolation()) {
                throw new DuplicateEntityException(duplicateMessage);
            }
            throw e;
        }
    }

    private static Root root(ResultSet row) throws SQLException {
        return new Root(row.getString("id"), row.getString("arn"), row.getString("name"));
    }

    private static OrganizationalUnit unit(ResultSet row) throws SQLException {
        return new OrganizationalUnit(row.getString("id"), row.getString("arn"), row.getString("name"),
                row.getString("parent_id"));
    }

    private static AccountMembership membership(ResultSet row) throws SQLException {
        return new AccountMembership(row.getString("account_id"), row.getString("parent_id"),
                JoinedMethod.valueOf(row.getString("joined_method")), Sql.instant(row, "joined_timestamp"));
    }

    private static OrganizationPolicy policy(ResultSet row) throws SQLException {
        return new OrganizationPolicy(row.getString("id"), row.getString("arn"), row.getString("name"),
                row.getString("description"), OrganizationPolicyType.valueOf(row.getString("policy_type")),
                row.getBoolean("aws_managed"), row.getString("content"));
    }

    private static PolicyAttachment attachment(ResultSet row) throws SQLException {
        return new PolicyAttachment(row.getString("policy_id"), row.getString("target_id"),
                TargetType.valueOf(row.getString("target_type")));
    }

    private static CreateAccountStatus request(ResultSet row) throws SQLException {
        return new CreateAccountStatus(row.getString("id"), row.getString("account_name"),
                CreateAccountState.valueOf(row.getString("state")), Sql.instant(row, "requested_timestamp"),
                Sql.optionalInstant(row, "completed_timestamp"), Sql.optionalText(row, "account_id"),
                Sql.optionalText(row, "failure_reason"));
    }
}
