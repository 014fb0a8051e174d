package io.strongroom.protocol.json;

import io.strongroom.core.AwsException;
import io.strongroom.sigv4.SigV4Exception;

/**
 * Turns errors raised outside the service's own code (authentication, the server's limits, the
 * domain's Query-flavoured common errors) into the codes AWS JSON services answer with:
 * {@code UnrecognizedClientException} rather than {@code InvalidClientTokenId},
 * {@code InvalidSignatureException} rather than {@code SignatureDoesNotMatch}, and so on, all with
 * status 400 as those services use them. SDKs act on these codes (clock-skew correction, retries),
 * so the JSON names matter. Errors already in the service's vocabulary pass unchanged.
 */
final class JsonErrorTranslation {

    private JsonErrorTranslation() {
    }

    static AwsException translate(AwsException error, JsonService service) {
        if (error instanceof SigV4Exception sigV4) {
            return signatureError(sigV4);
        }
        return switch (error.code()) {
            case "InvalidClientTokenId" -> renamed(error, "UnrecognizedClientException", 400);
            case "ExpiredToken" -> renamed(error, "ExpiredTokenException", 400);
            case "SignatureDoesNotMatch" -> renamed(error, "InvalidSignatureException", 400);
            case "MissingAuthenticationToken" -> renamed(error, "MissingAuthenticationTokenException", 400);
            case "IncompleteSignature" -> renamed(error, "IncompleteSignatureException", 400);
            case "AccessDenied" -> renamed(error, "AccessDeniedException", 400);
            case "RequestEntityTooLarge" -> renamed(error, "RequestEntityTooLargeException", 413);
            case "ValidationError" -> service.validationErrors()
                    .toError(new ConstraintViolation(Constraint.INVALID_VALUE, "", error.getMessage()));
            case "InternalFailure" -> renamed(error, service.internalFailureCode(), 500);
            default -> error;
        };
    }

    private static AwsException signatureError(SigV4Exception error) {
        String code = switch (error.reason()) {
            case MISSING_AUTHENTICATION -> "MissingAuthenticationTokenException";
            case INCOMPLETE_SIGNATURE, MALFORMED_QUERY_AUTH, CONFLICTING_AUTHENTICATION, INVALID_CONTENT_SHA256 ->
                    "IncompleteSignatureException";
            case UNKNOWN_ACCESS_KEY -> "UnrecognizedClientException";
            case SIGNATURE_MISMATCH, REQUEST_EXPIRED, PRESIGN_EXPIRED, PRESIGN_NOT_YET_VALID, CONTENT_SHA256_MISMATCH ->
                    "InvalidSignatureException";
        };
        return renamed(error, code, 400);
    }

    private static AwsException renamed(AwsException error, String code, int status) {
        if (error.code().equals(code) && error.httpStatus() == status) {
            return error;
        }
        if (error instanceof DetailedAwsException detailed) {
            return new DetailedAwsException(code, status, error.getMessage(), detailed.members(), error);
        }
        return new AwsException(code, status, error.getMessage(), error);
    }
}
