package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.sigv4.SigV4Exception.Reason;
import java.io.IOException;

/**
 * A request body that failed its SigV4 payload check while being read. {@link java.io.InputStream#read}
 * can only throw {@link IOException}, so the client-facing error travels inside: unwrap it
 * with {@link #error()} and answer with {@link #s3Code()} and {@link #s3HttpStatus()}. The S3 codes:
 * <ul>
 *   <li>{@code SignatureDoesNotMatch} (403): a chunk or trailer signature is wrong, or chunks were
 *       reordered, dropped or altered ({@link #error()} is a {@link SigV4Exception},
 *       {@link Reason#SIGNATURE_MISMATCH});</li>
 *   <li>{@code XAmzContentSHA256Mismatch} (400): the body's SHA-256 is not the signed one (a
 *       {@link SigV4Exception}, {@link Reason#CONTENT_SHA256_MISMATCH});</li>
 *   <li>{@code IncompleteBody} (400): the body ended early, or its decoded length is not
 *       {@code x-amz-decoded-content-length};</li>
 *   <li>{@code InvalidRequest} (400): the aws-chunked encoding or its trailers are malformed.</li>
 * </ul>
 */
public final class PayloadRejectedException extends IOException {
    static final String INCOMPLETE_BODY = "IncompleteBody";
    static final String INVALID_REQUEST = "InvalidRequest";

    private final AwsException error;

    public PayloadRejectedException(AwsException error) {
        super(requireNonNull(error, "error").getMessage(), error);
        this.error = error;
    }

    /** The client-facing failure; a {@link SigV4Exception} for signature and hash mismatches. */
    public AwsException error() {
        return error;
    }

    /** The S3 error code to answer with (for a {@link SigV4Exception}, its {@link SigV4Exception#s3Code()}). */
    public String s3Code() {
        return error instanceof SigV4Exception sigV4 ? sigV4.s3Code() : error.code();
    }

    /** The HTTP status S3 uses for {@link #s3Code()}. */
    public int s3HttpStatus() {
        return error instanceof SigV4Exception sigV4 ? sigV4.s3HttpStatus() : error.httpStatus();
    }

    static PayloadRejectedException incompleteBody(String message) {
        return new PayloadRejectedException(new AwsException(INCOMPLETE_BODY, 400, message));
    }

    static PayloadRejectedException invalidRequest(String message) {
        return new PayloadRejectedException(new AwsException(INVALID_REQUEST, 400, message));
    }

    static PayloadRejectedException signatureMismatch() {
        return new PayloadRejectedException(SigV4Exception.signatureMismatch());
    }

    static PayloadRejectedException contentSha256Mismatch() {
        return new PayloadRejectedException(new SigV4Exception(Reason.CONTENT_SHA256_MISMATCH,
                "The provided 'x-amz-content-sha256' header does not match what was computed."));
    }
}
