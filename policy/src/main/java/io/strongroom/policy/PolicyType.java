package io.strongroom.policy;

/**
 * The policy types of the AWS evaluation logic. The principal's own ({@link PolicySet}): IDENTITY,
 * PERMISSIONS_BOUNDARY, SESSION; the request's surroundings ({@link AccessScope}): RESOURCE, SERVICE_CONTROL
 * (the caller account's SCP chain) and RESOURCE_CONTROL (the resource account's RCP chain).
 */
public enum PolicyType {
    IDENTITY,
    RESOURCE,
    PERMISSIONS_BOUNDARY,
    SESSION,
    SERVICE_CONTROL,
    RESOURCE_CONTROL
}
