package io.strongroom.protocol.json.fake;

import io.strongroom.core.AwsException;

/**
 * A domain error that knows its reason but not the protocol, as a domain module's exception
 * would: the service's error-members hook turns the reason into a {@code Reason} member.
 */
final class WidgetQuotaException extends AwsException {
    private final String reason;

    WidgetQuotaException(String reason) {
        super("ConstraintViolationException", 400, "You have too many widgets");
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
