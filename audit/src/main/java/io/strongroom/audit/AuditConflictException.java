package io.strongroom.audit;

/**
 * A write to the audit store collided with the stored state: records that do not continue the
 * chain head, a second digest for the same interval start, a signing key id already taken. The
 * write changes nothing.
 */
public class AuditConflictException extends RuntimeException {
    public AuditConflictException(String message) {
        super(message);
    }
}
