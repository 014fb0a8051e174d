package io.strongroom.audit;

/**
 * An audit record could not be made durable. The call it describes must not be reported as a
 * success: a response without its record is what the audit trail exists to prevent.
 */
public final class AuditUnavailableException extends RuntimeException {
    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
