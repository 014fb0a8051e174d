package io.strongroom.sigv4;

import io.strongroom.sigv4.SigV4Exception.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds the signature of a request (Authorization header or presigned query, never both), parses it and
 * applies the structural rules: {@code host} and the date header are signed, every signed header is present.
 */
final class SignatureLocator {
    static final String AUTHORIZATION = "Authorization";
    static final String X_AMZ_DATE = "X-Amz-Date";
    static final String DATE = "Date";
    static final String SECURITY_TOKEN = "X-Amz-Security-Token";

    private SignatureLocator() {
    }

    static boolean hasAuthentication(SignedRequest request, QueryParameters query) {
        return !request.headerValues(AUTHORIZATION).isEmpty() || PresignedQueryParser.isPresigned(query);
    }

    static ParsedSignature locate(SignedRequest request, QueryParameters query) {
        List<String> authorization = request.headerValues(AUTHORIZATION);
        boolean presigned = PresignedQueryParser.isPresigned(query);
        if (!authorization.isEmpty() && presigned) {
            throw new SigV4Exception(Reason.CONFLICTING_AUTHENTICATION, "Only one auth mechanism allowed;"
                    + " only the X-Amz-Algorithm query parameter or the Authorization header should be specified.");
        }
        ParsedSignature parsed;
        if (presigned) {
            parsed = fromQuery(request, query);
        } else if (!authorization.isEmpty()) {
            parsed = fromHeader(request, authorization);
        } else {
            throw SigV4Exception.missingAuthentication();
        }
        requireSignedHeadersPresent(request, parsed);
        return parsed;
    }

    private static ParsedSignature fromQuery(SignedRequest request, QueryParameters query) {
        ParsedSignature parsed = PresignedQueryParser.parse(query);
        Optional<String> headerToken = sessionTokenHeader(request, Reason.MALFORMED_QUERY_AUTH);
        if (headerToken.isPresent() && !headerToken.equals(parsed.sessionToken())) {
            throw new SigV4Exception(Reason.MALFORMED_QUERY_AUTH,
                    "X-Amz-Security-Token in the header and in the query string disagree.");
        }
        return parsed;
    }

    private static ParsedSignature fromHeader(SignedRequest request, List<String> authorization) {
        if (authorization.size() > 1) {
            throw incomplete("Only one Authorization header is allowed.");
        }
        AuthorizationHeader header = AuthorizationHeaderParser.parse(authorization.get(0));
        Instant requestTime = requestTime(request, header);
        return new ParsedSignature(header.credential().accessKeyId(), header.credential().scope(),
                header.signedHeaders(), header.signature(), requestTime, false, Optional.empty(),
                sessionTokenHeader(request, Reason.INCOMPLETE_SIGNATURE));
    }

    /** {@code X-Amz-Date} wins over {@code Date}; whichever is used must be signed. */
    private static Instant requestTime(SignedRequest request, AuthorizationHeader header) {
        List<String> amzDate = request.headerValues(X_AMZ_DATE);
        List<String> date = request.headerValues(DATE);
        try {
            if (!amzDate.isEmpty()) {
                requireSingleSigned(amzDate, "x-amz-date", header);
                return AmzDates.parseDateTime(amzDate.get(0).strip());
            }
            if (!date.isEmpty()) {
                requireSingleSigned(date, "date", header);
                return AmzDates.parseHttpDate(date.get(0));
            }
        } catch (IllegalArgumentException e) {
            throw incomplete(e.getMessage());
        }
        throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    private static void requireSingleSigned(List<String> values, String name, AuthorizationHeader header) {
        if (values.size() > 1) {
            throw new IllegalArgumentException("Only one '" + name + "' header is allowed.");
        }
        if (!header.signedHeaders().contains(name)) {
            throw new IllegalArgumentException("The '" + name + "' header must be signed.");
        }
    }

    private static Optional<String> sessionTokenHeader(SignedRequest request, Reason malformed) {
        List<String> values = request.headerValues(SECURITY_TOKEN);
        if (values.size() > 1) {
            throw new SigV4Exception(malformed, "Only one X-Amz-Security-Token header is allowed.");
        }
        return values.stream().findFirst().map(String::strip);
    }

    private static void requireSignedHeadersPresent(SignedRequest request, ParsedSignature parsed) {
        if (!parsed.signedHeaders().contains("host")) {
            throw new SigV4Exception(parsed.malformedReason(), "'Host' must be a signed header.");
        }
        for (String name : parsed.signedHeaders()) {
            if (request.headerValues(name).isEmpty()) {
                throw new SigV4Exception(parsed.malformedReason(),
                        "The signed header '" + name + "' is not present in the request.");
            }
        }
    }

    private static SigV4Exception incomplete(String message) {
        return new SigV4Exception(Reason.INCOMPLETE_SIGNATURE, message);
    }
}
