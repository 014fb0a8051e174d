package io.strongroom.audit.trails;

import io.strongroom.core.AwsException;

/** A CloudTrail error: one of the 2013-11-01 model's exception codes, all HTTP 400, with a message. */
public final class CloudTrailException extends AwsException {
    public CloudTrailException(String code, String message) {
        super(code, 400, message);
    }
}
