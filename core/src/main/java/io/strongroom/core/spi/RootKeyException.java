package io.strongroom.core.spi;

/** A root-key operation failed: a blob is not authentic, a version is unknown, the HSM refused. */
public class RootKeyException extends RuntimeException {
    public RootKeyException(String message) {
        super(message);
    }

    public RootKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
