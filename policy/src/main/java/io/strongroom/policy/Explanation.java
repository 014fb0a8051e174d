package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A decision with everything that led to it, from {@link PolicyEvaluator#explain}: what IAM's
 * SimulatePrincipalPolicy and SimulateCustomPolicy report and what {@code strongroom explain} prints.
 *
 * @param decision             the same decision {@link PolicyEvaluator#evaluate} gives
 * @param types                one entry per policy type, in the order AWS evaluates them (RCPs, SCPs,
 *                             resource-based, identity-based, permissions boundary, session)
 * @param missingContextValues condition keys that statements matching the action and resource test but the
 *                             request does not carry, as the policies spell them, each once, in the order met;
 *                             supplying them may change the decision
 */
public record Explanation(Decision decision, List<TypeResult> types, List<String> missingContextValues) {

    /** What one policy type (or one level of a guardrail chain) said about the request. */
    public enum TypeOutcome {
        /** An applicable Allow and no applicable Deny (for a chain: every level allows). */
        ALLOW,
        /** An applicable Deny. */
        EXPLICIT_DENY,
        /** Policies of this type apply but none allows (for a chain: some level has no Allow). */
        IMPLICIT_DENY,
        /** No policy of this type bears on the request (none attached, or the type does not apply to the caller). */
        NOT_APPLICABLE
    }

    /**
     * @param levels for SCP and RCP chains, each level from the root down; empty for the other types
     */
    public record TypeResult(PolicyType type, TypeOutcome outcome, List<Decision.MatchedStatement> allows,
                             List<Decision.MatchedStatement> denies, List<LevelResult> levels) {
        public TypeResult {
            requireNonNull(type, "type");
            requireNonNull(outcome, "outcome");
            allows = List.copyOf(allows);
            denies = List.copyOf(denies);
            levels = List.copyOf(levels);
        }
    }

    /** One level of an SCP or RCP chain: the root, an OU or the account. */
    public record LevelResult(String target, TypeOutcome outcome, List<Decision.MatchedStatement> allows,
                              List<Decision.MatchedStatement> denies) {
        public LevelResult {
            requireNonNull(target, "target");
            requireNonNull(outcome, "outcome");
            allows = List.copyOf(allows);
            denies = List.copyOf(denies);
        }
    }

    /** A statement that matched the request, with its effect. */
    public record EvaluatedStatement(Decision.MatchedStatement statement, Effect effect) {
    }

    public Explanation {
        requireNonNull(decision, "decision");
        types = List.copyOf(types);
        missingContextValues = List.copyOf(missingContextValues);
    }

    /** The result for one policy type. */
    public TypeResult type(PolicyType type) {
        for (TypeResult result : types) {
            if (result.type() == type) {
                return result;
            }
        }
        throw new IllegalArgumentException("no result for " + type);
    }

    /** Every statement that matched, whatever its type and effect, in evaluation order (denies first per type). */
    public List<EvaluatedStatement> matchedStatements() {
        List<EvaluatedStatement> all = new ArrayList<>();
        for (TypeResult result : types) {
            result.denies().forEach(s -> all.add(new EvaluatedStatement(s, Effect.DENY)));
            result.allows().forEach(s -> all.add(new EvaluatedStatement(s, Effect.ALLOW)));
        }
        return all;
    }

    /** Whether the organization's guardrails (SCPs and RCPs) let the request through. */
    public boolean allowedByOrganizations() {
        return passes(PolicyType.SERVICE_CONTROL) && passes(PolicyType.RESOURCE_CONTROL);
    }

    /** Whether the permissions boundary lets the request through (true when there is none). */
    public boolean allowedByPermissionsBoundary() {
        return passes(PolicyType.PERMISSIONS_BOUNDARY);
    }

    private boolean passes(PolicyType type) {
        TypeOutcome outcome = type(type).outcome();
        return outcome == TypeOutcome.ALLOW || outcome == TypeOutcome.NOT_APPLICABLE;
    }

    /** A plain-text account of the evaluation, one line per type, level and matched statement. */
    public String render(String action, String resource) {
        StringBuilder text = new StringBuilder();
        text.append(action).append(" on ").append(resource).append(": ").append(switch (decision.outcome()) {
            case ALLOW -> "allowed";
            case EXPLICIT_DENY -> "denied " + decision.reasonClause(action);
            case IMPLICIT_DENY -> "denied " + decision.reasonClause(action);
        }).append('\n');
        for (TypeResult result : types) {
            text.append("  ").append(PolicyTypeWording.name(result.type())).append(": ")
                    .append(words(result.outcome())).append('\n');
            if (result.levels().isEmpty()) {
                statements(text, "    ", result.denies(), result.allows());
            }
            for (LevelResult level : result.levels()) {
                text.append("    ").append(level.target()).append(": ").append(words(level.outcome())).append('\n');
                statements(text, "      ", level.denies(), level.allows());
            }
        }
        if (!missingContextValues.isEmpty()) {
            text.append("  missing context values: ").append(String.join(", ", missingContextValues)).append('\n');
        }
        return text.toString();
    }

    private static void statements(StringBuilder text, String indent, List<Decision.MatchedStatement> denies,
                                   List<Decision.MatchedStatement> allows) {
        for (Decision.MatchedStatement deny : denies) {
            text.append(indent).append("Deny  ").append(deny.source()).append(" statement ").append(deny.sidOrIndex())
                    .append('\n');
        }
        for (Decision.MatchedStatement allow : allows) {
            text.append(indent).append("Allow ").append(allow.source()).append(" statement ")
                    .append(allow.sidOrIndex()).append('\n');
        }
    }

    private static String words(TypeOutcome outcome) {
        return switch (outcome) {
            case ALLOW -> "allow";
            case EXPLICIT_DENY -> "explicit deny";
            case IMPLICIT_DENY -> "implicit deny (no statement allows)";
            case NOT_APPLICABLE -> "not applicable";
        };
    }
}
