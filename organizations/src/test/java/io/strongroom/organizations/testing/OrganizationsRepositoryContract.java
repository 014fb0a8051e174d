package io.strongroom.organizations.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.Organization;
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
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OrganizationsRepository} must show. An implementation's test extends
 * this class and opens an empty store in {@link #openEmpty()}; the contract first writes the
 * organization and two accounts through the identity repository (so foreign keys to the accounts
 * table hold), then exercises the organizations repository.
 */
public abstract class OrganizationsRepositoryContract {
    protected static final String ORG = "o-abcdef1234";
    protected static final String MANAGEMENT = "111122223333";
    protected static final String MEMBER = "444455556666";
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07.891Z");
    protected static final Instant T1 = T0.plusSeconds(60);
    protected static final String ROOT_ID = "r-ab12";
    protected static final String OU_A = "ou-ab12-aaaaaaaa";
    protected static final String OU_B = "ou-ab12-bbbbbbbb";

    /** The stores under test, joined by one transactor. */
    public record Stores(IdentityRepository identities, OrganizationsRepository organizations, Transactor transactor) {
    }

    protected Stores stores;
    protected OrganizationsRepository repository;

    /** Opens the stores on an empty database. */
    protected abstract Stores openEmpty() throws Exception;

    /** Releases what {@link #openEmpty()} opened. */
    protected void close() throws Exception {
    }

    @BeforeEach
    public void openStores() throws Exception {
        stores = openEmpty();
        repository = stores.organizations();
        stores.transactor().run(() -> {
            stores.identities().insertOrganization(new Organization(ORG,
                    "arn:aws:organizations::" + MANAGEMENT + ":organization/" + ORG, MANAGEMENT, T0));
            stores.identities().insertAccount(new Account(MANAGEMENT, "management", "", ORG, T0));
            stores.identities().insertAccount(new Account(MEMBER, "analytics", "analytics@example.com", ORG, T1));
        });
    }

    @AfterEach
    public void closeStores() throws Exception {
        close();
    }

    // ---- roots and policy types

    @Test
    public void rootsRoundTrip() {
        Root root = root();
        repository.insertRoot(root);
        assertThat(repository.findRoot(ROOT_ID)).contains(root);
        assertThat(repository.findRoot("r-zz99")).isEmpty();
        assertThat(repository.listRoots()).containsExactly(root);
        assertThatThrownBy(() -> repository.insertRoot(new Root(ROOT_ID, root.arn(), "Other")))
                .isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.findRoot(ROOT_ID)).contains(root);
    }

    @Test
    public void policyTypesAreEnabledAndDisabledPerRoot() {
        repository.insertRoot(root());
        assertThat(repository.listEnabledPolicyTypes(ROOT_ID)).isEmpty();
        assertThat(repository.listEnabledPolicyTypes("r-zz99")).isEmpty();

        assertThat(repository.enablePolicyType(ROOT_ID, OrganizationPolicyType.SERVICE_CONTROL_POLICY)).isTrue();
        assertThat(repository.enablePolicyType(ROOT_ID, OrganizationPolicyType.SERVICE_CONTROL_POLICY)).isFalse();
        assertThat(repository.enablePolicyType(ROOT_ID, OrganizationPolicyType.RESOURCE_CONTROL_POLICY)).isTrue();
        assertThat(repository.listEnabledPolicyTypes(ROOT_ID)).containsExactlyInAnyOrder(
                OrganizationPolicyType.SERVICE_CONTROL_POLICY, OrganizationPolicyType.RESOURCE_CONTROL_POLICY);

        assertThat(repository.disablePolicyType(ROOT_ID, OrganizationPolicyType.RESOURCE_CONTROL_POLICY)).isTrue();
        assertThat(repository.disablePolicyType(ROOT_ID, OrganizationPolicyType.RESOURCE_CONTROL_POLICY)).isFalse();
        assertThat(repository.listEnabledPolicyTypes(ROOT_ID))
                .containsExactly(OrganizationPolicyType.SERVICE_CONTROL_POLICY);
    }

    // ---- organizational units

    @Test
    public void organizationalUnitsRoundTrip() {
        repository.insertRoot(root());
        OrganizationalUnit a = unit(OU_A, "Workloads", ROOT_ID);
        OrganizationalUnit b = unit(OU_B, "Prod", OU_A);
        repository.insertOrganizationalUnit(a);
        repository.insertOrganizationalUnit(b);

        assertThat(repository.findOrganizationalUnit(OU_A)).contains(a);
        assertThat(repository.findOrganizationalUnit("ou-ab12-cccccccc")).isEmpty();
        assertThat(repository.listOrganizationalUnits(ROOT_ID)).containsExactly(a);
        assertThat(repository.listOrganizationalUnits(OU_A)).containsExactly(b);
        assertThat(repository.listOrganizationalUnits(OU_B)).isEmpty();
    }

    @Test
    public void organizationalUnitNamesAreUniquePerParent() {
        repository.insertRoot(root());
        repository.insertOrganizationalUnit(unit(OU_A, "Workloads", ROOT_ID));

        assertThatThrownBy(() -> repository.insertOrganizationalUnit(unit(OU_B, "Workloads", ROOT_ID)))
                .isInstanceOf(DuplicateEntityException.class);
        assertThatThrownBy(() -> repository.insertOrganizationalUnit(unit(OU_A, "Other", ROOT_ID)))
                .isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.listOrganizationalUnits(ROOT_ID)).hasSize(1);

        // the same name under another parent is fine
        repository.insertOrganizationalUnit(unit(OU_B, "Workloads", OU_A));
        assertThat(repository.findOrganizationalUnit(OU_B)).isPresent();
    }

    @Test
    public void organizationalUnitsAreRenamedAndDeleted() {
        repository.insertRoot(root());
        repository.insertOrganizationalUnit(unit(OU_A, "Workloads", ROOT_ID));
        repository.insertOrganizationalUnit(unit(OU_B, "Sandbox", ROOT_ID));

        assertThat(repository.renameOrganizationalUnit(OU_A, "Apps")).isTrue();
        assertThat(repository.findOrganizationalUnit(OU_A)).contains(unit(OU_A, "Apps", ROOT_ID));
        assertThat(repository.renameOrganizationalUnit(OU_A, "Apps")).isTrue();
        assertThatThrownBy(() -> repository.renameOrganizationalUnit(OU_A, "Sandbox"))
                .isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.findOrganizationalUnit(OU_A)).contains(unit(OU_A, "Apps", ROOT_ID));
        assertThat(repository.renameOrganizationalUnit("ou-ab12-cccccccc", "X")).isFalse();

        assertThat(repository.deleteOrganizationalUnit(OU_A)).isTrue();
        assertThat(repository.deleteOrganizationalUnit(OU_A)).isFalse();
        assertThat(repository.findOrganizationalUnit(OU_A)).isEmpty();
        assertThat(repository.listOrganizationalUnits(ROOT_ID)).extracting(OrganizationalUnit::id).containsExactly(OU_B);
    }

    // ---- memberships

    @Test
    public void accountMembershipsRoundTripAndMove() {
        repository.insertRoot(root());
        repository.insertOrganizationalUnit(unit(OU_A, "Workloads", ROOT_ID));
        AccountMembership management = new AccountMembership(MANAGEMENT, ROOT_ID, JoinedMethod.INVITED, T0);
        AccountMembership member = new AccountMembership(MEMBER, ROOT_ID, JoinedMethod.CREATED, T1);
        repository.insertAccountMembership(management);
        repository.insertAccountMembership(member);

        assertThat(repository.findAccountMembership(MEMBER)).contains(member);
        assertThat(repository.findAccountMembership("999999999999")).isEmpty();
        assertThat(repository.listAccountMemberships(ROOT_ID)).containsExactlyInAnyOrder(management, member);
        assertThatThrownBy(() -> repository.insertAccountMembership(
                new AccountMembership(MEMBER, OU_A, JoinedMethod.CREATED, T1)))
                .isInstanceOf(DuplicateEntityException.class);

        assertThat(repository.moveAccount(MEMBER, OU_A)).isTrue();
        assertThat(repository.findAccountMembership(MEMBER))
                .contains(new AccountMembership(MEMBER, OU_A, JoinedMethod.CREATED, T1));
        assertThat(repository.listAccountMemberships(ROOT_ID)).containsExactly(management);
        assertThat(repository.listAccountMemberships(OU_A)).extracting(AccountMembership::accountId)
                .containsExactly(MEMBER);
        assertThat(repository.moveAccount("999999999999", OU_A)).isFalse();
    }

    // ---- policies

    @Test
    public void policiesRoundTripWithExactIds() {
        OrganizationPolicy full = fullAwsAccess();
        OrganizationPolicy custom = policy("p-abcd1234", "DenyLeave", OrganizationPolicyType.SERVICE_CONTROL_POLICY);
        OrganizationPolicy rcp = policy("p-rcp12345", "DenyLeave", OrganizationPolicyType.RESOURCE_CONTROL_POLICY);
        repository.insertPolicy(full);
        repository.insertPolicy(custom);
        repository.insertPolicy(rcp);

        assertThat(repository.findPolicy("p-FullAWSAccess")).contains(full);
        assertThat(repository.findPolicy("p-fullawsaccess")).isEmpty();
        assertThat(repository.findPolicy("p-abcd1234")).contains(custom);
        assertThat(repository.listPolicies(OrganizationPolicyType.SERVICE_CONTROL_POLICY))
                .containsExactlyInAnyOrder(full, custom);
        assertThat(repository.listPolicies(OrganizationPolicyType.RESOURCE_CONTROL_POLICY)).containsExactly(rcp);
    }

    @Test
    public void policyNamesAreUniquePerType() {
        repository.insertPolicy(policy("p-abcd1234", "DenyLeave", OrganizationPolicyType.SERVICE_CONTROL_POLICY));
        assertThatThrownBy(() -> repository.insertPolicy(
                policy("p-efgh5678", "DenyLeave", OrganizationPolicyType.SERVICE_CONTROL_POLICY)))
                .isInstanceOf(DuplicateEntityException.class);
        assertThatThrownBy(() -> repository.insertPolicy(
                policy("p-abcd1234", "Other", OrganizationPolicyType.SERVICE_CONTROL_POLICY)))
                .isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.listPolicies(OrganizationPolicyType.SERVICE_CONTROL_POLICY)).hasSize(1);
    }

    @Test
    public void policiesAreUpdatedAndDeleted() {
        OrganizationPolicy original = policy("p-abcd1234", "DenyLeave", OrganizationPolicyType.SERVICE_CONTROL_POLICY);
        repository.insertPolicy(original);
        repository.insertPolicy(policy("p-efgh5678", "Taken", OrganizationPolicyType.SERVICE_CONTROL_POLICY));
        String content = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"}}";

        // id, arn, type and awsManaged stay whatever the update carries
        OrganizationPolicy update = new OrganizationPolicy("p-abcd1234", "arn:ignored", "Renamed", "new description",
                OrganizationPolicyType.RESOURCE_CONTROL_POLICY, true, content);
        assertThat(repository.updatePolicy(update)).isTrue();
        assertThat(repository.findPolicy("p-abcd1234")).contains(new OrganizationPolicy("p-abcd1234", original.arn(),
                "Renamed", "new description", OrganizationPolicyType.SERVICE_CONTROL_POLICY, false, content));

        OrganizationPolicy clash = new OrganizationPolicy("p-abcd1234", original.arn(), "Taken", "", original.type(),
                false, content);
        assertThatThrownBy(() -> repository.updatePolicy(clash)).isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.findPolicy("p-abcd1234")).map(OrganizationPolicy::name).contains("Renamed");
        assertThat(repository.updatePolicy(policy("p-zzzz9999", "X", OrganizationPolicyType.SERVICE_CONTROL_POLICY)))
                .isFalse();

        assertThat(repository.deletePolicy("p-abcd1234")).isTrue();
        assertThat(repository.deletePolicy("p-abcd1234")).isFalse();
        assertThat(repository.findPolicy("p-abcd1234")).isEmpty();
    }

    // ---- attachments

    @Test
    public void attachmentsRoundTrip() {
        repository.insertRoot(root());
        repository.insertPolicy(fullAwsAccess());
        repository.insertPolicy(policy("p-abcd1234", "DenyLeave", OrganizationPolicyType.SERVICE_CONTROL_POLICY));
        PolicyAttachment onRoot = new PolicyAttachment("p-FullAWSAccess", ROOT_ID, TargetType.ROOT);
        PolicyAttachment onOu = new PolicyAttachment("p-FullAWSAccess", OU_A, TargetType.ORGANIZATIONAL_UNIT);
        PolicyAttachment onAccount = new PolicyAttachment("p-FullAWSAccess", MEMBER, TargetType.ACCOUNT);
        PolicyAttachment customOnAccount = new PolicyAttachment("p-abcd1234", MEMBER, TargetType.ACCOUNT);
        repository.attachPolicy(onRoot);
        repository.attachPolicy(onOu);
        repository.attachPolicy(onAccount);
        repository.attachPolicy(customOnAccount);

        assertThatThrownBy(() -> repository.attachPolicy(onAccount)).isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.listAttachmentsForTarget(MEMBER)).containsExactlyInAnyOrder(onAccount, customOnAccount);
        assertThat(repository.listAttachmentsForTarget(ROOT_ID)).containsExactly(onRoot);
        assertThat(repository.listAttachmentsForPolicy("p-FullAWSAccess"))
                .containsExactlyInAnyOrder(onRoot, onOu, onAccount);
        assertThat(repository.listAttachmentsForPolicy("p-fullawsaccess")).isEmpty();

        assertThat(repository.detachPolicy("p-abcd1234", MEMBER)).isTrue();
        assertThat(repository.detachPolicy("p-abcd1234", MEMBER)).isFalse();
        assertThat(repository.listAttachmentsForTarget(MEMBER)).containsExactly(onAccount);

        repository.attachPolicy(new PolicyAttachment("p-abcd1234", OU_A, TargetType.ORGANIZATIONAL_UNIT));
        assertThat(repository.detachAllFromTarget(OU_A)).isEqualTo(2);
        assertThat(repository.detachAllFromTarget(OU_A)).isZero();
        assertThat(repository.listAttachmentsForTarget(OU_A)).isEmpty();
        assertThat(repository.listAttachmentsForPolicy("p-FullAWSAccess")).containsExactlyInAnyOrder(onRoot, onAccount);
    }

    // ---- CreateAccount request records

    @Test
    public void createAccountStatusesRoundTrip() {
        CreateAccountStatus done = new CreateAccountStatus("car-0123456789abcdef0123456789abcdef", "analytics",
                CreateAccountState.SUCCEEDED, T0, Optional.of(T1), Optional.of(MEMBER), Optional.empty());
        CreateAccountStatus failed = new CreateAccountStatus("car-fedcba9876543210fedcba9876543210", "broken",
                CreateAccountState.FAILED, T1, Optional.of(T1), Optional.empty(), Optional.of("INTERNAL_FAILURE"));
        CreateAccountStatus running = new CreateAccountStatus("car-aaaaaaaabbbbbbbbccccccccdddddddd", "later",
                CreateAccountState.IN_PROGRESS, T1, Optional.empty(), Optional.empty(), Optional.empty());
        repository.insertCreateAccountStatus(done);
        repository.insertCreateAccountStatus(failed);
        repository.insertCreateAccountStatus(running);

        assertThat(repository.findCreateAccountStatus(done.id())).contains(done);
        assertThat(repository.findCreateAccountStatus(failed.id())).contains(failed);
        assertThat(repository.findCreateAccountStatus(running.id())).contains(running);
        assertThat(repository.findCreateAccountStatus("car-00000000")).isEmpty();
        assertThat(repository.listCreateAccountStatuses()).containsExactlyInAnyOrder(done, failed, running);
        assertThatThrownBy(() -> repository.insertCreateAccountStatus(done))
                .isInstanceOf(DuplicateEntityException.class);
    }

    // ---- transactions

    @Test
    public void aFailedTransactionLeavesNothingBehind() {
        repository.insertRoot(root());
        assertThatThrownBy(() -> stores.transactor().run(() -> {
            repository.insertOrganizationalUnit(unit(OU_A, "Workloads", ROOT_ID));
            repository.insertPolicy(policy("p-abcd1234", "DenyLeave", OrganizationPolicyType.SERVICE_CONTROL_POLICY));
            repository.attachPolicy(new PolicyAttachment("p-abcd1234", OU_A, TargetType.ORGANIZATIONAL_UNIT));
            repository.enablePolicyType(ROOT_ID, OrganizationPolicyType.SERVICE_CONTROL_POLICY);
            repository.insertAccountMembership(new AccountMembership(MEMBER, OU_A, JoinedMethod.CREATED, T1));
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repository.findOrganizationalUnit(OU_A)).isEmpty();
        assertThat(repository.findPolicy("p-abcd1234")).isEmpty();
        assertThat(repository.listAttachmentsForTarget(OU_A)).isEmpty();
        assertThat(repository.listEnabledPolicyTypes(ROOT_ID)).isEmpty();
        assertThat(repository.findAccountMembership(MEMBER)).isEmpty();
    }

    // ---- fixtures

    protected static Root root() {
        return new Root(ROOT_ID, "arn:aws:organizations::" + MANAGEMENT + ":root/" + ORG + "/" + ROOT_ID, "Root");
    }

    protected static OrganizationalUnit unit(String id, String name, String parentId) {
        return new OrganizationalUnit(id, "arn:aws:organizations::" + MANAGEMENT + ":ou/" + ORG + "/" + id, name,
                parentId);
    }

    protected static OrganizationPolicy fullAwsAccess() {
        return new OrganizationPolicy("p-FullAWSAccess",
                "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess", "FullAWSAccess",
                "Allows access to every operation", OrganizationPolicyType.SERVICE_CONTROL_POLICY, true,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
    }

    protected static OrganizationPolicy policy(String id, String name, OrganizationPolicyType type) {
        return new OrganizationPolicy(id, "arn:aws:organizations::" + MANAGEMENT + ":policy/" + ORG + "/"
                + type.arnSegment() + "/" + id, name, "", type, false,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":"
                        + "\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}");
    }
}
