package io.strongroom.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a Principal / NotPrincipal element into a {@link PrincipalMatcher}. */
final class PrincipalParser {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern AWS_PRINCIPAL_ARN =
            Pattern.compile("arn:[a-z0-9-]+:(iam|sts)::\\d{12}:[^*?\\s]+");

    private PrincipalParser() {
    }

    static PrincipalMatcher parse(JsonNode node, String element, String where) {
        if (node.isTextual()) {
            if (node.textValue().equals("*")) {
                return PrincipalMatcher.EVERYONE;
            }
            throw invalid(node.textValue());
        }
        if (!node.isObject() || node.isEmpty()) {
            throw PolicyErrors.syntax(element + " in " + where + " must be \"*\" or a map of principal types.");
        }
        boolean anyAws = false;
        Set<String> aws = new LinkedHashSet<>();
        Set<String> services = new LinkedHashSet<>();
        Set<String> federated = new LinkedHashSet<>();
        Set<String> canonical = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String type = entry.getKey();
            for (String value : Scalars.strings(entry.getValue(), element + "." + type, where)) {
                switch (type) {
                    case "AWS" -> {
                        if (value.equals("*")) {
                            anyAws = true;
                        } else if (ACCOUNT_ID.matcher(value).matches()) {
                            aws.add(RequestPrincipal.accountRoot(value));
                        } else if (AWS_PRINCIPAL_ARN.matcher(value).matches()) {
                            aws.add(value);
                        } else {
                            throw invalid("\"AWS\":\"" + value + "\"");
                        }
                    }
                    case "Service" -> services.add(requireConcrete(type, value));
                    case "Federated" -> federated.add(requireConcrete(type, value));
                    case "CanonicalUser" -> canonical.add(requireConcrete(type, value));
                    default -> throw invalid("\"" + type + "\":\"" + value + "\"");
                }
            }
        }
        return new PrincipalMatcher(false, anyAws, Set.copyOf(aws), Set.copyOf(services), Set.copyOf(federated),
                Set.copyOf(canonical));
    }

    private static String requireConcrete(String type, String value) {
        if (value.isBlank() || value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
            throw invalid("\"" + type + "\":\"" + value + "\"");
        }
        return value;
    }

    private static MalformedPolicyDocumentException invalid(String what) {
        return PolicyErrors.of("Invalid principal in policy: " + what);
    }
}
