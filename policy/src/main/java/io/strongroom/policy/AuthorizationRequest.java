package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One question to the evaluator: may this principal perform this action on this resource, given
 * these condition-key values?
 *
 * @param action        {@code service:Operation}, for example {@code iam:CreateUser}
 * @param resource      the resource ARN, or {@code *} for actions without a resource
 * @param conditionKeys every known condition key and its values ({@code aws:username},
 *                      {@code aws:SourceIp}, {@code aws:PrincipalTag/team}…); keys are matched
 *                      case-insensitively (also by {@code conditionKeys().get}), values as the operator says.
 *                      Multi-valued keys such as {@code aws:TagKeys} carry several values.
 */
public record AuthorizationRequest(String action, String resource, Map<String, List<String>> conditionKeys) {

    public AuthorizationRequest {
        requireNonNull(action, "action");
        requireNonNull(resource, "resource");
        requireNonNull(conditionKeys, "conditionKeys");
        conditionKeys = conditionKeys instanceof ConditionKeyMap ready ? ready : new ConditionKeyMap(conditionKeys);
    }

    /** A request without condition keys. */
    public AuthorizationRequest(String action, String resource) {
        this(action, resource, Map.of());
    }

    /** The values of a condition key, looked up case-insensitively; empty when the key is absent. */
    public Optional<List<String>> values(String key) {
        return Optional.ofNullable(conditionKeys.get(key));
    }

    /** The same request about another action and resource (condition keys shared, not copied). */
    public AuthorizationRequest withTarget(String otherAction, String otherResource) {
        return new AuthorizationRequest(otherAction, otherResource, conditionKeys);
    }

    ConditionKeyMap context() {
        return (ConditionKeyMap) conditionKeys;
    }
}
