package io.strongroom.organizations.testing;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.identity.IamArns;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.organizations.CreateAccountStatus;
import io.strongroom.organizations.OrganizationsService;
import io.strongroom.organizations.PageRequest;
import io.strongroom.organizations.guardrails.OrganizationGuardrailsProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bootstrapped identity domain (iam's {@link IamFixture}) with an initialised organization over
 * the in-memory organizations store, the Organizations service and the guardrails provider.
 */
public final class OrganizationsFixture {
    public final IamFixture iam = new IamFixture();
    public final InMemoryOrganizationsRepository repository = new InMemoryOrganizationsRepository();
    public final InMemoryOrganizationsTransactor transactor =
            new InMemoryOrganizationsTransactor(iam.repository, repository);
    public final OrganizationGuardrailsProvider guardrails =
            new OrganizationGuardrailsProvider(iam.repository, repository, transactor, iam.clock);
    public final OrganizationsService organizations = new OrganizationsService(iam.repository, repository,
            transactor, iam.authorizer, iam.clock, List.of(guardrails));
    /** The management account's bootstrap administrator. */
    public final CallContext admin;
    public final String managementAccount;
    public final String organizationId;

    public OrganizationsFixture() {
        organizations.ensureInitialised();
        admin = iam.admin;
        managementAccount = iam.account;
        organizationId = iam.bootstrap.organizationId();
    }

    public String rootId() {
        return organizations.listRoots(admin, PageRequest.first()).items().getFirst().id();
    }

    /** A new member account, created through CreateAccount; returns its id. */
    public String newAccount(String name) {
        CreateAccountStatus status = organizations.createAccount(admin, name + "@example.com", name, Optional.empty(),
                Optional.empty());
        return status.accountId().orElseThrow();
    }

    /** A call as the root user of any account (member accounts have no access keys in these tests). */
    public CallContext asRoot(String accountId) {
        Principal root = new Principal(PrincipalType.ROOT, accountId, IamArns.root(accountId), IamArns.root(accountId),
                accountId, "", "AKIAROOTTESTKEY00000", Map.of(), Optional.empty());
        return new CallContext("req-root", root, "10.0.0.1", "test", true, "us-east-1", iam.clock.instant());
    }
}
