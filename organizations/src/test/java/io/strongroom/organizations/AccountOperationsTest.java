package io.strongroom.organizations;

import static io.strongroom.organizations.testing.OrganizationsAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.iam.identity.Role;
import io.strongroom.organizations.testing.OrganizationsFixture;
import io.strongroom.policy.AuthorizationRequest;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;
import io.strongroom.policy.PolicyType;
import io.strongroom.policy.RequestPrincipal;
import io.strongroom.policy.ResourcePolicyEvaluator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountOperationsTest {
    private static final String INVALID_INPUT = "InvalidInputException";
    private final OrganizationsFixture f = new OrganizationsFixture();

    // ---- DescribeOrganization

    @Test
    void describeOrganizationNamesTheManagementAccount() {
        OrganizationDescription organization = f.organizations.describeOrganization(f.admin);
        assertThat(organization.id()).isEqualTo(f.organizationId);
        assertThat(organization.arn()).isEqualTo("arn:aws:organizations::" + f.managementAccount + ":organization/"
                + f.organizationId);
        assertThat(organization.featureSet()).isEqualTo("ALL");
        assertThat(organization.masterAccountId()).isEqualTo(f.managementAccount);
        assertThat(organization.masterAccountArn()).isEqualTo("arn:aws:organizations::" + f.managementAccount
                + ":account/" + f.organizationId + "/" + f.managementAccount);
        assertThat(organization.availablePolicyTypes()).containsExactly(
                PolicyTypeSummary.enabled(OrganizationPolicyType.SERVICE_CONTROL_POLICY));
    }

    @Test
    void memberAccountsMayDescribeTheOrganization() {
        String member = f.newAccount("analytics");
        assertThat(f.organizations.describeOrganization(f.asRoot(member)).id()).isEqualTo(f.organizationId);
    }

    // ---- CreateAccount

    @Test
    void createAccountSucceedsAtOnceAndPlacesTheAccountUnderTheRoot() {
        CreateAccountStatus status = f.organizations.createAccount(f.admin, "analytics@example.com", "analytics",
                Optional.empty(), Optional.of("DENY"));

        assertThat(status.id()).matches("car-[a-z0-9]{32}");
        assertThat(status.state()).isEqualTo(CreateAccountState.SUCCEEDED);
        assertThat(status.accountName()).isEqualTo("analytics");
        assertThat(status.requestedTimestamp()).isEqualTo(f.iam.clock.instant());
        assertThat(status.completedTimestamp()).contains(f.iam.clock.instant());
        assertThat(status.failureReason()).isEmpty();
        String accountId = status.accountId().orElseThrow();
        assertThat(accountId).matches("\\d{12}").isNotEqualTo(f.managementAccount);

        assertThat(f.iam.repository.findAccount(accountId)).contains(new Account(accountId, "analytics",
                "analytics@example.com", f.organizationId, f.iam.clock.instant()));
        assertThat(f.repository.findAccountMembership(accountId)).contains(new AccountMembership(accountId,
                f.rootId(), JoinedMethod.CREATED, f.iam.clock.instant()));
        assertThat(f.repository.listAttachmentsForTarget(accountId)).containsExactly(
                new PolicyAttachment("p-FullAWSAccess", accountId, TargetType.ACCOUNT));
        assertThat(f.organizations.describeCreateAccountStatus(f.admin, status.id())).isEqualTo(status);
    }

    @Test
    void createAccountMakesTheAccessRoleTheManagementAccountAssumes() {
        String accountId = f.newAccount("analytics");

        Role role = f.iam.repository.findRole(accountId, "OrganizationAccountAccessRole").orElseThrow();
        assertThat(role.arn()).isEqualTo("arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole");
        assertThat(role.assumeRolePolicyDocument()).contains("\"AWS\":\"arn:aws:iam::" + f.managementAccount
                + ":root\"").contains("sts:AssumeRole");
        assertThat(f.iam.repository.listAttachedPolicies(accountId, PrincipalKind.ROLE, role.roleName()))
                .containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");

        // The trust policy lets the management account's principals in, and nobody else's.
        NamedPolicy trust = new NamedPolicy(PolicyType.RESOURCE, role.arn(),
                PolicyDocument.parse(role.assumeRolePolicyDocument(), PolicyKind.TRUST));
        AuthorizationRequest assume = new AuthorizationRequest("sts:AssumeRole", role.arn());
        ResourcePolicyEvaluator evaluator = new ResourcePolicyEvaluator();
        assertThat(evaluator.evaluate(assume, RequestPrincipal.iamIdentity(f.managementAccount,
                "arn:aws:iam::" + f.managementAccount + ":user/admin"), trust).allowed()).isTrue();
        assertThat(evaluator.evaluate(assume, RequestPrincipal.iamIdentity("999999999999",
                "arn:aws:iam::999999999999:user/admin"), trust).allowed()).isFalse();
    }

    @Test
    void createAccountTakesAnotherRoleName() {
        CreateAccountStatus status = f.organizations.createAccount(f.admin, "ops@example.com", "ops",
                Optional.of("PlatformAdmin"), Optional.empty());
        String accountId = status.accountId().orElseThrow();
        assertThat(f.iam.repository.findRole(accountId, "PlatformAdmin")).isPresent();
        assertThat(f.iam.repository.findRole(accountId, "OrganizationAccountAccessRole")).isEmpty();
    }

    @Test
    void anEmailAnotherAccountHasFailsTheRequestWithoutCreatingAnAccount() {
        f.newAccount("analytics");
        int accounts = f.iam.repository.listAccounts().size();

        CreateAccountStatus status = f.organizations.createAccount(f.admin, "ANALYTICS@example.com", "again",
                Optional.empty(), Optional.empty());

        assertThat(status.state()).isEqualTo(CreateAccountState.FAILED);
        assertThat(status.failureReason()).contains("EMAIL_ALREADY_EXISTS");
        assertThat(status.accountId()).isEmpty();
        assertThat(f.iam.repository.listAccounts()).hasSize(accounts);
        assertThat(f.organizations.describeCreateAccountStatus(f.admin, status.id())).isEqualTo(status);
    }

    @Test
    void createAccountRefusesAnEmailThatIsTooShort() {
        assertError(f, () -> create("a@b.c", "x", null, null), INVALID_INPUT, "MIN_LENGTH_EXCEEDED");
    }

    @Test
    void createAccountRefusesAnEmailThatIsTooLong() {
        assertError(f, () -> create("a".repeat(60) + "@example.com", "x", null, null), INVALID_INPUT,
                "MAX_LENGTH_EXCEEDED");
    }

    @Test
    void createAccountRefusesAMalformedEmail() {
        assertError(f, () -> create("not-an-email", "x", null, null), INVALID_INPUT, "INVALID_PATTERN");
    }

    @Test
    void createAccountRequiresAnEmail() {
        assertError(f, () -> create(null, "x", null, null), INVALID_INPUT, "INPUT_REQUIRED");
    }

    @Test
    void createAccountRefusesANameThatIsTooLong() {
        assertError(f, () -> create("x@example.com", "n".repeat(51), null, null), INVALID_INPUT,
                "MAX_LENGTH_EXCEEDED");
    }

    @Test
    void createAccountRefusesAnEmptyName() {
        assertError(f, () -> create("x@example.com", "", null, null), INVALID_INPUT, "MIN_LENGTH_EXCEEDED");
    }

    @Test
    void createAccountRefusesANameOutsidePrintableAscii() {
        assertError(f, () -> create("x@example.com", "Zürich", null, null), INVALID_INPUT, "INVALID_PATTERN");
    }

    @Test
    void createAccountRefusesARoleNameOutsideItsPattern() {
        assertError(f, () -> create("x@example.com", "x", "bad role", null), INVALID_INPUT, "INVALID_ROLE_NAME");
    }

    @Test
    void createAccountRefusesTheReservedServiceRolePrefix() {
        assertError(f, () -> create("x@example.com", "x", "AWSServiceRoleForThing", null), INVALID_INPUT,
                "INVALID_ROLE_NAME");
    }

    @Test
    void createAccountRefusesAnUnknownBillingAccessValue() {
        assertError(f, () -> create("x@example.com", "x", null, "MAYBE"), INVALID_INPUT, "INVALID_ENUM");
    }

    private CreateAccountStatus create(String email, String name, String roleName, String billing) {
        return f.organizations.createAccount(f.admin, email, name, Optional.ofNullable(roleName),
                Optional.ofNullable(billing));
    }

    // ---- DescribeCreateAccountStatus, ListCreateAccountStatus

    @Test
    void describeCreateAccountStatusRefusesAMalformedRequestId() {
        assertError(f, () -> f.organizations.describeCreateAccountStatus(f.admin, "req-123"), INVALID_INPUT,
                "INVALID_PATTERN");
    }

    @Test
    void describeCreateAccountStatusOfAnUnknownRequest() {
        assertError(f, () -> f.organizations.describeCreateAccountStatus(f.admin, "car-0000000000"),
                "CreateAccountStatusNotFoundException");
    }

    @Test
    void listCreateAccountStatusFiltersByState() {
        f.newAccount("analytics");
        f.organizations.createAccount(f.admin, "analytics@example.com", "dup", Optional.empty(), Optional.empty());

        assertThat(f.organizations.listCreateAccountStatus(f.admin, List.of(), PageRequest.first()).items())
                .extracting(CreateAccountStatus::state)
                .containsExactlyInAnyOrder(CreateAccountState.SUCCEEDED, CreateAccountState.FAILED);
        assertThat(f.organizations.listCreateAccountStatus(f.admin, List.of("FAILED"), PageRequest.first()).items())
                .extracting(CreateAccountStatus::accountName).containsExactly("dup");
        assertThat(f.organizations.listCreateAccountStatus(f.admin, List.of("IN_PROGRESS"), PageRequest.first())
                .items()).isEmpty();
    }

    @Test
    void listCreateAccountStatusRefusesAnUnknownState() {
        assertError(f, () -> f.organizations.listCreateAccountStatus(f.admin, List.of("DONE"), PageRequest.first()),
                INVALID_INPUT, "INVALID_ENUM");
    }

    // ---- ListAccounts, DescribeAccount, ListAccountsForParent

    @Test
    void listAccountsPagesThroughEveryAccount() {
        String a = f.newAccount("a");
        String b = f.newAccount("b");

        Page<OrganizationAccount> first = f.organizations.listAccounts(f.admin, page(null, 2));
        assertThat(first.items()).hasSize(2);
        assertThat(first.nextToken()).isPresent();
        Page<OrganizationAccount> second = f.organizations.listAccounts(f.admin, page(first.nextToken().get(), 2));
        assertThat(second.nextToken()).isEmpty();

        List<String> ids = new java.util.ArrayList<>(first.items().stream().map(OrganizationAccount::id).toList());
        ids.addAll(second.items().stream().map(OrganizationAccount::id).toList());
        assertThat(ids).containsExactlyInAnyOrder(f.managementAccount, a, b).isSorted();
    }

    @Test
    void listAccountsRefusesMaxResultsBelowOne() {
        assertError(f, () -> f.organizations.listAccounts(f.admin, page(null, 0)), INVALID_INPUT,
                "MIN_VALUE_EXCEEDED");
    }

    @Test
    void listAccountsRefusesMaxResultsAboveTwenty() {
        assertError(f, () -> f.organizations.listAccounts(f.admin, page(null, 21)), INVALID_INPUT,
                "MAX_VALUE_EXCEEDED");
    }

    @Test
    void listAccountsRefusesATokenItDidNotIssue() {
        assertError(f, () -> f.organizations.listAccounts(f.admin, page("not-a-token!", null)), INVALID_INPUT,
                "INVALID_NEXT_TOKEN");
    }

    @Test
    void describeAccountShowsTheModelsFields() {
        String member = f.newAccount("analytics");

        OrganizationAccount account = f.organizations.describeAccount(f.admin, member);
        assertThat(account).isEqualTo(new OrganizationAccount(member, "arn:aws:organizations::" + f.managementAccount
                + ":account/" + f.organizationId + "/" + member, "analytics@example.com", "analytics", "ACTIVE",
                "ACTIVE", JoinedMethod.CREATED, f.iam.clock.instant()));
        assertThat(f.organizations.describeAccount(f.admin, f.managementAccount).joinedMethod())
                .isEqualTo(JoinedMethod.INVITED);
    }

    @Test
    void describeAccountRefusesAMalformedId() {
        assertError(f, () -> f.organizations.describeAccount(f.admin, "12345"), INVALID_INPUT, "INVALID_PATTERN");
    }

    @Test
    void describeAccountOfAnUnknownAccount() {
        assertError(f, () -> f.organizations.describeAccount(f.admin, "999999999999"), "AccountNotFoundException");
    }

    @Test
    void listAccountsForParentListsOnlyThatContainersAccounts() {
        String member = f.newAccount("analytics");
        OrganizationalUnit unit = f.organizations.createOrganizationalUnit(f.admin, f.rootId(), "Workloads");
        f.organizations.moveAccount(f.admin, member, f.rootId(), unit.id());

        assertThat(f.organizations.listAccountsForParent(f.admin, f.rootId(), PageRequest.first()).items())
                .extracting(OrganizationAccount::id).containsExactly(f.managementAccount);
        assertThat(f.organizations.listAccountsForParent(f.admin, unit.id(), PageRequest.first()).items())
                .extracting(OrganizationAccount::id).containsExactly(member);
    }

    @Test
    void listAccountsForParentRefusesAMalformedParent() {
        assertError(f, () -> f.organizations.listAccountsForParent(f.admin, "111122223333", PageRequest.first()),
                INVALID_INPUT, "INVALID_PATTERN");
    }

    @Test
    void listAccountsForParentOfAnUnknownParent() {
        assertError(f, () -> f.organizations.listAccountsForParent(f.admin, "ou-zzzz-zzzzzzzz", PageRequest.first()),
                "ParentNotFoundException");
    }

    static PageRequest page(String token, Integer max) {
        return new PageRequest(Optional.ofNullable(token), Optional.ofNullable(max));
    }
}
