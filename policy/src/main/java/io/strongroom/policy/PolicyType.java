package io.strongroom.policy;

/** The policy types of the AWS evaluation logic. Only IDENTITY is fed by the foundation; the rest follow. */
public enum PolicyType {
    IDENTITY,
    RESOURCE,
    PERMISSIONS_BOUNDARY,
    SESSION,
    SERVICE_CONTROL,
    RESOURCE_CONTROL
}
