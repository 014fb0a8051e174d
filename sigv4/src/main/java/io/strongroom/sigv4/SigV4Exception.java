package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;

/**
 * A request whose SigV4 authentication failed. {@link #code()} and {@link #httpStatus()} are what the
 * AWS Query services (IAM, STS) answer; other protocol adapters map {@link #reason()} to their own
 * codes, e.g. {@link #s3Code()}. Messages never carry the secret or the expected signature.
 */
public final class SigV4Exception extends AwsException {

    /** Why authentication failed, independent of any one service's error vocabulary. */
    public enum Reason {
        /** Neither an Authorization header nor presigned query parameters. */
        MISSING_AUTHENTICATION("MissingAuthenticationToken", 403, "AccessDenied", 403),
        /** The Authorization header (or a header rule) is malformed or incomplete. */
        INCOMPLETE_SIGNATURE("IncompleteSignature", 400, "AuthorizationHeaderMalformed", 400),
        /** The presigned query parameters are malformed or incomplete. */
        MALFORMED_QUERY_AUTH("IncompleteSignature", 400, "AuthorizationQueryParametersError", 400),
        /** Both an Authorization header and presigned query parameters. */
        CONFLICTING_AUTHENTICATION("InvalidParameterCombination", 400, "InvalidArgument", 400),
        /** {@code x-amz-content-sha256} is neither a hex SHA-256 nor a known literal. */
        INVALID_CONTENT_SHA256("IncompleteSignature", 400, "InvalidArgument", 400),
        /** The access key id is not known. */
        UNKNOWN_ACCESS_KEY("InvalidClientTokenId", 403, "InvalidAccessKeyId", 403),
        /** The signature does not match what the secret produces for this request. */
        SIGNATURE_MISMATCH("SignatureDoesNotMatch", 403, "SignatureDoesNotMatch", 403),
        /** Header authentication: request time more than 15 minutes from the server clock. */
        REQUEST_EXPIRED("SignatureDoesNotMatch", 403, "RequestTimeTooSkewed", 403),
        /** Presigned: now is after X-Amz-Date + X-Amz-Expires. */
        PRESIGN_EXPIRED("RequestExpired", 400, "AccessDenied", 403),
        /** Presigned: X-Amz-Date lies more than 15 minutes in the future. */
        PRESIGN_NOT_YET_VALID("RequestExpired", 400, "AccessDenied", 403),
        /** The body's SHA-256 differs from the signed {@code x-amz-content-sha256}. */
        CONTENT_SHA256_MISMATCH("SignatureDoesNotMatch", 403, "XAmzContentSHA256Mismatch", 400);

        private final String queryCode;
        private final int queryStatus;
        private final String s3Code;
        private final int s3Status;

        Reason(String queryCode, int queryStatus, String s3Code, int s3Status) {
            this.queryCode = queryCode;
            this.queryStatus = queryStatus;
            this.s3Code = s3Code;
            this.s3Status = s3Status;
        }

        /** The error code IAM and STS (AWS Query protocol) answer with. */
        public String queryCode() {
            return queryCode;
        }

        public int queryHttpStatus() {
            return queryStatus;
        }

        /** The error code S3 answers with. */
        public String s3Code() {
            return s3Code;
        }

        public int s3HttpStatus() {
            return s3Status;
        }
    }

    static final String SIGNATURE_MISMATCH_MESSAGE = "The request signature we calculated does not match the"
            + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the"
            + " service documentation for details.";
    static final String UNKNOWN_ACCESS_KEY_MESSAGE = "The security token included in the request is invalid.";
    static final String MISSING_AUTHENTICATION_MESSAGE = "Request is missing Authentication Token";

    private final Reason reason;

    public SigV4Exception(Reason reason, String message) {
        super(requireNonNull(reason, "reason").queryCode(), reason.queryHttpStatus(), message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The S3 error code for this failure. */
    public String s3Code() {
        return reason.s3Code();
    }

    /** The HTTP status S3 uses for this failure. */
    public int s3HttpStatus() {
        return reason.s3HttpStatus();
    }

    /** The S3 error code for a reason, for adapters that only hold the reason. */
    public static String s3Code(Reason reason) {
        return requireNonNull(reason, "reason").s3Code();
    }

    static SigV4Exception missingAuthentication() {
        return new SigV4Exception(Reason.MISSING_AUTHENTICATION, MISSING_AUTHENTICATION_MESSAGE);
    }

    static SigV4Exception unknownAccessKey() {
        return new SigV4Exception(Reason.UNKNOWN_ACCESS_KEY, UNKNOWN_ACCESS_KEY_MESSAGE);
    }

    static SigV4Exception signatureMismatch() {
        return new SigV4Exception(Reason.SIGNATURE_MISMATCH, SIGNATURE_MISMATCH_MESSAGE);
    }
}
