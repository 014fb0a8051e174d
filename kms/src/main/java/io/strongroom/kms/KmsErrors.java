package io.strongroom.kms;

/** The KMS errors, worded as AWS KMS words them where it has a wording. */
public final class KmsErrors {
    private KmsErrors() {
    }

    public static KmsException notFound(String message) {
        return new KmsException("NotFoundException", 400, message);
    }

    public static KmsException keyNotFound(String keyArnOrName) {
        return notFound("Key '" + keyArnOrName + "' does not exist");
    }

    public static KmsException aliasNotFound(String aliasArn) {
        return notFound("Alias " + aliasArn + " is not found.");
    }

    public static KmsException disabled(String keyArn) {
        return new KmsException("DisabledException", 400, keyArn + " is disabled.");
    }

    public static KmsException invalidState(String message) {
        return new KmsException("KMSInvalidStateException", 400, message);
    }

    public static KmsException pendingDeletion(String keyArn) {
        return invalidState(keyArn + " is pending deletion.");
    }

    public static KmsException invalidCiphertext() {
        return new KmsException("InvalidCiphertextException", 400, "");
    }

    public static KmsException incorrectKey() {
        return new KmsException("IncorrectKeyException", 400,
                "The key ID in the request does not identify a KMS key that can perform this operation.");
    }

    public static KmsException validation(String message) {
        return new KmsException("ValidationException", 400, message);
    }

    public static KmsException invalidKeyUsage(String message) {
        return new KmsException("InvalidKeyUsageException", 400, message);
    }

    public static KmsException limitExceeded(String message) {
        return new KmsException("LimitExceededException", 400, message);
    }

    public static KmsException alreadyExists(String message) {
        return new KmsException("AlreadyExistsException", 400, message);
    }

    public static KmsException invalidAliasName(String message) {
        return new KmsException("InvalidAliasNameException", 400, message);
    }

    public static KmsException malformedPolicy(String message) {
        return new KmsException("MalformedPolicyDocumentException", 400, message);
    }

    public static KmsException invalidArn(String message) {
        return new KmsException("InvalidArnException", 400, message);
    }

    public static KmsException invalidGrantToken() {
        return new KmsException("InvalidGrantTokenException", 400, "The grant token is invalid.");
    }

    public static KmsException invalidGrantId(String message) {
        return new KmsException("InvalidGrantIdException", 400, message);
    }

    public static KmsException unsupported(String message) {
        return new KmsException("UnsupportedOperationException", 400, message);
    }

    public static KmsException invalidSignature() {
        return new KmsException("KMSInvalidSignatureException", 400, "");
    }

    public static KmsException invalidMac() {
        return new KmsException("KMSInvalidMacException", 400, "");
    }

    public static KmsException tag(String message) {
        return new KmsException("TagException", 400, message);
    }

    public static KmsException dryRun() {
        return new KmsException("DryRunOperationException", 400,
                "The request would have succeeded, but the DryRun option is set.");
    }

    public static KmsException invalidMarker() {
        return new KmsException("InvalidMarkerException", 400, "The marker is invalid.");
    }
}
