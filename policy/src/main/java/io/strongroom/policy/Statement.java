package io.strongroom.policy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/**
 * One compiled statement. A statement speaks about a request when its action and resource match
 * ({@link #targets}), its principal names the caller (resource-based policies only, {@link #principalMatch})
 * and every condition clause holds ({@link #conditionsHold}); the cheapest test goes first.
 */
final class Statement {
    private static final Comparator<ConditionClause> CHEAPEST_FIRST = Comparator.comparingInt(ConditionClause::cost);

    private final String sidOrIndex;
    private final Effect effect;
    private final PrincipalMatcher principal;
    private final boolean notPrincipal;
    private final PatternList actions;
    private final boolean notAction;
    private final PatternList resources;
    private final boolean notResource;
    /** Evaluation order: cheapest first (stable, so equal costs keep the document's order). */
    private final ConditionClause[] conditions;
    /** The document's order, for explanations. */
    private final ConditionClause[] documentConditions;
    private final Set<String> actionServices;

    /**
     * @param actions action patterns compiled lower-case and case-sensitive: requests present their action
     *                lower-cased once ({@link EvaluationContext#action()})
     */
    Statement(String sid, int index, Effect effect, PrincipalMatcher principal, boolean notPrincipal,
              PatternList actions, boolean notAction, PatternList resources, boolean notResource,
              ConditionClause[] conditions) {
        this.sidOrIndex = sid != null ? sid : Integer.toString(index);
        this.effect = effect;
        this.principal = principal;
        this.notPrincipal = notPrincipal;
        this.actions = actions;
        this.notAction = notAction;
        this.resources = resources;
        this.notResource = notResource;
        this.documentConditions = conditions.clone();
        this.conditions = conditions.clone();
        Arrays.sort(this.conditions, CHEAPEST_FIRST);
        this.actionServices = notAction ? null : actions.services();
    }

    /** Lower-cased services the Action element names; null when it can match any service. */
    Set<String> actionServices() {
        return actionServices;
    }

    Effect effect() {
        return effect;
    }

    /** The Sid when the statement has one, else its zero-based position in the Statement array. */
    String sidOrIndex() {
        return sidOrIndex;
    }

    /** Whether the Action (NotAction) and Resource (NotResource) elements cover the request. */
    boolean targets(EvaluationContext context) {
        if (actions.matches(context.action(), context) == notAction) {
            return false;
        }
        return resources == null || resources.matches(context.resource(), context) != notResource;
    }

    /**
     * How the Principal or NotPrincipal element names the caller ({@link PrincipalMatcher#NONE} when it does
     * not, or when the statement has no Principal: identity-style documents never apply to a caller).
     *
     * @param callerHasBoundary IAM's documented behaviour: a Deny with NotPrincipal applies to every principal
     *                          that has a permissions boundary, whatever the NotPrincipal element names
     */
    int principalMatch(RequestPrincipal caller, boolean callerHasBoundary) {
        if (principal == null) {
            return PrincipalMatcher.NONE;
        }
        if (notPrincipal) {
            if (effect == Effect.DENY && callerHasBoundary) {
                return PrincipalMatcher.DIRECT;
            }
            return principal.namesEveryIdentityOf(caller) ? PrincipalMatcher.NONE : PrincipalMatcher.DIRECT;
        }
        return principal.match(caller);
    }

    boolean conditionsHold(EvaluationContext context) {
        for (ConditionClause condition : conditions) {
            if (!condition.evaluate(context)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the condition keys this statement tests that the request does not carry, as the policy spells
     * them, keyed by their lower-case form so each key is named once.
     */
    void collectMissingKeys(EvaluationContext context, Map<String, String> missing) {
        for (ConditionClause condition : documentConditions) {
            if (context.isAbsent(condition.lowerCaseKey())) {
                missing.putIfAbsent(condition.lowerCaseKey(), condition.key());
            }
        }
    }
}
