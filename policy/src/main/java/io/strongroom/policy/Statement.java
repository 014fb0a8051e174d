package io.strongroom.policy;

import java.util.Set;

/**
 * One compiled statement. {@link #applies} answers "does this statement speak about this request":
 * principal, action, resource and every condition clause must hold (the cheapest test goes first).
 */
final class Statement {
    private final String sid;
    private final int index;
    private final Effect effect;
    private final PrincipalMatcher principal;
    private final boolean notPrincipal;
    private final PatternList actions;
    private final boolean notAction;
    private final PatternList resources;
    private final boolean notResource;
    private final ConditionClause[] conditions;
    private final Set<String> actionServices;

    Statement(String sid, int index, Effect effect, PrincipalMatcher principal, boolean notPrincipal,
              PatternList actions, boolean notAction, PatternList resources, boolean notResource,
              ConditionClause[] conditions) {
        this.sid = sid;
        this.index = index;
        this.effect = effect;
        this.principal = principal;
        this.notPrincipal = notPrincipal;
        this.actions = actions;
        this.notAction = notAction;
        this.resources = resources;
        this.notResource = notResource;
        this.conditions = conditions;
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
        return sid != null ? sid : Integer.toString(index);
    }

    boolean hasPrincipal() {
        return principal != null;
    }

    /**
     * @param caller null for identity-based evaluation, where the Principal element does not exist
     */
    boolean applies(String action, String resource, EvaluationContext context, RequestPrincipal caller) {
        if (actions.matches(action, context) == notAction) {
            return false;
        }
        if (resources != null && resources.matches(resource, context) == notResource) {
            return false;
        }
        if (caller != null) {
            if (principal == null || principal.matches(caller) == notPrincipal) {
                return false;
            }
        }
        for (ConditionClause condition : conditions) {
            if (!condition.evaluate(context)) {
                return false;
            }
        }
        return true;
    }
}
