package io.strongroom.store.jdbc.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.core.spi.WrappedSecretSource.WrappedSecret;
import io.strongroom.iam.identity.AccessKey;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.iam.identity.Group;
import io.strongroom.iam.identity.InlinePolicy;
import io.strongroom.iam.identity.ManagedPolicy;
import io.strongroom.iam.identity.Organization;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PolicyVersion;
import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.iam.identity.Role;
import io.strongroom.iam.identity.StsSessionRecord;
import io.strongroom.iam.identity.User;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.StoreException;
import io.strongroom.store.jdbc.Vendor;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link JdbcIdentityRepository} vendor must show; run once per vendor. */
abstract class IdentityRepositoryContract {
    static final String ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";
    static final Instant T0 = Instant.parse("2025-03-04T05:06:07.891Z");
    static final Instant T1 = T0.plusSeconds(60);
    /** Migrations under db/migration/&lt;vendor&gt;/. */
    static final int MIGRATIONS = 17;

    Database database;
    JdbcTransactor tx;
    JdbcIdentityRepository repository;

    /** Opens the store on an empty database. */
    abstract Database openEmpty() throws Exception;

    /** Opens the store again on the same database. */
    abstract Database reopen() throws Exception;

    /** The URL of an empty database that no migration has run on; called once the store is closed. */
    abstract String emptyDatabaseUrl() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        use(openEmpty());
        repository.insertOrganization(new Organization("o-abc123", "arn:aws:organizations::111122223333:organization/o-abc123", ACCOUNT, T0));
        repository.insertAccount(new Account(ACCOUNT, "management", "root@example.com", "o-abc123", T0));
        repository.insertAccount(new Account(OTHER_ACCOUNT, "analytics", "analytics@example.com", "o-abc123", T1));
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    void use(Database opened) {
        database = opened;
        tx = opened.transactor();
        repository = new JdbcIdentityRepository(tx);
    }

    // ---- organization and accounts

    @Test
    void organizationAndAccountsRoundTrip() {
        assertThat(repository.findOrganization()).contains(
                new Organization("o-abc123", "arn:aws:organizations::111122223333:organization/o-abc123", ACCOUNT, T0));
        assertThat(repository.findAccount(OTHER_ACCOUNT)).contains(
                new Account(OTHER_ACCOUNT, "analytics", "analytics@example.com", "o-abc123", T1));
        assertThat(repository.findAccount("999999999999")).isEmpty();
        assertThat(repository.listAccounts()).extracting(Account::id).containsExactly(ACCOUNT, OTHER_ACCOUNT);
    }

    @Test
    void thereIsOnlyOneOrganizationAndAccountIdsAreUnique() {
        assertThatThrownBy(() -> repository.insertOrganization(new Organization("o-other", "arn:o-other", ACCOUNT, T1)))
                .isInstanceOf(DuplicateEntityException.class);
        assertThatThrownBy(() -> repository.insertAccount(new Account(ACCOUNT, "again", "x@example.com", "o-abc123", T1)))
                .isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.findOrganization()).map(Organization::id).contains("o-abc123");
        assertThat(repository.findAccount(ACCOUNT)).map(Account::name).contains("management");
    }

    // ---- users

    @Test
    void userRoundTripsWithTagsAndIsFoundCaseInsensitively() {
        User alice = user("Alice", "AIDAALICE", "/eng/", Map.of("team", "risk", "cost-center", "42"));
        repository.insertUser(alice);

        assertThat(repository.findUser(ACCOUNT, "alice")).contains(alice);
        assertThat(repository.findUser(ACCOUNT, "ALICE")).contains(alice);
        assertThat(repository.findUserById("AIDAALICE")).contains(alice);
        assertThat(repository.findUser(OTHER_ACCOUNT, "Alice")).isEmpty();
        assertThat(repository.findUserById("AIDANOBODY")).isEmpty();
    }

    @Test
    void duplicateUserNameDiffersOnlyInCaseAndChangesNothing() {
        repository.insertUser(user("Alice", "AIDAALICE", "/", Map.of("team", "risk")));

        assertThatThrownBy(() -> repository.insertUser(user("ALICE", "AIDAOTHER", "/x/", Map.of("evil", "yes"))))
                .isInstanceOf(DuplicateEntityException.class)
                .hasMessageContaining("ALICE");

        assertThat(repository.findUserById("AIDAOTHER")).isEmpty();
        assertThat(repository.findUser(ACCOUNT, "alice")).map(User::tags).contains(Map.of("team", "risk"));
        assertThat(countRows("user_tags")).isEqualTo(1);
        // the same name in another account is a different user
        repository.insertUser(new User(OTHER_ACCOUNT, "alice", "AIDAOTHER", "/", "arn:aws:iam::444455556666:user/alice", T0,
                Optional.empty(), Map.of()));
        assertThat(repository.findUser(OTHER_ACCOUNT, "Alice")).map(User::userId).contains("AIDAOTHER");
    }

    @Test
    void duplicateUserIdIsAlsoADuplicate() {
        repository.insertUser(user("alice", "AIDASAME", "/", Map.of()));
        assertThatThrownBy(() -> repository.insertUser(user("bob", "AIDASAME", "/", Map.of())))
                .isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.findUser(ACCOUNT, "bob")).isEmpty();
    }

    @Test
    void updateUserRenamesAndMovesAndKeepsWhatPointsAtIt() {
        repository.insertUser(user("alice", "AIDAALICE", "/", Map.of("k", "v")));
        repository.insertUser(user("bob", "AIDABOB", "/", Map.of()));
        repository.insertGroup(group("admins", "AGPAADMINS", "/"));
        repository.addUserToGroup(ACCOUNT, "admins", "alice");
        insertPolicy("ReadAll", "/", ACCOUNT);
        repository.attachPolicy(ACCOUNT, PrincipalKind.USER, "alice", policyArn(ACCOUNT, "/", "ReadAll"));

        assertThat(repository.updateUser(ACCOUNT, "ALICE", "Alicia", "/finance/", "arn:aws:iam::111122223333:user/finance/Alicia")).isTrue();

        assertThat(repository.findUser(ACCOUNT, "alice")).isEmpty();
        User alicia = repository.findUser(ACCOUNT, "alicia").orElseThrow();
        assertThat(alicia.userName()).isEqualTo("Alicia");
        assertThat(alicia.path()).isEqualTo("/finance/");
        assertThat(alicia.tags()).isEqualTo(Map.of("k", "v"));
        assertThat(repository.listGroupMembers(ACCOUNT, "admins")).extracting(User::userName).containsExactly("Alicia");
        assertThat(repository.listAttachedPolicies(ACCOUNT, PrincipalKind.USER, "Alicia")).containsExactly(policyArn(ACCOUNT, "/", "ReadAll"));

        assertThatThrownBy(() -> repository.updateUser(ACCOUNT, "alicia", "BOB", "/", "arn:x"))
                .isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.findUser(ACCOUNT, "alicia")).map(User::path).contains("/finance/");
        assertThat(repository.updateUser(ACCOUNT, "nobody", "n2", "/", "arn:x")).isFalse();
    }

    @Test
    void deleteUserRemovesEverythingThatBelongsToIt() {
        repository.insertUser(user("alice", "AIDAALICE", "/", Map.of("k", "v")));
        repository.insertGroup(group("admins", "AGPAADMINS", "/"));
        repository.addUserToGroup(ACCOUNT, "admins", "alice");
        insertPolicy("ReadAll", "/", ACCOUNT);
        repository.attachPolicy(ACCOUNT, PrincipalKind.USER, "alice", policyArn(ACCOUNT, "/", "ReadAll"));
        repository.putInlinePolicy(new InlinePolicy(ACCOUNT, PrincipalKind.USER, "alice", "inline", "{}"));
        repository.insertAccessKey(accessKey("AKIAALICE", Optional.of("alice"), bytes("wrapped-1")));

        assertThat(repository.deleteUser(ACCOUNT, "Alice")).isTrue();

        assertThat(repository.findUser(ACCOUNT, "alice")).isEmpty();
        assertThat(repository.listGroupMembers(ACCOUNT, "admins")).isEmpty();
        assertThat(repository.countAttachments(policyArn(ACCOUNT, "/", "ReadAll"))).isZero();
        assertThat(repository.findAccessKey("AKIAALICE")).isEmpty();
        assertThat(countRows("user_tags") + countRows("inline_policies") + countRows("group_members")).isZero();
        assertThat(repository.deleteUser(ACCOUNT, "alice")).isFalse();
    }

    @Test
    void userTagsAndBoundaryAreReplaced() {
        repository.insertUser(user("alice", "AIDAALICE", "/", Map.of("a", "1")));

        assertThat(repository.setUserTags(ACCOUNT, "ALICE", Map.of("b", "2", "c", "3"))).isTrue();
        assertThat(repository.setUserPermissionsBoundary(ACCOUNT, "alice", Optional.of("arn:aws:iam::aws:policy/ReadOnlyAccess"))).isTrue();
        User alice = repository.findUser(ACCOUNT, "alice").orElseThrow();
        assertThat(alice.tags()).isEqualTo(Map.of("b", "2", "c", "3"));
        assertThat(alice.permissionsBoundaryArn()).contains("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(repository.countBoundaryUses("arn:aws:iam::aws:policy/ReadOnlyAccess")).isEqualTo(1);

        assertThat(repository.setUserPermissionsBoundary(ACCOUNT, "alice", Optional.empty())).isTrue();
        assertThat(repository.findUser(ACCOUNT, "alice").orElseThrow().permissionsBoundaryArn()).isEmpty();
        assertThat(repository.setUserTags(ACCOUNT, "nobody", Map.of("x", "y"))).isFalse();
        assertThat(repository.setUserPermissionsBoundary(ACCOUNT, "nobody", Optional.empty())).isFalse();
    }

    @Test
    void usersArePagedInCaseInsensitiveNameOrderWithOpaqueMarkers() {
        for (String name : List.of("delta", "Alpha", "charlie", "Bravo", "echo")) {
            repository.insertUser(user(name, "AIDA" + name.toUpperCase(), "/", Map.of("name", name)));
        }
        repository.insertUser(user("foxtrot", "AIDAFOXTROT", "/ops/", Map.of("name", "foxtrot")));

        List<String> seen = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        int pages = 0;
        do {
            Page<User> page = repository.listUsers(ACCOUNT, "/", marker, 2);
            page.items().forEach(u -> {
                seen.add(u.userName());
                assertThat(u.tags()).containsEntry("name", u.userName()).hasSizeLessThanOrEqualTo(1);
            });
            marker = page.marker();
            pages++;
            marker.ifPresent(m -> assertThat(m).doesNotContain("alpha", "bravo", "charlie", "delta"));
        } while (marker.isPresent());

        assertThat(seen).containsExactly("Alpha", "Bravo", "charlie", "delta", "echo", "foxtrot");
        assertThat(pages).isEqualTo(3);
        assertThat(repository.listUsers(ACCOUNT, "/ops/", Optional.empty(), 100).items()).extracting(User::userName).containsExactly("foxtrot");
        assertThat(repository.listUsers(ACCOUNT, "/OPS/", Optional.empty(), 100).items()).isEmpty();
        assertThat(repository.listUsers(OTHER_ACCOUNT, "/", Optional.empty(), 100).items()).isEmpty();
        Page<User> all = repository.listUsers(ACCOUNT, "/", Optional.empty(), 6);
        assertThat(all.items()).hasSize(6);
        assertThat(all.truncated()).isFalse();
    }

    @Test
    void aMarkerThatWasNotIssuedIsAValidationError() {
        assertThatThrownBy(() -> repository.listUsers(ACCOUNT, "/", Optional.of("%%%not-base64"), 10))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationError");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
        assertThatThrownBy(() -> repository.listUsers(ACCOUNT, "/", Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- groups

    @Test
    void groupsAndMembership() {
        repository.insertGroup(group("Admins", "AGPAADMINS", "/"));
        repository.insertGroup(group("auditors", "AGPAAUDIT", "/audit/"));
        repository.insertUser(user("alice", "AIDAALICE", "/", Map.of("t", "1")));
        repository.insertUser(user("Bob", "AIDABOB", "/", Map.of()));

        assertThat(repository.findGroup(ACCOUNT, "ADMINS")).contains(group("Admins", "AGPAADMINS", "/"));
        assertThatThrownBy(() -> repository.insertGroup(group("admins", "AGPAOTHER", "/")))
                .isInstanceOf(DuplicateEntityException.class);

        repository.addUserToGroup(ACCOUNT, "admins", "bob");
        repository.addUserToGroup(ACCOUNT, "admins", "ALICE");
        repository.addUserToGroup(ACCOUNT, "admins", "alice");
        repository.addUserToGroup(ACCOUNT, "auditors", "alice");

        assertThat(repository.listGroupMembers(ACCOUNT, "admins")).extracting(User::userName).containsExactly("alice", "Bob");
        assertThat(repository.listGroupMembers(ACCOUNT, "admins").getFirst().tags()).containsEntry("t", "1");
        assertThat(repository.listGroupsForUser(ACCOUNT, "Alice")).extracting(Group::groupName).containsExactly("Admins", "auditors");
        assertThat(repository.listGroups(ACCOUNT, "/audit/", Optional.empty(), 10).items()).extracting(Group::groupName).containsExactly("auditors");

        Page<Group> first = repository.listGroups(ACCOUNT, "/", Optional.empty(), 1);
        assertThat(first.items()).extracting(Group::groupName).containsExactly("Admins");
        assertThat(repository.listGroups(ACCOUNT, "/", first.marker(), 1).items()).extracting(Group::groupName).containsExactly("auditors");

        assertThat(repository.removeUserFromGroup(ACCOUNT, "admins", "alice")).isTrue();
        assertThat(repository.removeUserFromGroup(ACCOUNT, "admins", "alice")).isFalse();
        assertThat(repository.listGroupMembers(ACCOUNT, "admins")).extracting(User::userName).containsExactly("Bob");

        assertThatThrownBy(() -> repository.addUserToGroup(ACCOUNT, "admins", "nobody")).isInstanceOf(IllegalArgumentException.class);

        assertThat(repository.deleteGroup(ACCOUNT, "Admins")).isTrue();
        assertThat(repository.findGroup(ACCOUNT, "admins")).isEmpty();
        assertThat(repository.listGroupsForUser(ACCOUNT, "bob")).isEmpty();
        assertThat(repository.findUser(ACCOUNT, "bob")).isPresent();
        assertThat(repository.deleteGroup(ACCOUNT, "Admins")).isFalse();
    }

    // ---- roles

    @Test
    void roleRoundTripsAndUpdates() {
        Role role = role("Deployer", "AROADEPLOY", Map.of("env", "prod"));
        repository.insertRole(role);

        assertThat(repository.findRole(ACCOUNT, "deployer")).contains(role);
        assertThatThrownBy(() -> repository.insertRole(role("DEPLOYER", "AROAOTHER", Map.of())))
                .isInstanceOf(DuplicateEntityException.class);

        assertThat(repository.updateRole(ACCOUNT, "deployer", Optional.of("deploys things"), 7200)).isTrue();
        assertThat(repository.updateAssumeRolePolicy(ACCOUNT, "DEPLOYER", "{\"Version\":\"2012-10-17\"}")).isTrue();
        assertThat(repository.setRoleTags(ACCOUNT, "deployer", Map.of("env", "dev"))).isTrue();
        assertThat(repository.setRolePermissionsBoundary(ACCOUNT, "deployer", Optional.of("arn:boundary"))).isTrue();
        Role updated = repository.findRole(ACCOUNT, "Deployer").orElseThrow();
        assertThat(updated.description()).contains("deploys things");
        assertThat(updated.maxSessionDuration()).isEqualTo(7200);
        assertThat(updated.assumeRolePolicyDocument()).isEqualTo("{\"Version\":\"2012-10-17\"}");
        assertThat(updated.tags()).isEqualTo(Map.of("env", "dev"));
        assertThat(updated.permissionsBoundaryArn()).contains("arn:boundary");
        assertThat(repository.countBoundaryUses("arn:boundary")).isEqualTo(1);

        assertThat(repository.updateRole(ACCOUNT, "deployer", Optional.empty(), 3600)).isTrue();
        assertThat(repository.findRole(ACCOUNT, "deployer").orElseThrow().description()).isEmpty();
        assertThat(repository.listRoles(ACCOUNT, "/", Optional.empty(), 10).items()).extracting(Role::roleName).containsExactly("Deployer");

        assertThat(repository.updateRole(ACCOUNT, "nobody", Optional.empty(), 3600)).isFalse();
        assertThat(repository.updateAssumeRolePolicy(ACCOUNT, "nobody", "{}")).isFalse();
        assertThat(repository.setRoleTags(ACCOUNT, "nobody", Map.of())).isFalse();
        assertThat(repository.deleteRole(ACCOUNT, "DEPLOYER")).isTrue();
        assertThat(repository.findRole(ACCOUNT, "deployer")).isEmpty();
        assertThat(countRows("role_tags")).isZero();
        assertThat(repository.deleteRole(ACCOUNT, "deployer")).isFalse();
    }

    // ---- managed policies

    @Test
    void managedPolicyIsInsertedWithItsFirstVersion() {
        ManagedPolicy policy = insertPolicy("ReadAll", "/team/", ACCOUNT);

        assertThat(repository.findManagedPolicy(policy.arn())).contains(policy);
        assertThat(repository.findPolicyVersion(policy.arn(), "v1"))
                .contains(new PolicyVersion(policy.arn(), "v1", "{\"v\":1}", true, T0));
        assertThat(repository.findManagedPolicy("arn:aws:iam::111122223333:policy/Nope")).isEmpty();
    }

    @Test
    void duplicatePolicyNameWritesNeitherPolicyNorVersion() {
        insertPolicy("ReadAll", "/", ACCOUNT);
        String otherArn = policyArn(ACCOUNT, "/other/", "READALL");

        assertThatThrownBy(() -> repository.insertManagedPolicy(policy("READALL", "/other/", ACCOUNT),
                new PolicyVersion(otherArn, "v1", "{}", true, T0)))
                .isInstanceOf(DuplicateEntityException.class)
                .hasMessageContaining("READALL");

        assertThat(repository.findManagedPolicy(otherArn)).isEmpty();
        assertThat(repository.findPolicyVersion(otherArn, "v1")).isEmpty();
        assertThat(countRows("managed_policies")).isEqualTo(1);
        assertThat(countRows("policy_versions")).isEqualTo(1);
    }

    @Test
    void policyVersionsAndTheDefault() {
        ManagedPolicy policy = insertPolicy("ReadAll", "/", ACCOUNT);
        for (int v = 2; v <= 10; v++) {
            assertThat(repository.insertPolicyVersion(policy.arn(), "{\"v\":" + v + "}", false, T0))
                    .contains(new PolicyVersion(policy.arn(), "v" + v, "{\"v\":" + v + "}", false, T0));
        }
        assertThat(repository.findPolicyVersion(policy.arn(), "v2")).map(PolicyVersion::document).contains("{\"v\":2}");

        assertThat(repository.listPolicyVersions(policy.arn())).extracting(PolicyVersion::versionId)
                .containsExactly("v10", "v9", "v8", "v7", "v6", "v5", "v4", "v3", "v2", "v1");

        assertThat(repository.setDefaultPolicyVersion(policy.arn(), "v3", T1)).isTrue();
        assertThat(repository.listPolicyVersions(policy.arn())).filteredOn(PolicyVersion::isDefault)
                .extracting(PolicyVersion::versionId).containsExactly("v3");
        ManagedPolicy updated = repository.findManagedPolicy(policy.arn()).orElseThrow();
        assertThat(updated.defaultVersionId()).isEqualTo("v3");
        assertThat(updated.updateDate()).isEqualTo(T1);
        assertThat(repository.setDefaultPolicyVersion(policy.arn(), "v99", T1)).isFalse();
        assertThat(repository.findManagedPolicy(policy.arn()).orElseThrow().defaultVersionId()).isEqualTo("v3");

        Instant later = T1.plusSeconds(1);
        assertThat(repository.insertPolicyVersion(policy.arn(), "{}", true, later))
                .contains(new PolicyVersion(policy.arn(), "v11", "{}", true, later));
        ManagedPolicy withNewDefault = repository.findManagedPolicy(policy.arn()).orElseThrow();
        assertThat(withNewDefault.defaultVersionId()).isEqualTo("v11");
        assertThat(withNewDefault.updateDate()).isEqualTo(later);
        assertThat(repository.findPolicyVersion(policy.arn(), "v3")).map(PolicyVersion::isDefault).contains(false);

        assertThatThrownBy(() -> repository.deletePolicyVersion(policy.arn(), "v11")).isInstanceOf(IllegalStateException.class);
        assertThat(repository.findPolicyVersion(policy.arn(), "v11")).isPresent();
        assertThat(repository.deletePolicyVersion(policy.arn(), "v1")).isTrue();
        assertThat(repository.deletePolicyVersion(policy.arn(), "v1")).isFalse();

        assertThat(repository.deleteManagedPolicy(policy.arn())).isTrue();
        assertThat(repository.listPolicyVersions(policy.arn())).isEmpty();
        assertThat(repository.deleteManagedPolicy(policy.arn())).isFalse();
    }

    @Test
    void deletedVersionIdsAreNeverReused() {
        ManagedPolicy policy = insertPolicy("ReadAll", "/", ACCOUNT);
        assertThat(nextVersion(policy)).isEqualTo("v2");
        assertThat(nextVersion(policy)).isEqualTo("v3");
        assertThat(repository.deletePolicyVersion(policy.arn(), "v3")).isTrue();
        assertThat(nextVersion(policy)).isEqualTo("v4");

        assertThat(repository.deletePolicyVersion(policy.arn(), "v2")).isTrue();
        assertThat(nextVersion(policy)).isEqualTo("v5");
        assertThat(repository.listPolicyVersions(policy.arn())).extracting(PolicyVersion::versionId)
                .containsExactly("v5", "v4", "v1");
        assertThat(repository.findPolicyVersion(policy.arn(), "v3")).isEmpty();
    }

    @Test
    void eachPolicyCountsItsOwnVersionsAndARecreatedPolicyStartsAgain() {
        ManagedPolicy first = insertPolicy("ReadAll", "/", ACCOUNT);
        ManagedPolicy second = insertPolicy("WriteAll", "/", ACCOUNT);
        nextVersion(first);
        nextVersion(first);
        assertThat(nextVersion(second)).isEqualTo("v2");

        assertThat(repository.deleteManagedPolicy(first.arn())).isTrue();
        insertPolicy("ReadAll", "/", ACCOUNT);
        assertThat(nextVersion(first)).isEqualTo("v2");
    }

    @Test
    void aVersionOfAMissingPolicyIsNotWritten() {
        String missing = policyArn(ACCOUNT, "/", "Nope");
        assertThat(repository.insertPolicyVersion(missing, "{}", true, T0)).isEmpty();
        assertThat(countRows("policy_versions")).isZero();
    }

    @Test
    void aRolledBackVersionGivesItsNumberBack() {
        ManagedPolicy policy = insertPolicy("ReadAll", "/", ACCOUNT);
        assertThatThrownBy(() -> tx.run(() -> {
            assertThat(nextVersion(policy)).isEqualTo("v2");
            throw new IllegalStateException("the caller fails after the version was written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repository.findPolicyVersion(policy.arn(), "v2")).isEmpty();
        assertThat(nextVersion(policy)).isEqualTo("v2");
    }

    @Test
    void theVersionCounterSurvivesReopening() throws Exception {
        ManagedPolicy policy = insertPolicy("ReadAll", "/", ACCOUNT);
        nextVersion(policy);
        nextVersion(policy);
        repository.deletePolicyVersion(policy.arn(), "v3");
        database.close();

        use(reopen());

        assertThat(nextVersion(policy)).isEqualTo("v4");
    }

    @Test
    void concurrentVersionsOfOnePolicyGetDistinctIds() throws Exception {
        ManagedPolicy policy = insertPolicy("ReadAll", "/", ACCOUNT);
        int writers = 8;
        List<Future<String>> ids = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < writers; i++) {
                ids.add(threads.submit(() -> {
                    start.await();
                    return tx.inTransaction(() -> nextVersion(policy));
                }));
            }
            start.countDown();
        }
        List<String> assigned = new ArrayList<>();
        for (Future<String> id : ids) {
            assigned.add(id.get());
        }
        assertThat(assigned).containsExactlyInAnyOrder("v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9");
        assertThat(repository.listPolicyVersions(policy.arn())).hasSize(writers + 1);
    }

    @Test
    void upgradingToTheCounterContinuesAfterEachPolicysHighestVersion() throws Exception {
        database.close();
        String url = emptyDatabaseUrl();
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null)
                .locations(Vendor.of(url).migrationLocation()).target("1").load().migrate();
        ManagedPolicy gapped = policy("Gapped", "/", ACCOUNT);
        ManagedPolicy single = policy("Single", "/", ACCOUNT);
        try (Connection c = DriverManager.getConnection(url)) {
            for (ManagedPolicy p : List.of(gapped, single)) {
                Sql.update(c, "INSERT INTO managed_policies (arn, account_id, policy_name, name_lc, policy_id, path,"
                                + " default_version_id, create_date, update_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        p.arn(), p.accountId(), p.policyName(), p.policyName().toLowerCase(Locale.ROOT),
                        p.policyId(), p.path(), "v1", T0, T0);
            }
            for (int number : new int[] {1, 2, 7}) {
                Sql.update(c, "INSERT INTO policy_versions (policy_arn, version_id, version_number, document, create_date)"
                        + " VALUES (?, ?, ?, ?, ?)", gapped.arn(), "v" + number, number, "{}", T0);
            }
            Sql.update(c, "INSERT INTO policy_versions (policy_arn, version_id, version_number, document, create_date)"
                    + " VALUES (?, ?, ?, ?, ?)", single.arn(), "v1", 1, "{}", T0);
        }

        use(Database.open(url));

        assertThat(nextVersion(gapped)).isEqualTo("v8");
        assertThat(nextVersion(single)).isEqualTo("v2");
    }

    @Test
    void policiesAreListedByScopeAttachmentAndPage() {
        insertPolicy("AdministratorAccess", "/", "aws");
        insertPolicy("ReadOnlyAccess", "/", "aws");
        insertPolicy("readonlyaccess", "/", ACCOUNT); // same name as an AWS one: both listed, ordered by ARN
        insertPolicy("Zeta", "/team/", ACCOUNT);
        insertPolicy("Mine", "/", OTHER_ACCOUNT);
        repository.insertRole(role("Deployer", "AROADEPLOY", Map.of()));
        repository.attachPolicy(ACCOUNT, PrincipalKind.ROLE, "deployer", policyArn("aws", "/", "ReadOnlyAccess"));

        assertThat(names(repository.listManagedPolicies(ACCOUNT, "All", false, "/", Optional.empty(), 100)))
                .containsExactly("AdministratorAccess", "readonlyaccess", "ReadOnlyAccess", "Zeta");
        assertThat(names(repository.listManagedPolicies(ACCOUNT, "Local", false, "/", Optional.empty(), 100)))
                .containsExactly("readonlyaccess", "Zeta");
        assertThat(names(repository.listManagedPolicies(ACCOUNT, "AWS", false, "/", Optional.empty(), 100)))
                .containsExactly("AdministratorAccess", "ReadOnlyAccess");
        assertThat(names(repository.listManagedPolicies(ACCOUNT, "All", true, "/", Optional.empty(), 100)))
                .containsExactly("ReadOnlyAccess");
        assertThat(names(repository.listManagedPolicies(OTHER_ACCOUNT, "All", true, "/", Optional.empty(), 100))).isEmpty();
        assertThat(names(repository.listManagedPolicies(ACCOUNT, "Local", false, "/team/", Optional.empty(), 100)))
                .containsExactly("Zeta");

        List<String> paged = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        do {
            Page<ManagedPolicy> page = repository.listManagedPolicies(ACCOUNT, "All", false, "/", marker, 1);
            paged.addAll(names(page));
            marker = page.marker();
        } while (marker.isPresent());
        assertThat(paged).containsExactly("AdministratorAccess", "readonlyaccess", "ReadOnlyAccess", "Zeta");
        assertThatThrownBy(() -> repository.listManagedPolicies(ACCOUNT, "Everything", false, "/", Optional.empty(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- attachments and inline policies

    @Test
    void attachmentsKeepOrderAndAreIdempotent() {
        repository.insertUser(user("alice", "AIDAALICE", "/", Map.of()));
        repository.insertGroup(group("admins", "AGPAADMINS", "/"));
        ManagedPolicy b = insertPolicy("B", "/", ACCOUNT);
        ManagedPolicy a = insertPolicy("A", "/", ACCOUNT);

        repository.attachPolicy(ACCOUNT, PrincipalKind.USER, "Alice", b.arn());
        repository.attachPolicy(ACCOUNT, PrincipalKind.USER, "alice", a.arn());
        repository.attachPolicy(ACCOUNT, PrincipalKind.USER, "alice", b.arn());
        repository.attachPolicy(ACCOUNT, PrincipalKind.GROUP, "admins", b.arn());

        assertThat(repository.listAttachedPolicies(ACCOUNT, PrincipalKind.USER, "ALICE")).containsExactly(b.arn(), a.arn());
        assertThat(repository.listAttachedPolicies(ACCOUNT, PrincipalKind.GROUP, "admins")).containsExactly(b.arn());
        assertThat(repository.listAttachedPolicies(ACCOUNT, PrincipalKind.ROLE, "admins")).isEmpty();
        assertThat(repository.countAttachments(b.arn())).isEqualTo(2);

        assertThat(repository.detachPolicy(ACCOUNT, PrincipalKind.USER, "alice", b.arn())).isTrue();
        assertThat(repository.detachPolicy(ACCOUNT, PrincipalKind.USER, "alice", b.arn())).isFalse();
        assertThat(repository.detachPolicy(ACCOUNT, PrincipalKind.USER, "nobody", b.arn())).isFalse();
        assertThat(repository.countAttachments(b.arn())).isEqualTo(1);

        assertThatThrownBy(() -> repository.attachPolicy(ACCOUNT, PrincipalKind.ROLE, "nobody", a.arn()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.attachPolicy(ACCOUNT, PrincipalKind.USER, "alice", "arn:aws:iam::111122223333:policy/Missing"))
                .isInstanceOf(StoreException.class);
        assertThat(repository.listAttachedPolicies(ACCOUNT, PrincipalKind.USER, "alice")).containsExactly(a.arn());

        repository.deleteManagedPolicy(a.arn());
        assertThat(repository.listAttachedPolicies(ACCOUNT, PrincipalKind.USER, "alice")).isEmpty();
    }

    @Test
    void inlinePoliciesAreCreatedReplacedAndDeleted() {
        repository.insertRole(role("Deployer", "AROADEPLOY", Map.of()));
        repository.putInlinePolicy(new InlinePolicy(ACCOUNT, PrincipalKind.ROLE, "deployer", "S3Access", "{\"a\":1}"));
        repository.putInlinePolicy(new InlinePolicy(ACCOUNT, PrincipalKind.ROLE, "deployer", "KmsAccess", "{\"k\":1}"));
        repository.putInlinePolicy(new InlinePolicy(ACCOUNT, PrincipalKind.ROLE, "DEPLOYER", "s3access", "{\"a\":2}"));

        assertThat(repository.findInlinePolicy(ACCOUNT, PrincipalKind.ROLE, "deployer", "S3ACCESS"))
                .contains(new InlinePolicy(ACCOUNT, PrincipalKind.ROLE, "Deployer", "s3access", "{\"a\":2}"));
        assertThat(repository.listInlinePolicies(ACCOUNT, PrincipalKind.ROLE, "Deployer")).extracting(InlinePolicy::policyName)
                .containsExactly("KmsAccess", "s3access");
        assertThat(repository.findInlinePolicy(ACCOUNT, PrincipalKind.USER, "deployer", "s3access")).isEmpty();
        assertThat(repository.listInlinePolicies(ACCOUNT, PrincipalKind.GROUP, "deployer")).isEmpty();

        assertThatThrownBy(() -> repository.putInlinePolicy(new InlinePolicy(ACCOUNT, PrincipalKind.USER, "nobody", "p", "{}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(repository.deleteInlinePolicy(ACCOUNT, PrincipalKind.ROLE, "deployer", "S3Access")).isTrue();
        assertThat(repository.deleteInlinePolicy(ACCOUNT, PrincipalKind.ROLE, "deployer", "S3Access")).isFalse();
        assertThat(repository.deleteInlinePolicy(ACCOUNT, PrincipalKind.ROLE, "nobody", "S3Access")).isFalse();
        assertThat(repository.listInlinePolicies(ACCOUNT, PrincipalKind.ROLE, "deployer")).extracting(InlinePolicy::policyName)
                .containsExactly("KmsAccess");
    }

    // ---- access keys and sessions

    @Test
    void accessKeysRoundTripAndStoreExactlyTheWrappedBytesGiven() throws Exception {
        repository.insertUser(user("alice", "AIDAALICE", "/", Map.of()));
        byte[] wrapped = new byte[] {0, 1, 2, (byte) 0xff, (byte) 0x80, 42, 0};
        repository.insertAccessKey(accessKey("AKIAALICE1", Optional.of("Alice"), wrapped));
        repository.insertAccessKey(accessKey("AKIAROOT01", Optional.empty(), bytes("root-wrapped")));

        AccessKey found = repository.findAccessKey("AKIAALICE1").orElseThrow();
        assertThat(found.userName()).contains("alice");
        assertThat(found.active()).isTrue();
        assertThat(found.createDate()).isEqualTo(T0);
        assertThat(found.wrappedSecret()).isEqualTo(wrapped);
        assertThat(found.lastUsed()).isEmpty();
        byte[] raw = tx.withConnection(c -> Sql.one(c, "SELECT wrapped_secret FROM access_keys WHERE access_key_id = ?",
                row -> row.getBytes(1), "AKIAALICE1")).orElseThrow();
        assertThat(raw).isEqualTo(wrapped);

        assertThat(repository.listAccessKeys(ACCOUNT, Optional.of("ALICE"))).extracting(AccessKey::accessKeyId).containsExactly("AKIAALICE1");
        assertThat(repository.listAccessKeys(ACCOUNT, Optional.empty())).extracting(AccessKey::accessKeyId).containsExactly("AKIAROOT01");
        assertThat(repository.listAccessKeys(OTHER_ACCOUNT, Optional.empty())).isEmpty();

        assertThatThrownBy(() -> repository.insertAccessKey(accessKey("AKIAALICE1", Optional.empty(), bytes("other"))))
                .isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.findAccessKey("AKIAALICE1").orElseThrow().wrappedSecret()).isEqualTo(wrapped);

        assertThat(repository.setAccessKeyActive("AKIAALICE1", false)).isTrue();
        assertThat(repository.findAccessKey("AKIAALICE1").orElseThrow().active()).isFalse();
        assertThat(repository.setAccessKeyActive("AKIANOPE", false)).isFalse();

        repository.recordAccessKeyUse("AKIAALICE1", new AccessKey.LastUsed(T1, "sts", "us-east-1"));
        assertThat(repository.findAccessKey("AKIAALICE1").orElseThrow().lastUsed())
                .contains(new AccessKey.LastUsed(T1, "sts", "us-east-1"));

        assertThat(repository.deleteAccessKey("AKIAALICE1")).isTrue();
        assertThat(repository.deleteAccessKey("AKIAALICE1")).isFalse();
        assertThat(repository.findAccessKey("AKIAALICE1")).isEmpty();
        assertThatThrownBy(() -> repository.insertAccessKey(accessKey("AKIANOUSER", Optional.of("nobody"), bytes("x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(repository.findAccessKey("AKIANOUSER")).isEmpty();
    }

    @Test
    void stsSessionsRoundTripAndExpire() {
        StsSessionRecord early = session("ASIAEARLY", T0.plusSeconds(900), Map.of("project", "x", "team", "risk"));
        StsSessionRecord late = session("ASIALATE", T0.plusSeconds(3600), Map.of());
        repository.insertSession(early);
        repository.insertSession(late);

        StsSessionRecord found = repository.findSession("ASIAEARLY").orElseThrow();
        assertThat(found.sessionTags()).isEqualTo(Map.of("project", "x", "team", "risk"));
        assertThat(found.wrappedSecret()).isEqualTo(early.wrappedSecret());
        assertThat(found.sessionTokenHash()).isEqualTo(early.sessionTokenHash());
        assertThat(found.expiresAt()).isEqualTo(early.expiresAt());
        assertThat(found.sessionPolicy()).contains("{\"Statement\":[]}");
        assertThat(found.sourceIdentity()).isEmpty();
        assertThat(found.issuedBy()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(found.roleName()).isEqualTo("Deployer");
        assertThatThrownBy(() -> repository.insertSession(session("ASIAEARLY", T1, Map.of()))).isInstanceOf(DuplicateEntityException.class);

        assertThat(repository.deleteSessionsExpiredBefore(T0.plusSeconds(1000))).isEqualTo(1);
        assertThat(repository.findSession("ASIAEARLY")).isEmpty();
        assertThat(repository.findSession("ASIALATE")).isPresent();
        assertThat(countRows("sts_session_tags")).isZero();
    }

    // ---- wrapped secrets for root-key rotation

    @Test
    void wrappedSecretsAreListedWithTheirBindingAndReplacedByCompareAndSet() {
        repository.insertAccessKey(accessKey("AKIAROOT01", Optional.empty(), bytes("old-wrap")));
        repository.insertSession(session("ASIASESSION", T1, Map.of()));
        JdbcWrappedSecretSource keys = JdbcWrappedSecretSource.accessKeys(tx);
        JdbcWrappedSecretSource sessions = JdbcWrappedSecretSource.stsSessions(tx);

        assertThat(keys.name()).isEqualTo("access-keys");
        assertThat(sessions.name()).isEqualTo("sts-sessions");
        WrappedSecret secret = keys.list().getFirst();
        assertThat(secret.id()).isEqualTo("AKIAROOT01");
        assertThat(secret.wrapped()).isEqualTo(bytes("old-wrap"));
        assertThat(secret.associatedData()).isEqualTo(bytes("strongroom:access-key:AKIAROOT01"));
        WrappedSecret sessionSecret = sessions.list().getFirst();
        assertThat(sessionSecret.associatedData()).isEqualTo(bytes("strongroom:sts-session:ASIASESSION"));

        assertThat(keys.replace(secret, bytes("new-wrap"))).isTrue();
        assertThat(repository.findAccessKey("AKIAROOT01").orElseThrow().wrappedSecret()).isEqualTo(bytes("new-wrap"));
        // the stale expectation loses: a concurrent change is never overwritten
        assertThat(keys.replace(secret, bytes("newer-wrap"))).isFalse();
        assertThat(repository.findAccessKey("AKIAROOT01").orElseThrow().wrappedSecret()).isEqualTo(bytes("new-wrap"));
        assertThat(keys.replace(new WrappedSecret("AKIAGONE", bytes("x"), bytes("y")), bytes("z"))).isFalse();

        assertThat(sessions.replace(sessionSecret, bytes("session-new"))).isTrue();
        assertThat(repository.findSession("ASIASESSION").orElseThrow().wrappedSecret()).isEqualTo(bytes("session-new"));
    }

    // ---- transactions

    @Test
    void aFailureRollsBackEveryCallOfTheTransaction() {
        assertThatThrownBy(() -> tx.run(() -> {
            repository.insertUser(user("alice", "AIDAALICE", "/", Map.of("k", "v")));
            repository.insertGroup(group("admins", "AGPAADMINS", "/"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(repository.findUser(ACCOUNT, "alice")).isEmpty();
        assertThat(repository.findGroup(ACCOUNT, "admins")).isEmpty();
        assertThat(countRows("user_tags")).isZero();
    }

    @Test
    void aDuplicateInsideATransactionRollsBackTheEarlierCallsWhenItEscapes() {
        repository.insertUser(user("bob", "AIDABOB", "/", Map.of()));
        assertThatThrownBy(() -> tx.run(() -> {
            repository.insertGroup(group("admins", "AGPAADMINS", "/"));
            repository.insertUser(user("BOB", "AIDABOB2", "/", Map.of()));
        })).isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.findGroup(ACCOUNT, "admins")).isEmpty();
    }

    @Test
    void nestedTransactionsJoinTheOuterOne() {
        tx.run(() -> {
            repository.insertUser(user("alice", "AIDAALICE", "/", Map.of()));
            String seen = tx.inTransaction(() -> {
                assertThat(tx.inTransaction()).isTrue();
                repository.insertGroup(group("admins", "AGPAADMINS", "/"));
                return repository.findUser(ACCOUNT, "alice").orElseThrow().userId();
            });
            assertThat(seen).isEqualTo("AIDAALICE");
            assertThat(repository.findGroup(ACCOUNT, "admins")).isPresent();
        });
        assertThat(tx.inTransaction()).isFalse();
        assertThat(repository.findGroup(ACCOUNT, "admins")).isPresent();

        assertThatThrownBy(() -> tx.run(() -> {
            tx.run(() -> repository.insertRole(role("Inner", "AROAINNER", Map.of())));
            throw new IllegalStateException("outer fails after the inner call returned");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(repository.findRole(ACCOUNT, "inner")).isEmpty();
    }

    @Test
    void aFailedCallThatTheOuterWorkCatchesUndoesOnlyItself() {
        repository.insertUser(user("bob", "AIDABOB", "/", Map.of()));
        tx.run(() -> {
            repository.insertGroup(group("admins", "AGPAADMINS", "/"));
            assertThatThrownBy(() -> repository.insertUser(user("Bob", "AIDABOB2", "/", Map.of("t", "v"))))
                    .isInstanceOf(DuplicateEntityException.class);
            // the transaction stays usable (PostgreSQL would refuse it without a savepoint)
            repository.addUserToGroup(ACCOUNT, "admins", "bob");
        });
        assertThat(repository.listGroupMembers(ACCOUNT, "admins")).extracting(User::userId).containsExactly("AIDABOB");
        assertThat(repository.findUserById("AIDABOB2")).isEmpty();
    }

    // ---- lifecycle

    @Test
    void reopeningMigratesNothingAndKeepsTheData() throws Exception {
        repository.insertUser(user("alice", "AIDAALICE", "/", Map.of("k", "v")));
        database.close();

        use(reopen());

        assertThat(repository.findUser(ACCOUNT, "alice")).map(User::tags).contains(Map.of("k", "v"));
        long applied = tx.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = ?", true));
        assertThat(applied).isEqualTo(MIGRATIONS);
    }

    @Test
    void closeIsCleanAndFinal() {
        repository.insertUser(user("alice", "AIDAALICE", "/", Map.of()));
        database.close();
        database.close();

        assertThatThrownBy(() -> repository.findUser(ACCOUNT, "alice"))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> tx.run(() -> { })).isInstanceOf(StoreException.class);
    }

    // ---- fixtures

    long countRows(String table) {
        return tx.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM " + table));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static User user(String name, String id, String path, Map<String, String> tags) {
        return new User(ACCOUNT, name, id, path, "arn:aws:iam::" + ACCOUNT + ":user" + path + name, T0, Optional.empty(), tags);
    }

    static Group group(String name, String id, String path) {
        return new Group(ACCOUNT, name, id, path, "arn:aws:iam::" + ACCOUNT + ":group" + path + name, T0);
    }

    static Role role(String name, String id, Map<String, String> tags) {
        return new Role(ACCOUNT, name, id, "/", "arn:aws:iam::" + ACCOUNT + ":role/" + name, T0,
                "{\"Statement\":[]}", Optional.empty(), 3600, Optional.empty(), tags);
    }

    static String policyArn(String account, String path, String name) {
        return "arn:aws:iam::" + account + ":policy" + path + name;
    }

    static ManagedPolicy policy(String name, String path, String account) {
        return new ManagedPolicy(policyArn(account, path, name), account, name, "ANPA" + name.toUpperCase() + account, path,
                Optional.of("about " + name), "v1", T0, T0);
    }

    ManagedPolicy insertPolicy(String name, String path, String account) {
        ManagedPolicy policy = policy(name, path, account);
        repository.insertManagedPolicy(policy, new PolicyVersion(policy.arn(), "v1", "{\"v\":1}", true, T0));
        return policy;
    }

    String nextVersion(ManagedPolicy policy) {
        return repository.insertPolicyVersion(policy.arn(), "{}", false, T1).orElseThrow().versionId();
    }

    static List<String> names(Page<ManagedPolicy> page) {
        return page.items().stream().map(ManagedPolicy::policyName).toList();
    }

    static AccessKey accessKey(String id, Optional<String> userName, byte[] wrapped) {
        return new AccessKey(id, ACCOUNT, userName, true, T0, wrapped, Optional.empty());
    }

    static StsSessionRecord session(String id, Instant expiresAt, Map<String, String> tags) {
        return new StsSessionRecord(id, ACCOUNT, bytes("wrapped-" + id), bytes("hash-" + id), "arn:aws:iam::" + ACCOUNT + ":role/Deployer",
                "AROADEPLOY", "Deployer", "session-1", T0, expiresAt, Optional.of("{\"Statement\":[]}"), tags, Optional.empty(),
                "arn:aws:iam::111122223333:user/alice");
    }
}
