package io.strongroom.organizations;

import java.util.Optional;

/**
 * The policy types Strongroom supports, named as the model's PolicyType enum names them. The
 * model's other types (TAG_POLICY, BACKUP_POLICY…) are valid input that this organization does not offer.
 */
public enum OrganizationPolicyType {
    SERVICE_CONTROL_POLICY("service_control_policy"),
    RESOURCE_CONTROL_POLICY("resource_control_policy");

    private final String arnSegment;

    OrganizationPolicyType(String arnSegment) {
        this.arnSegment = arnSegment;
    }

    /** The lower-case form policy ARNs carry: {@code …:policy/o-…/service_control_policy/p-…}. */
    public String arnSegment() {
        return arnSegment;
    }

    /** The supported type of this wire name, or empty. */
    public static Optional<OrganizationPolicyType> fromWireName(String name) {
        for (OrganizationPolicyType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
