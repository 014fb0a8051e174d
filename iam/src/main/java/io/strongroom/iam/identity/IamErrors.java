package io.strongroom.iam.identity;

import io.strongroom.core.AwsException;

/** The IAM error codes, with the HTTP status IAM gives each. */
public final class IamErrors {
    private IamErrors() {
    }

    public static AwsException noSuchEntity(String message) {
        return new AwsException("NoSuchEntity", 404, message);
    }

    public static AwsException entityAlreadyExists(String message) {
        return new AwsException("EntityAlreadyExists", 409, message);
    }

    public static AwsException deleteConflict(String message) {
        return new AwsException("DeleteConflict", 409, message);
    }

    public static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceeded", 409, message);
    }

    public static AwsException invalidInput(String message) {
        return new AwsException("InvalidInput", 400, message);
    }

    public static AwsException malformedPolicyDocument(String message) {
        return new AwsException("MalformedPolicyDocument", 400, message);
    }

    public static AwsException unmodifiableEntity(String message) {
        return new AwsException("UnmodifiableEntity", 400, message);
    }

    public static AwsException validation(String message) {
        return AwsException.validation(message);
    }
}
