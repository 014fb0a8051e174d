package io.strongroom.policy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders shared by the policy tests. */
final class Policies {
    private Policies() {
    }

    /** A 2012-10-17 identity policy with one Allow statement on s3:GetObject and the given condition. */
    static PolicyDocument allowWithCondition(String conditionJson) {
        return PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject",
                 "Resource":"*","Condition":%s}}""".formatted(conditionJson));
    }

    static NamedPolicy identity(String source, String json) {
        return new NamedPolicy(PolicyType.IDENTITY, source, PolicyDocument.parse(json));
    }

    static NamedPolicy named(PolicyType type, String source, String json) {
        return new NamedPolicy(type, source, PolicyDocument.parse(json));
    }

    /** Condition keys from alternating key, value pairs; a value "a|b" is the multi-valued [a, b]. */
    static Map<String, List<String>> keys(String... pairs) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            keys.put(pairs[i], pairs[i + 1].isEmpty() ? List.of() : Arrays.asList(pairs[i + 1].split("\\|")));
        }
        return keys;
    }

    static boolean allows(PolicyDocument document, AuthorizationRequest request) {
        return new PolicyEvaluator()
                .evaluate(request, PolicySet.identityOnly(List.of(new NamedPolicy(PolicyType.IDENTITY, "test", document))))
                .allowed();
    }
}
