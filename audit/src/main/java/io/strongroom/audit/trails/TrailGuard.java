package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.Organization;
import java.util.Optional;

/**
 * Who may do what with trails: authorises {@code cloudtrail:<Operation>} through IAM (so identity
 * policies, permissions boundaries and the organization's guardrails all apply, and a guardrail can
 * deny StopLogging or DeleteTrail), and tells which trails a caller can see: its own account's and
 * its organization's organization trails.
 */
final class TrailGuard {
    private final IdentityRepository identities;
    private final AccessAuthorizer authorizer;

    TrailGuard(IdentityRepository identities, AccessAuthorizer authorizer) {
        this.identities = requireNonNull(identities, "identities");
        this.authorizer = requireNonNull(authorizer, "authorizer");
    }

    /** Throws IAM's AccessDeniedException unless the caller may perform the operation on the resource. */
    void authorize(CallContext call, String operation, String resource) {
        authorizer.authorize(call, "cloudtrail:" + operation, resource);
    }

    /** The organization the account belongs to, if any. */
    Optional<Organization> organizationOf(String accountId) {
        return identities.findOrganization().filter(organization -> identities.findAccount(accountId)
                .map(Account::organizationId)
                .filter(organization.id()::equals)
                .isPresent());
    }

    /** Whether the caller's account may see the trail: its own, or an organization trail of its organization. */
    boolean canSee(String callerAccountId, Trail trail) {
        if (trail.ownerAccountId().equals(callerAccountId)) {
            return true;
        }
        return trail.organizationTrail() && organizationOf(callerAccountId)
                .filter(organization -> organization.managementAccountId().equals(trail.ownerAccountId()))
                .isPresent();
    }

    /** Organization trails are the management account's: anyone else is refused. */
    void requireManagementAccount(String callerAccountId) {
        Organization organization = organizationOf(callerAccountId)
                .orElseThrow(CloudTrailErrors::organizationsNotInUse);
        if (!organization.managementAccountId().equals(callerAccountId)) {
            throw CloudTrailErrors.notManagementAccount(callerAccountId);
        }
    }
}
