package io.strongroom.policy;

/**
 * Decides a request against a {@link PolicySet} as the AWS policy-evaluation logic does.
 *
 * <p>STUB CONTRACT (to be implemented by the policy-language work).
 */
public final class PolicyEvaluator {

    public Decision evaluate(AuthorizationRequest request, PolicySet policies) {
        throw new UnsupportedOperationException("policy evaluation not implemented yet");
    }
}
