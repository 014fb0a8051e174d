package io.strongroom.testing;

/** Small IAM policy documents for the end-to-end tests. */
final class Policies {

    private Policies() {
    }

    static String allow(String action, String resource) {
        return document(statement("Allow", action, resource, ""));
    }

    static String deny(String action, String resource) {
        return document(statement("Deny", action, resource, ""));
    }

    static String allowIf(String action, String resource, String conditionJson) {
        return document(statement("Allow", action, resource, conditionJson));
    }

    static String document(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String statement(String effect, String action, String resource, String conditionJson) {
        return "{\"Effect\":\"" + effect + "\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\""
                + (conditionJson.isEmpty() ? "" : ",\"Condition\":" + conditionJson) + "}";
    }

    /** A trust policy letting principals of {@code accountId} assume the role, optionally requiring an external id. */
    static String trustAccount(String accountId) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + accountId + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    static String trustAccountWithExternalId(String accountId, String externalId) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + accountId + ":root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":"
                + "{\"sts:ExternalId\":\"" + externalId + "\"}}}]}";
    }

    static String trustPrincipal(String principalArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principalArn + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }
}
