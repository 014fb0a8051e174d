package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statements of a validated policy as written: effect, principals and conditions with their raw
 * values. For services that judge a policy rather than evaluate a request against it (S3 deciding
 * whether a bucket policy is public); the compiled form keeps none of this.
 */
public final class PolicyOutline {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyOutline() {
    }

    /**
     * One statement.
     *
     * @param allow        whether its Effect is Allow
     * @param notPrincipal whether it names principals with NotPrincipal
     * @param everyone     whether its (Not)Principal is {@code "*"} or includes {@code {"AWS": "*"}}
     * @param actions      the values of its Action or NotAction element
     * @param resources    the values of its Resource or NotResource element (empty when it has neither)
     * @param conditions   every operator-key pair of its Condition block
     */
    public record StatementOutline(boolean allow, boolean notPrincipal, boolean everyone, List<String> actions,
                                   List<String> resources, List<ConditionOutline> conditions) {
        public StatementOutline {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * One condition as written, e.g. operator {@code ForAnyValue:StringEqualsIfExists}, key {@code aws:SourceVpc}.
     */
    public record ConditionOutline(String operator, String key, List<String> values) {
        public ConditionOutline {
            requireNonNull(operator, "operator");
            requireNonNull(key, "key");
            values = List.copyOf(values);
        }
    }

    /** The statements of a document that {@link PolicyDocument#parse} accepted, in document order. */
    public static List<StatementOutline> of(PolicyDocument document) {
        JsonNode root;
        try {
            root = JSON.readTree(document.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed policy document is not JSON", e);
        }
        JsonNode statements = root.get("Statement");
        List<JsonNode> items = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(items::add);
        } else {
            items.add(statements);
        }
        List<StatementOutline> outlines = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            JsonNode principal = item.has("NotPrincipal") ? item.get("NotPrincipal") : item.get("Principal");
            JsonNode actions = item.has("NotAction") ? item.get("NotAction") : item.get("Action");
            JsonNode resources = item.has("NotResource") ? item.get("NotResource") : item.get("Resource");
            outlines.add(new StatementOutline("Allow".equals(item.path("Effect").asText()), item.has("NotPrincipal"),
                    principal != null && everyone(principal), actions == null ? List.of() : strings(actions),
                    resources == null ? List.of() : strings(resources), conditions(item.get("Condition"))));
        }
        return List.copyOf(outlines);
    }

    private static boolean everyone(JsonNode principal) {
        if (principal.isTextual()) {
            return principal.textValue().equals("*");
        }
        JsonNode aws = principal.get("AWS");
        if (aws == null) {
            return false;
        }
        for (String value : strings(aws)) {
            if (value.equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static List<ConditionOutline> conditions(JsonNode condition) {
        if (condition == null) {
            return List.of();
        }
        List<ConditionOutline> outlines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operator : condition.properties()) {
            for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
                outlines.add(new ConditionOutline(operator.getKey(), key.getKey(), strings(key.getValue())));
            }
        }
        return outlines;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
