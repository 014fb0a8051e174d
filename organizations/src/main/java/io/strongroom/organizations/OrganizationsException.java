package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import java.util.Optional;

/**
 * An Organizations error. ConstraintViolationException and InvalidInputException carry a
 * {@code Reason} member (the model's ConstraintViolationExceptionReason / InvalidInputExceptionReason),
 * which the protocol renders beside the message.
 */
public final class OrganizationsException extends AwsException {
    private final String reason;

    public OrganizationsException(String code, String message) {
        this(code, message, null, null);
    }

    public OrganizationsException(String code, String message, String reason) {
        this(code, message, requireNonNull(reason, "reason"), null);
    }

    OrganizationsException(String code, String message, String reason, Throwable cause) {
        super(code, 400, message, cause);
        this.reason = reason;
    }

    /** The Reason member, when the error shape has one. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
