package io.strongroom.organizations;

import java.util.Set;

/** Every value of the model's PolicyType enum, supported here or not. */
final class ModelPolicyTypes {
    private static final Set<String> ALL = Set.of("SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY", "TAG_POLICY",
            "BACKUP_POLICY", "AISERVICES_OPT_OUT_POLICY", "CHATBOT_POLICY", "DECLARATIVE_POLICY_EC2",
            "SECURITYHUB_POLICY", "INSPECTOR_POLICY", "UPGRADE_ROLLOUT_POLICY", "BEDROCK_POLICY", "S3_POLICY",
            "NETWORK_SECURITY_DIRECTOR_POLICY");

    private ModelPolicyTypes() {
    }

    static boolean isModelType(String value) {
        return ALL.contains(value);
    }
}
