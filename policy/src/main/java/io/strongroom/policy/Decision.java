package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The evaluator's answer and why.
 *
 * @param outcome the decision
 * @param deciding the statements that decided: every matching Deny statement for an explicit deny (of
 *                 all types, in evaluation order), the matching Allow statements of the granting type for
 *                 an allow (across accounts: the resource policy's and then the identity policies'), none
 *                 for an implicit deny
 * @param deciderType which policy type decided: for an explicit deny the type of the first Deny in AWS's
 *                 evaluation order (RCP, SCP, resource-based, identity-based, boundary, session); for an
 *                 implicit deny the first type, in that order, whose missing Allow decided; for an allow
 *                 IDENTITY or RESOURCE
 */
public record Decision(Outcome outcome, List<MatchedStatement> deciding, PolicyType deciderType) {

    public enum Outcome { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    /**
     * A statement that matched: the policy's source and the statement's Sid, or its zero-based
     * position in the Statement array when it has no Sid.
     */
    public record MatchedStatement(String source, String sidOrIndex, PolicyType type) {
    }

    public Decision {
        requireNonNull(outcome, "outcome");
        requireNonNull(deciderType, "deciderType");
        deciding = List.copyOf(deciding);
    }

    public static Decision allow(List<MatchedStatement> allowing, PolicyType type) {
        return new Decision(Outcome.ALLOW, allowing, type);
    }

    public static Decision explicitDeny(List<MatchedStatement> denying) {
        return new Decision(Outcome.EXPLICIT_DENY, denying, denying.getFirst().type());
    }

    public static Decision implicitDeny(PolicyType lackingAllow) {
        return new Decision(Outcome.IMPLICIT_DENY, List.of(), lackingAllow);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /**
     * The reason clause of IAM's AccessDenied message, e.g. {@code with an explicit deny in an
     * identity-based policy} or {@code because no permissions boundary allows the s3:GetObject action};
     * empty for an allow.
     */
    public String reasonClause(String action) {
        return switch (outcome) {
            case ALLOW -> "";
            case EXPLICIT_DENY -> "with an explicit deny in " + PolicyTypeWording.withArticle(deciderType);
            case IMPLICIT_DENY -> "because no " + PolicyTypeWording.name(deciderType) + " allows the " + action
                    + " action";
        };
    }

    /**
     * The whole AccessDenied message as IAM words it: {@code User: <arn> is not authorized to perform:
     * <action> on resource: <resource> <reason clause>}.
     */
    public String accessDeniedMessage(String principalArn, String action, String resource) {
        return "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource
                + " " + reasonClause(action);
    }
}
