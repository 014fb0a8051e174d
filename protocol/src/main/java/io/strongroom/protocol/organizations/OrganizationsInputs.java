package io.strongroom.protocol.organizations;

import io.strongroom.organizations.PageRequest;
import io.strongroom.protocol.json.Constraint;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.StringConstraints;

/**
 * The constraints of the Organizations 2016-11-28 model's input shapes, spelled as the model spells
 * them (its patterns are not implicitly anchored; the service checks ids strictly again), and the
 * readers of members several operations share.
 */
final class OrganizationsInputs {
    static final StringConstraints ACCOUNT_ID = StringConstraints.length(0, 12).pattern("^\\d{12}$");
    static final StringConstraints ROOT_ID = StringConstraints.length(0, 34).pattern("^r-[0-9a-z]{4,32}$");
    static final StringConstraints ORGANIZATIONAL_UNIT_ID = StringConstraints.length(0, 68)
            .pattern("^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$");
    static final StringConstraints PARENT_ID = StringConstraints.length(0, 100)
            .pattern("^(r-[0-9a-z]{4,32})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$");
    static final StringConstraints CHILD_ID = StringConstraints.length(0, 100)
            .pattern("^(\\d{12})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$");
    static final StringConstraints POLICY_TARGET_ID = StringConstraints.length(0, 100)
            .pattern("^(r-[0-9a-z]{4,32})|(\\d{12})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$");
    static final StringConstraints POLICY_ID = StringConstraints.length(0, 130).pattern("^p-[0-9a-zA-Z_]{8,128}$");
    static final StringConstraints CREATE_ACCOUNT_REQUEST_ID = StringConstraints.length(0, 36)
            .pattern("^car-[a-z0-9]{8,32}$");

    static final StringConstraints EMAIL = StringConstraints.length(6, 64).pattern("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    static final StringConstraints CREATE_ACCOUNT_NAME = StringConstraints.length(1, 50).pattern("[\\u0020-\\u007E]+");
    static final StringConstraints ROLE_NAME = StringConstraints.length(0, 64).pattern("[\\w+=,.@-]{1,64}");
    static final StringConstraints IAM_USER_ACCESS_TO_BILLING = StringConstraints.oneOf("ALLOW", "DENY");
    static final StringConstraints CREATE_ACCOUNT_STATE = StringConstraints.oneOf("IN_PROGRESS", "SUCCEEDED", "FAILED");

    // The model's pattern for names, descriptions and content is [\s\S]*, which every string matches.
    static final StringConstraints ORGANIZATIONAL_UNIT_NAME = StringConstraints.length(1, 128);
    static final StringConstraints POLICY_NAME = StringConstraints.length(1, 128);
    static final StringConstraints POLICY_DESCRIPTION = StringConstraints.length(0, 512);
    static final StringConstraints POLICY_CONTENT = StringConstraints.length(1, Integer.MAX_VALUE);

    /** Every PolicyType of the model; the service tells the ones it offers from the ones it does not. */
    static final StringConstraints POLICY_TYPE = StringConstraints.oneOf("SERVICE_CONTROL_POLICY",
            "RESOURCE_CONTROL_POLICY", "TAG_POLICY", "BACKUP_POLICY", "AISERVICES_OPT_OUT_POLICY", "CHATBOT_POLICY",
            "DECLARATIVE_POLICY_EC2", "SECURITYHUB_POLICY", "INSPECTOR_POLICY", "UPGRADE_ROLLOUT_POLICY",
            "BEDROCK_POLICY", "S3_POLICY", "NETWORK_SECURITY_DIRECTOR_POLICY");
    static final StringConstraints CHILD_TYPE = StringConstraints.oneOf("ACCOUNT", "ORGANIZATIONAL_UNIT");

    static final StringConstraints NEXT_TOKEN = StringConstraints.length(0, 100_000);
    static final int MIN_RESULTS = 1;
    static final int MAX_RESULTS = 20;

    private OrganizationsInputs() {
    }

    /** NextToken and MaxResults (1 to 20) of a listing. */
    static PageRequest page(JsonInput in) {
        return new PageRequest(in.string("NextToken", NEXT_TOKEN), in.integer("MaxResults", MIN_RESULTS, MAX_RESULTS));
    }

    /**
     * Refuses tags on a create call: the service does not store them, and a caller must not believe
     * they were set (conditions on resource tags would silently never match). An empty list asks for
     * nothing and is accepted.
     */
    static void refuseTags(JsonInput in) {
        if (!in.objectList("Tags").isEmpty()) {
            throw in.violation(Constraint.UNSUPPORTED, "Tags",
                    "Tags are not supported: this organization does not store tags on its resources");
        }
    }
}
