package io.strongroom.iam.access;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.IdentityChangeListener;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.policy.PolicyEvaluator;
import java.time.Clock;
import java.time.Duration;
import io.strongroom.policy.Decision;
import java.util.List;
import java.util.Map;

/**
 * Decides whether the caller of a request may perform an action on a resource of its own account,
 * from the caller's identity-based policies, permissions boundary and session policy.
 */
public final class AccessAuthorizer implements IdentityChangeListener {
    /** How long a principal's parsed policies are reused; other nodes' changes show within it. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(2);

    public AccessAuthorizer(IdentityRepository repository, PolicyEvaluator evaluator, Clock clock, Duration cacheTtl) {
    }

    /**
     * Throws {@link AccessDeniedException} unless the caller is allowed.
     *
     * @param extraConditionKeys request-specific keys ({@code aws:RequestTag/…}, {@code aws:TagKeys},
     *                           {@code aws:ResourceTag/…}, service keys); they add to the global keys
     */
    public void authorize(CallContext call, String action, String resourceArn,
                          Map<String, List<String>> extraConditionKeys) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void authorize(CallContext call, String action, String resourceArn) {
        authorize(call, action, resourceArn, Map.of());
    }

    /** The decision without throwing. */
    public Decision decide(CallContext call, String action, String resourceArn,
                           Map<String, List<String>> extraConditionKeys) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void identitiesChanged() {
    }
}
