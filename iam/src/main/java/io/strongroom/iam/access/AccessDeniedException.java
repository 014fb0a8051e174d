package io.strongroom.iam.access;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.policy.Decision;

/**
 * The caller may not do what it asked. IAM and STS answer {@code AccessDenied} (403); services
 * with their own code for it (KMS: {@code AccessDeniedException}) map it from here, and audit
 * reads the {@link Decision} to name the statement that decided.
 */
public class AccessDeniedException extends AwsException {
    private final transient Decision decision;
    private final String action;
    private final String resource;

    public AccessDeniedException(String message, Decision decision, String action, String resource) {
        super("AccessDenied", 403, message);
        this.decision = requireNonNull(decision, "decision");
        this.action = requireNonNull(action, "action");
        this.resource = requireNonNull(resource, "resource");
    }

    public Decision decision() {
        return decision;
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }
}
