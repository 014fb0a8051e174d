package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Ids;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.bootstrap.Bootstrap;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.IamArns;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.iam.identity.Role;
import io.strongroom.organizations.OrganizationGuard.Access;
import io.strongroom.organizations.OrganizationsErrors.InputReason;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DescribeOrganization, CreateAccount, DescribeCreateAccountStatus, ListCreateAccountStatus,
 * ListAccounts, DescribeAccount, ListAccountsForParent.
 */
final class AccountOperations {
    static final String DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";
    static final String ADMINISTRATOR_ACCESS = "AdministratorAccess";
    private static final String RESERVED_ROLE_PREFIX = "AWSServiceRoleFor";
    private static final Set<String> BILLING_ACCESS = Set.of("ALLOW", "DENY");
    private static final int MAX_ACCOUNT_NAME = 50;
    private static final int MAX_EMAIL = 64;
    private static final int MIN_EMAIL = 6;

    private final IdentityRepository identities;
    private final OrganizationsRepository repository;
    private final OrganizationGuard guard;
    private final OrganizationTree tree;
    private final Clock clock;

    AccountOperations(IdentityRepository identities, OrganizationsRepository repository, OrganizationGuard guard,
                      OrganizationTree tree, Clock clock) {
        this.identities = requireNonNull(identities, "identities");
        this.repository = requireNonNull(repository, "repository");
        this.guard = requireNonNull(guard, "guard");
        this.tree = requireNonNull(tree, "tree");
        this.clock = requireNonNull(clock, "clock");
    }

    OrganizationDescription describeOrganization(CallContext call) {
        return guard.readAsMember(call, Access.anyResource("DescribeOrganization"), context -> {
            String management = context.managementAccountId();
            String email = identities.findAccount(management).map(Account::email).orElse("");
            return new OrganizationDescription(context.id(), context.organization().arn(), "ALL",
                    context.accountArn(management), management, email, enabledTypes(context));
        });
    }

    List<PolicyTypeSummary> enabledTypes(OrganizationContext context) {
        return repository.listEnabledPolicyTypes(context.root().id()).stream().sorted()
                .map(PolicyTypeSummary::enabled).toList();
    }

    /**
     * Creates the account at once (the request is SUCCEEDED when this returns): the account, its
     * place under the root with the default policies, and the role the management account assumes to
     * administer it. An email address another account already has fails the request, as in AWS, with
     * a FAILED status rather than an error.
     */
    CreateAccountStatus createAccount(CallContext call, String email, String accountName, Optional<String> roleName,
                                      Optional<String> iamUserAccessToBilling) {
        OrganizationsInput.length(email, MIN_EMAIL, MAX_EMAIL);
        OrganizationsInput.matching(email, MAX_EMAIL, OrganizationsInput.EMAIL, InputReason.INVALID_PATTERN);
        OrganizationsInput.matching(accountName, MAX_ACCOUNT_NAME, OrganizationsInput.PRINTABLE_ASCII,
                InputReason.INVALID_PATTERN);
        String role = roleName.orElse(DEFAULT_ROLE_NAME);
        OrganizationsInput.matching(role, 64, OrganizationsInput.ROLE_NAME, InputReason.INVALID_ROLE_NAME);
        if (role.startsWith(RESERVED_ROLE_PREFIX)) {
            throw OrganizationsErrors.invalidInput(InputReason.INVALID_ROLE_NAME);
        }
        iamUserAccessToBilling.ifPresent(value -> {
            if (!BILLING_ACCESS.contains(value)) {
                throw OrganizationsErrors.invalidInput(InputReason.INVALID_ENUM);
            }
        });
        return guard.change(call, Access.anyResource("CreateAccount"), context -> {
            Instant now = clock.instant();
            String requestId = OrganizationIds.createAccountRequestId();
            if (emailTaken(email)) {
                CreateAccountStatus failed = new CreateAccountStatus(requestId, accountName, CreateAccountState.FAILED,
                        now, Optional.of(now), Optional.empty(), Optional.of("EMAIL_ALREADY_EXISTS"));
                repository.insertCreateAccountStatus(failed);
                return failed;
            }
            String accountId = newAccountId();
            identities.insertAccount(new Account(accountId, accountName, email, context.id(), now));
            createAccessRole(context, accountId, role, now);
            repository.insertAccountMembership(new AccountMembership(accountId, context.root().id(),
                    JoinedMethod.CREATED, now));
            tree.attachDefaults(context, accountId, TargetType.ACCOUNT);
            CreateAccountStatus status = new CreateAccountStatus(requestId, accountName, CreateAccountState.SUCCEEDED,
                    now, Optional.of(now), Optional.of(accountId), Optional.empty());
            repository.insertCreateAccountStatus(status);
            return status;
        });
    }

    /** The role whose trust policy lets the management account's principals administer the new account. */
    private void createAccessRole(OrganizationContext context, String accountId, String roleName, Instant now) {
        String trustPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + IamArns.root(context.managementAccountId()) + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        identities.insertRole(new Role(accountId, roleName, Ids.uniqueId(Ids.ROLE_PREFIX), "/",
                IamArns.role(accountId, "/", roleName), now, trustPolicy, Optional.empty(), 3600, Optional.empty(),
                Map.of()));
        String administratorAccess = Bootstrap.awsPolicyArn(ADMINISTRATOR_ACCESS);
        if (identities.findManagedPolicy(administratorAccess).isEmpty()) {
            throw new IllegalStateException("the AWS-managed policy " + ADMINISTRATOR_ACCESS + " is missing");
        }
        identities.attachPolicy(accountId, PrincipalKind.ROLE, roleName, administratorAccess);
    }

    private boolean emailTaken(String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        return identities.listAccounts().stream().anyMatch(a -> a.email().toLowerCase(Locale.ROOT).equals(wanted));
    }

    private String newAccountId() {
        String id;
        do {
            id = Ids.accountId();
        } while (identities.findAccount(id).isPresent());
        return id;
    }

    CreateAccountStatus describeCreateAccountStatus(CallContext call, String requestId) {
        OrganizationsInput.createAccountRequestId(requestId);
        return guard.read(call, Access.anyResource("DescribeCreateAccountStatus"),
                context -> repository.findCreateAccountStatus(requestId)
                        .orElseThrow(OrganizationsErrors::createAccountStatusNotFound));
    }

    /** Oldest request first; {@code states} keeps only requests in those states (all when empty). */
    Page<CreateAccountStatus> listCreateAccountStatus(CallContext call, List<String> states, PageRequest page) {
        Set<CreateAccountState> wanted = states.stream()
                .map(s -> OrganizationsInput.enumValue(CreateAccountState.class, s))
                .collect(Collectors.toSet());
        Pages.validate(page);
        return guard.read(call, Access.anyResource("ListCreateAccountStatus"), context -> {
            List<CreateAccountStatus> matching = repository.listCreateAccountStatuses().stream()
                    .filter(s -> wanted.isEmpty() || wanted.contains(s.state()))
                    .toList();
            return Pages.page(matching, AccountOperations::chronologicalKey, page);
        });
    }

    private static String chronologicalKey(CreateAccountStatus status) {
        Instant at = status.requestedTimestamp();
        return String.format(Locale.ROOT, "%019d%09d%s", at.getEpochSecond(), at.getNano(), status.id());
    }

    Page<OrganizationAccount> listAccounts(CallContext call, PageRequest page) {
        Pages.validate(page);
        return guard.read(call, Access.anyResource("ListAccounts"), context -> {
            List<OrganizationAccount> accounts = identities.listAccounts().stream()
                    .filter(a -> context.id().equals(a.organizationId()))
                    .map(a -> tree.describe(context, a))
                    .toList();
            return Pages.page(accounts, OrganizationAccount::id, page);
        });
    }

    OrganizationAccount describeAccount(CallContext call, String accountId) {
        OrganizationsInput.accountId(accountId);
        return guard.read(call, Access.of("DescribeAccount", context -> context.accountArn(accountId)),
                context -> tree.account(context, accountId).map(a -> tree.describe(context, a))
                        .orElseThrow(OrganizationsErrors::accountNotFound));
    }

    Page<OrganizationAccount> listAccountsForParent(CallContext call, String parentId, PageRequest page) {
        OrganizationsInput.parentId(parentId);
        Pages.validate(page);
        return guard.read(call, Access.of("ListAccountsForParent", context -> context.targetArn(parentId)),
                context -> {
                    if (!tree.containerExists(context, parentId)) {
                        throw OrganizationsErrors.parentNotFound();
                    }
                    List<OrganizationAccount> accounts = tree.accountsUnder(context, parentId).stream()
                            .map(m -> tree.account(context, m.accountId()).orElseThrow())
                            .map(a -> tree.describe(context, a))
                            .sorted(Comparator.comparing(OrganizationAccount::id))
                            .toList();
                    return Pages.page(accounts, OrganizationAccount::id, page);
                });
    }
}
