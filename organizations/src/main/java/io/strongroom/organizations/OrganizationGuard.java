package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.Organization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The shape of every Organizations operation, in one transaction: find the caller's organization
 * (AWSOrganizationsNotInUseException when there is none), authorise the action on each resource
 * through IAM, require the management account (only DescribeOrganization is open to members), do
 * the work, and after a committed change tell this node's guardrail caches. Input is validated by
 * the caller before any of this, so bad input changes nothing and reveals nothing.
 */
final class OrganizationGuard {
    private final IdentityRepository identities;
    private final OrganizationsRepository repository;
    private final AccessAuthorizer authorizer;
    private final Transactor transactor;
    private final List<OrganizationChangeListener> changeListeners;

    OrganizationGuard(IdentityRepository identities, OrganizationsRepository repository, AccessAuthorizer authorizer,
                      Transactor transactor, List<OrganizationChangeListener> changeListeners) {
        this.identities = requireNonNull(identities, "identities");
        this.repository = requireNonNull(repository, "repository");
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.transactor = requireNonNull(transactor, "transactor");
        this.changeListeners = List.copyOf(changeListeners);
    }

    /**
     * What to authorise: the action, the ARNs it acts on (each must be allowed) and extra condition
     * keys ({@code organizations:PolicyType}); both are worked out inside the transaction, so they may
     * look at what the request names.
     */
    record Access(String action, Function<OrganizationContext, List<String>> resources,
                  Function<OrganizationContext, Map<String, List<String>>> conditionKeys) {
        static Access of(String operation, Function<OrganizationContext, String> resource) {
            return ofAll(operation, context -> List.of(resource.apply(context)));
        }

        static Access anyResource(String operation) {
            return of(operation, context -> "*");
        }

        static Access ofAll(String operation, Function<OrganizationContext, List<String>> resources) {
            return new Access("organizations:" + operation, resources, context -> Map.of());
        }

        Access withPolicyType(OrganizationPolicyType type) {
            return withPolicyType(context -> Optional.of(type));
        }

        /** Adds {@code organizations:PolicyType} when the request's policy type is known. */
        Access withPolicyType(Function<OrganizationContext, Optional<OrganizationPolicyType>> type) {
            return new Access(action, resources, context -> type.apply(context)
                    .map(t -> Map.of("organizations:PolicyType", List.of(t.name())))
                    .orElseGet(Map::of));
        }
    }

    /** A read by the management account. */
    <T> T read(CallContext call, Access access, Function<OrganizationContext, T> work) {
        return transactor.inTransaction(() -> work.apply(authorize(call, access, true)));
    }

    /** A read any account of the organization may make (DescribeOrganization). */
    <T> T readAsMember(CallContext call, Access access, Function<OrganizationContext, T> work) {
        return transactor.inTransaction(() -> work.apply(authorize(call, access, false)));
    }

    /** A change by the management account; caches hear of it once it committed. */
    <T> T change(CallContext call, Access access, Function<OrganizationContext, T> work) {
        T result = transactor.inTransaction(() -> work.apply(authorize(call, access, true)));
        changed();
        return result;
    }

    void changed() {
        changeListeners.forEach(OrganizationChangeListener::organizationChanged);
    }

    private OrganizationContext authorize(CallContext call, Access access, boolean managementOnly) {
        OrganizationContext context = context(call.principal().accountId());
        Map<String, List<String>> keys = access.conditionKeys().apply(context);
        for (String resource : access.resources().apply(context)) {
            try {
                authorizer.authorize(call, access.action(), resource, keys);
            } catch (AccessDeniedException e) {
                throw OrganizationsErrors.accessDenied(e);
            }
        }
        if (managementOnly && !call.principal().accountId().equals(context.managementAccountId())) {
            throw OrganizationsErrors.accessDenied();
        }
        return context;
    }

    /** The caller's organization and its root; not in use when the account belongs to none. */
    private OrganizationContext context(String callerAccountId) {
        Organization organization = identities.findOrganization().orElseThrow(OrganizationsErrors::notInUse);
        Account caller = identities.findAccount(callerAccountId).orElseThrow(OrganizationsErrors::notInUse);
        if (!organization.id().equals(caller.organizationId())) {
            throw OrganizationsErrors.notInUse();
        }
        Root root = repository.findRoot(OrganizationIds.rootId(organization.id()))
                .or(() -> repository.listRoots().stream().findFirst())
                .orElseThrow(OrganizationsErrors::notInUse);
        return new OrganizationContext(organization, root);
    }
}
