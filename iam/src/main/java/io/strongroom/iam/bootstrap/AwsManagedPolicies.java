package io.strongroom.iam.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;

/** The AWS-managed policies Strongroom provides, by name, with their documents. */
final class AwsManagedPolicies {
    static final String ADMINISTRATOR_ACCESS = "AdministratorAccess";

    private AwsManagedPolicies() {
    }

    static Map<String, Document> all() {
        Map<String, Document> policies = new LinkedHashMap<>();
        policies.put(ADMINISTRATOR_ACCESS, new Document("Provides full access to AWS services and resources.",
                allow("\"*\"")));
        policies.put("ReadOnlyAccess", new Document("Provides read-only access to AWS services and resources.",
                allow(readOnlyActions())));
        policies.put("IAMFullAccess", new Document("Provides full access to IAM.",
                allow("\"iam:*\"")));
        policies.put("IAMReadOnlyAccess", new Document("Provides read only access to IAM.",
                allow("[\"iam:GenerateCredentialReport\",\"iam:GenerateServiceLastAccessedDetails\",\"iam:Get*\","
                        + "\"iam:List*\",\"iam:SimulateCustomPolicy\",\"iam:SimulatePrincipalPolicy\"]")));
        return policies;
    }

    /** IAM allows no wildcard in a service prefix, so read-only access names each service. */
    private static String readOnlyActions() {
        String[] services = {"iam", "sts", "kms", "s3", "organizations", "cloudtrail", "config", "guardduty",
            "servicecatalog", "sagemaker", "ec2", "logs"};
        String[] verbs = {"Get*", "List*", "Describe*", "BatchGet*", "Head*", "LookupEvents"};
        StringBuilder actions = new StringBuilder("[");
        for (String service : services) {
            for (String verb : verbs) {
                actions.append(actions.length() > 1 ? "," : "").append('"').append(service).append(':').append(verb)
                        .append('"');
            }
        }
        return actions.append(']').toString();
    }

    record Document(String description, String json) {
    }

    private static String allow(String actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions
                + ",\"Resource\":\"*\"}]}";
    }
}
