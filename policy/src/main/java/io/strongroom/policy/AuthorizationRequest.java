package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One question to the evaluator: may this principal perform this action on this resource, given
 * these condition-key values?
 *
 * @param action        {@code service:Operation}, for example {@code iam:CreateUser}
 * @param resource      the resource ARN, or {@code *} for actions without a resource
 * @param conditionKeys every known condition key and its values ({@code aws:username},
 *                      {@code aws:SourceIp}, {@code aws:PrincipalTag/team}…); keys are matched
 *                      case-insensitively, values case-sensitively as the operator says
 */
public record AuthorizationRequest(String action, String resource, Map<String, List<String>> conditionKeys) {

    public AuthorizationRequest {
        requireNonNull(action, "action");
        requireNonNull(resource, "resource");
        TreeMap<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        conditionKeys.forEach((k, v) -> keys.put(k, List.copyOf(v)));
        conditionKeys = java.util.Collections.unmodifiableMap(keys);
    }

    /** The values of a condition key, looked up case-insensitively; empty when the key is absent. */
    public Optional<List<String>> values(String key) {
        return Optional.ofNullable(conditionKeys.get(key.toLowerCase(Locale.ROOT)))
                .or(() -> Optional.ofNullable(conditionKeys.get(key)));
    }
}
