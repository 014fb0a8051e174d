package io.strongroom.iam.simulation;

import io.strongroom.policy.Decision;

/** A simulated request's outcome, spelled as IAM's {@code PolicyEvaluationDecisionType} spells it. */
public enum EvalDecision {
    ALLOWED("allowed"),
    EXPLICIT_DENY("explicitDeny"),
    IMPLICIT_DENY("implicitDeny");

    private final String wireName;

    EvalDecision(String wireName) {
        this.wireName = wireName;
    }

    /** {@code allowed}, {@code explicitDeny} or {@code implicitDeny}. */
    public String wireName() {
        return wireName;
    }

    static EvalDecision of(Decision decision) {
        return switch (decision.outcome()) {
            case ALLOW -> ALLOWED;
            case EXPLICIT_DENY -> EXPLICIT_DENY;
            case IMPLICIT_DENY -> IMPLICIT_DENY;
        };
    }

    /** The more restrictive of two decisions: an explicit deny over an implicit one over an allow. */
    EvalDecision strictest(EvalDecision other) {
        return severity() >= other.severity() ? this : other;
    }

    private int severity() {
        return switch (this) {
            case ALLOWED -> 0;
            case IMPLICIT_DENY -> 1;
            case EXPLICIT_DENY -> 2;
        };
    }
}
