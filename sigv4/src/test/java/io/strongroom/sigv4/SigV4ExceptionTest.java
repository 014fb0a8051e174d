package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.sigv4.SigV4Exception.Reason;
import org.junit.jupiter.api.Test;

class SigV4ExceptionTest {

    @Test
    void queryAndS3CodesPerReason() {
        assertThat(codes(Reason.MISSING_AUTHENTICATION)).isEqualTo("MissingAuthenticationToken 403 AccessDenied 403");
        assertThat(codes(Reason.INCOMPLETE_SIGNATURE)).isEqualTo("IncompleteSignature 400 AuthorizationHeaderMalformed 400");
        assertThat(codes(Reason.MALFORMED_QUERY_AUTH)).isEqualTo("IncompleteSignature 400 AuthorizationQueryParametersError 400");
        assertThat(codes(Reason.UNKNOWN_ACCESS_KEY)).isEqualTo("InvalidClientTokenId 403 InvalidAccessKeyId 403");
        assertThat(codes(Reason.SIGNATURE_MISMATCH)).isEqualTo("SignatureDoesNotMatch 403 SignatureDoesNotMatch 403");
        assertThat(codes(Reason.REQUEST_EXPIRED)).isEqualTo("SignatureDoesNotMatch 403 RequestTimeTooSkewed 403");
        assertThat(codes(Reason.PRESIGN_EXPIRED)).isEqualTo("RequestExpired 400 AccessDenied 403");
        assertThat(codes(Reason.CONTENT_SHA256_MISMATCH)).isEqualTo("SignatureDoesNotMatch 403 XAmzContentSHA256Mismatch 400");
        assertThat(SigV4Exception.s3Code(Reason.UNKNOWN_ACCESS_KEY)).isEqualTo("InvalidAccessKeyId");
    }

    @Test
    void isAnAwsExceptionWithTheQueryCode() {
        SigV4Exception e = new SigV4Exception(Reason.UNKNOWN_ACCESS_KEY, "m");

        assertThat(e).isInstanceOf(io.strongroom.core.AwsException.class);
        assertThat(e.code()).isEqualTo("InvalidClientTokenId");
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.senderFault()).isTrue();
    }

    private static String codes(Reason reason) {
        return reason.queryCode() + " " + reason.queryHttpStatus() + " " + reason.s3Code() + " " + reason.s3HttpStatus();
    }
}
