package io.strongroom.policy;

/** How IAM's AccessDenied messages name each policy type. */
final class PolicyTypeWording {
    private PolicyTypeWording() {
    }

    static String name(PolicyType type) {
        return switch (type) {
            case IDENTITY -> "identity-based policy";
            case RESOURCE -> "resource-based policy";
            case PERMISSIONS_BOUNDARY -> "permissions boundary";
            case SESSION -> "session policy";
            case SERVICE_CONTROL -> "service control policy";
            case RESOURCE_CONTROL -> "resource control policy";
        };
    }

    static String withArticle(PolicyType type) {
        return (type == PolicyType.IDENTITY ? "an " : "a ") + name(type);
    }
}
