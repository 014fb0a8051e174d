package io.strongroom.policy;

import java.util.List;

/**
 * The evaluator's answer and why.
 *
 * @param outcome the decision
 * @param deciding the statements that decided: the matching Deny statements for an explicit deny,
 *                 the matching Allow statements for an allow, none for an implicit deny
 * @param deciderType which policy type decided (for an implicit deny: the type that lacked an allow)
 */
public record Decision(Outcome outcome, List<MatchedStatement> deciding, PolicyType deciderType) {

    public enum Outcome { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    /** A statement that matched: the policy's source and the statement's Sid or index. */
    public record MatchedStatement(String source, String sidOrIndex, PolicyType type) {
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
