package io.strongroom.iam.access;

import io.strongroom.policy.PolicyChain;
import java.util.Optional;

/**
 * Where an account sits in the organization and which guardrails bind it: the service control
 * policies (SCPs) that limit its principals and the resource control policies (RCPs) that limit its
 * resources. The organizations module implements it; {@link #NONE} stands for a server without one.
 *
 * <p>Chains are ordered root first, then each organizational unit down to the account itself; each
 * level holds the policies attached there (named by the root, OU or account id). Every level must allow
 * a request. An empty chain ({@link PolicyChain#NONE}) means
 * the policy type does not apply: the account is the management account (exempt, as in AWS), the
 * policy type is not enabled, or the account belongs to no organization.
 */
public interface OrganizationGuardrails {

    OrganizationGuardrails NONE = new OrganizationGuardrails() {
        @Override
        public PolicyChain serviceControlChain(String accountId) {
            return PolicyChain.NONE;
        }

        @Override
        public PolicyChain resourceControlChain(String accountId) {
            return PolicyChain.NONE;
        }

        @Override
        public Optional<AccountPlacement> placement(String accountId) {
            return Optional.empty();
        }
    };

    /** The SCP levels that bind the principals of an account; empty when SCPs do not apply to it. */
    PolicyChain serviceControlChain(String accountId);

    /** The RCP levels that bind the resources of an account; empty when RCPs do not apply to it. */
    PolicyChain resourceControlChain(String accountId);

    /** The account's organization and path, for {@code aws:PrincipalOrgID}, {@code aws:ResourceOrgPaths}…. */
    Optional<AccountPlacement> placement(String accountId);

    /**
     * @param organizationId {@code o-…}
     * @param orgPath        the account's path as the org-path condition keys carry it:
     *                       {@code o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/}
     */
    record AccountPlacement(String organizationId, String orgPath) {
    }
}
