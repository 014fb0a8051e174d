package io.strongroom.iam.sts;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.auth.Session;
import java.util.Optional;

/**
 * The rules AWS applies when a role session assumes a role (role chaining): the new session lasts
 * at most one hour whatever the role's MaxSessionDuration, and the source identity set on the chain
 * persists into every later session and cannot be changed.
 */
final class RoleChaining {
    static final int MAX_CHAINED_DURATION = 3600;

    private RoleChaining() {
    }

    static boolean isChained(Principal caller) {
        return caller.type() == PrincipalType.ASSUMED_ROLE;
    }

    /** The requested duration, or the default; a chained request above one hour is a ValidationError. */
    static int duration(Principal caller, Optional<Integer> requested) {
        int duration = requested.orElse(AssumeRoleValidation.DEFAULT_DURATION);
        if (!isChained(caller)) {
            return duration;
        }
        if (duration > MAX_CHAINED_DURATION) {
            throw AwsException.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles"
                    + " assumed by role chaining.");
        }
        return Math.min(duration, MAX_CHAINED_DURATION);
    }

    /**
     * The source identity of the new session: the caller's, carried forward, when its session has one
     * (refusing a different one: it is what ties a chain to a person in the audit trail), else the
     * requested one.
     */
    static Optional<String> sourceIdentity(Principal caller, Optional<String> requested) {
        Optional<String> inherited = caller.session().flatMap(Session::sourceIdentity);
        if (inherited.isEmpty()) {
            return requested;
        }
        if (requested.isPresent() && !requested.get().equals(inherited.get())) {
            throw AwsException.accessDenied("The source identity of a role session cannot be changed by role"
                    + " chaining: it persists from the session that set it.");
        }
        return inherited;
    }
}
