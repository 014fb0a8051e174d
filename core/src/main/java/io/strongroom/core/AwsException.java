package io.strongroom.core;

import static java.util.Objects.requireNonNull;

/**
 * A failure the client sees: an AWS error code, the HTTP status AWS uses for it and a message.
 * Protocol adapters render it in the service's own error shape; nothing else about it is exposed.
 */
public class AwsException extends RuntimeException {
    private final String code;
    private final int httpStatus;

    public AwsException(String code, int httpStatus, String message) {
        super(requireNonNull(message, "message"));
        this.code = requireNonNull(code, "code");
        this.httpStatus = httpStatus;
    }

    public AwsException(String code, int httpStatus, String message, Throwable cause) {
        this(code, httpStatus, message);
        initCause(cause);
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** AWS calls 4xx errors the sender's fault and 5xx errors the receiver's. */
    public boolean senderFault() {
        return httpStatus < 500;
    }

    public static AwsException accessDenied(String message) {
        return new AwsException("AccessDenied", 403, message);
    }

    public static AwsException validation(String message) {
        return new AwsException("ValidationError", 400, message);
    }

    public static AwsException internal(String message, Throwable cause) {
        return new AwsException("InternalFailure", 500, message, cause);
    }
}
