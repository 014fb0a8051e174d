package io.strongroom.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates and compiles one statement object of a policy document. */
final class StatementParser {
    private static final Set<String> ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Pattern SID = Pattern.compile("[0-9A-Za-z]*");
    private static final Pattern VENDOR = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern ACTION_NAME = Pattern.compile("[A-Za-z0-9_*?-]+");

    private final PolicyKind kind;
    private final boolean variables;
    private final ConditionParser conditions;

    StatementParser(PolicyKind kind, boolean variables) {
        this.kind = kind;
        this.variables = variables;
        this.conditions = new ConditionParser(variables);
    }

    Statement parse(JsonNode node, int index) {
        String where = "statement " + (index + 1);
        if (!node.isObject()) {
            throw PolicyErrors.syntax("Each statement must be an object; " + where + " is not.");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ELEMENTS.contains(name)) {
                throw PolicyErrors.syntax("Unknown element " + name + " in " + where + ".");
            }
        }
        String sid = sid(node.get("Sid"), where);
        Effect effect = effect(node.get("Effect"), where);
        if (kind == PolicyKind.RESOURCE_CONTROL) {
            resourceControlRules(node, effect, where);
        }
        PrincipalMatcher principal = principal(node, where);
        boolean notPrincipal = node.has("NotPrincipal");

        JsonNode action = exactlyOne(node, "Action", "NotAction", where);
        if (action == null) {
            throw PolicyErrors.of("Policy statement must contain actions.");
        }
        PatternList actions = actions(action, node.has("NotAction") ? "NotAction" : "Action", where);

        JsonNode resource = exactlyOne(node, "Resource", "NotResource", where);
        PatternList resources = null;
        if (kind == PolicyKind.TRUST) {
            if (resource != null) {
                throw PolicyErrors.of("Has prohibited field " + (node.has("Resource") ? "Resource" : "NotResource"));
            }
        } else if (resource == null) {
            throw PolicyErrors.of("Policy statement must contain resources.");
        } else {
            resources = resources(resource, node.has("NotResource") ? "NotResource" : "Resource", where);
        }
        JsonNode condition = node.get("Condition");
        ConditionClause[] clauses = condition == null ? new ConditionClause[0] : conditions.parse(condition, where);
        return new Statement(sid, index, effect, principal, notPrincipal, actions, node.has("NotAction"),
                resources, node.has("NotResource"), clauses);
    }

    /** What AWS accepts in a customer RCP beyond a resource policy's grammar. */
    private static void resourceControlRules(JsonNode node, Effect effect, String where) {
        if (effect != Effect.DENY) {
            throw PolicyErrors.of("Resource control policies support only Deny statements; " + where + " allows.");
        }
        if (node.has("NotPrincipal") || node.has("NotAction")) {
            throw PolicyErrors.of("Resource control policies do not support "
                    + (node.has("NotPrincipal") ? "NotPrincipal" : "NotAction") + " (" + where + ").");
        }
        JsonNode principal = node.get("Principal");
        if (principal == null || !principal.isTextual() || !principal.textValue().equals("*")) {
            throw PolicyErrors.of("Resource control policies support only \"Principal\": \"*\" (" + where + ").");
        }
    }

    /**
     * IAM requires alphanumeric Sids in the policies it stores (identity and trust policies, and
     * Organizations in its own); resource policies of other services (KMS key policies, bucket
     * policies) take any string, and AWS's own default key policy has spaces in its Sid.
     */
    private String sid(JsonNode node, String where) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw PolicyErrors.syntax("Sid in " + where + " must be a string.");
        }
        if (kind != PolicyKind.RESOURCE && !SID.matcher(node.textValue()).matches()) {
            throw PolicyErrors.of("Statement IDs (SID) must be alpha-numeric. Check that your input satisfies"
                    + " the regular expression [0-9A-Za-z]*");
        }
        return node.textValue().isEmpty() ? null : node.textValue();
    }

    private static Effect effect(JsonNode node, String where) {
        if (node == null) {
            throw PolicyErrors.of("Missing required field Effect in " + where + ".");
        }
        if (!node.isTextual()) {
            throw PolicyErrors.syntax("Effect in " + where + " must be a string.");
        }
        return switch (node.textValue()) {
            case "Allow" -> Effect.ALLOW;
            case "Deny" -> Effect.DENY;
            default -> throw PolicyErrors.of("Invalid effect: " + node.textValue()
                    + ". Effect must be \"Allow\" or \"Deny\".");
        };
    }

    private PrincipalMatcher principal(JsonNode node, String where) {
        JsonNode principal = exactlyOne(node, "Principal", "NotPrincipal", where);
        if (kind == PolicyKind.IDENTITY) {
            if (principal != null) {
                throw PolicyErrors.of("Policy document should not specify a principal.");
            }
            return null;
        }
        if (principal == null) {
            throw PolicyErrors.of("Missing required field Principal in " + where + ".");
        }
        return PrincipalParser.parse(principal, node.has("NotPrincipal") ? "NotPrincipal" : "Principal", where);
    }

    private static JsonNode exactlyOne(JsonNode node, String positive, String negative, String where) {
        JsonNode a = node.get(positive);
        JsonNode b = node.get(negative);
        if (a != null && b != null) {
            throw PolicyErrors.syntax(where + " must not contain both " + positive + " and " + negative + ".");
        }
        return a != null ? a : b;
    }

    private static PatternList actions(JsonNode node, String element, String where) {
        List<String> values = Scalars.strings(node, element, where);
        if (values.isEmpty()) {
            throw PolicyErrors.of("Policy statement must contain actions.");
        }
        List<WildcardPattern> patterns = new ArrayList<>();
        for (String action : values) {
            if (!action.equals("*")) {
                int colon = action.indexOf(':');
                if (colon < 0) {
                    throw PolicyErrors.of("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
                            + " (" + action + ")");
                }
                if (action.indexOf(':', colon + 1) >= 0) {
                    throw PolicyErrors.of("Actions/Condition can contain only one colon. (" + action + ")");
                }
                String vendor = action.substring(0, colon);
                String name = action.substring(colon + 1);
                if (!VENDOR.matcher(vendor).matches()) {
                    throw PolicyErrors.of("Vendor " + vendor + " is not valid (" + action
                            + "): a vendor is letters, digits and hyphens, without wildcards.");
                }
                if (!ACTION_NAME.matcher(name).matches()) {
                    throw PolicyErrors.of("Action " + action + " is not valid: the name after the colon is letters,"
                            + " digits and the wildcards * and ?.");
                }
            }
            // Lower-cased here and matched case-sensitively against the request's lower-cased action.
            patterns.add(WildcardPattern.glob(ActionNames.lowerCase(action), false, false));
        }
        return new PatternList(patterns);
    }

    private PatternList resources(JsonNode node, String element, String where) {
        List<String> values = Scalars.strings(node, element, where);
        if (values.isEmpty()) {
            throw PolicyErrors.of("Policy statement must contain resources.");
        }
        List<WildcardPattern> patterns = new ArrayList<>();
        for (String resource : values) {
            validateResource(resource);
            patterns.add(WildcardPattern.glob(resource, variables, false));
        }
        return new PatternList(patterns);
    }

    private static void validateResource(String resource) {
        if (resource.equals("*")) {
            return;
        }
        String[] parts = resource.split(":", 6);
        if (!parts[0].equals("arn") || parts.length < 3 || (parts.length < 6 && !resource.endsWith("*"))) {
            throw PolicyErrors.of("Resource " + resource + " must be in ARN format or \"*\".");
        }
        if (parts[1].isEmpty() || parts[2].isEmpty() || parts[2].indexOf('*') >= 0 || parts[2].indexOf('?') >= 0) {
            throw PolicyErrors.of("Resource vendor must be fully qualified and cannot contain regexes. (" + resource + ")");
        }
    }
}
