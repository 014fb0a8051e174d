package io.strongroom.sigv4;

import io.strongroom.sigv4.SigV4Exception.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the presigned (query-string) form: {@code X-Amz-Algorithm}, {@code X-Amz-Credential},
 * {@code X-Amz-Date}, {@code X-Amz-Expires}, {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature} and
 * the optional {@code X-Amz-Security-Token}.
 */
final class PresignedQueryParser {
    static final String ALGORITHM = "X-Amz-Algorithm";
    static final String CREDENTIAL = "X-Amz-Credential";
    static final String DATE = "X-Amz-Date";
    static final String EXPIRES = "X-Amz-Expires";
    static final String SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String SIGNATURE = "X-Amz-Signature";
    static final String SECURITY_TOKEN = "X-Amz-Security-Token";
    /** Parameters whose presence marks a request as using the query-string form. */
    static final List<String> MARKERS = List.of(ALGORITHM, CREDENTIAL, SIGNATURE, SIGNED_HEADERS);
    static final long MAX_EXPIRES_SECONDS = 604_800; // seven days

    private PresignedQueryParser() {
    }

    static boolean isPresigned(QueryParameters query) {
        return MARKERS.stream().anyMatch(query::contains);
    }

    /** @throws SigV4Exception with {@link Reason#MALFORMED_QUERY_AUTH} when a parameter is missing or malformed */
    static ParsedSignature parse(QueryParameters query) {
        try {
            String algorithm = required(query, ALGORITHM);
            if (!AuthorizationHeaderParser.ALGORITHM.equals(algorithm)) {
                throw new IllegalArgumentException(
                        "X-Amz-Algorithm only supports \"" + AuthorizationHeaderParser.ALGORITHM + "\".");
            }
            Credential credential = Credential.parse(required(query, CREDENTIAL));
            Instant requestTime = AmzDates.parseDateTime(required(query, DATE));
            Duration expires = expires(required(query, EXPIRES));
            List<String> signedHeaders = SignedHeaderNames.parse(required(query, SIGNED_HEADERS));
            String signature = required(query, SIGNATURE);
            Hex.decodeSha256(signature);
            Optional<String> sessionToken = query.single(SECURITY_TOKEN);
            return new ParsedSignature(credential.accessKeyId(), credential.scope(), signedHeaders,
                    signature.toLowerCase(Locale.ROOT), requestTime, true, Optional.of(expires), sessionToken);
        } catch (IllegalArgumentException e) {
            throw new SigV4Exception(Reason.MALFORMED_QUERY_AUTH, e.getMessage());
        }
    }

    private static String required(QueryParameters query, String name) {
        return query.single(name).orElseThrow(() -> new IllegalArgumentException(
                "Query-string authentication requires the " + name + " parameter."));
    }

    private static Duration expires(String value) {
        long seconds;
        try {
            if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9') || value.length() > 9) {
                throw new NumberFormatException();
            }
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("X-Amz-Expires should be a number of seconds.");
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("X-Amz-Expires must be non-negative and at least 1 second.");
        }
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw new IllegalArgumentException(
                    "X-Amz-Expires must be less than a week (in seconds) that is " + MAX_EXPIRES_SECONDS + ".");
        }
        return Duration.ofSeconds(seconds);
    }
}
