package io.strongroom.sigv4;

import io.strongroom.sigv4.SigV4Exception.Reason;
import java.time.Duration;
import java.time.Instant;

/**
 * When a signature may be used: header signatures within 15 minutes of the server clock either way;
 * presigned ones from 15 minutes before X-Amz-Date until X-Amz-Date + X-Amz-Expires. The credential
 * scope date must be the request's UTC date.
 */
final class RequestTimeWindow {
    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private RequestTimeWindow() {
    }

    static void check(ParsedSignature parsed, Instant now) {
        if (!parsed.scope().date().equals(AmzDates.utcDate(parsed.requestTime()))) {
            throw new SigV4Exception(parsed.malformedReason(), "Invalid credential date. Date is not the same as "
                    + (parsed.presigned() ? "X-Amz-Date." : "the request date."));
        }
        if (parsed.presigned()) {
            checkPresigned(parsed, now);
        } else {
            checkSkew(parsed.requestTime(), now);
        }
    }

    private static void checkSkew(Instant requestTime, Instant now) {
        Instant earliest = now.minus(MAX_SKEW);
        Instant latest = now.plus(MAX_SKEW);
        if (requestTime.isBefore(earliest)) {
            throw new SigV4Exception(Reason.REQUEST_EXPIRED, "Signature expired: " + format(requestTime)
                    + " is now earlier than " + format(earliest) + " (" + format(now) + " - 15 min.)");
        }
        if (requestTime.isAfter(latest)) {
            throw new SigV4Exception(Reason.REQUEST_EXPIRED, "Signature not yet current: " + format(requestTime)
                    + " is still later than " + format(latest) + " (" + format(now) + " + 15 min.)");
        }
    }

    private static void checkPresigned(ParsedSignature parsed, Instant now) {
        Instant signedAt = parsed.requestTime();
        if (now.isBefore(signedAt.minus(MAX_SKEW))) {
            throw new SigV4Exception(Reason.PRESIGN_NOT_YET_VALID, "Request is not valid yet");
        }
        Instant expiresAt = signedAt.plus(parsed.expires().orElseThrow());
        if (now.isAfter(expiresAt)) {
            throw new SigV4Exception(Reason.PRESIGN_EXPIRED, "Request has expired");
        }
    }

    private static String format(Instant instant) {
        return AmzDates.formatDateTime(instant);
    }
}
