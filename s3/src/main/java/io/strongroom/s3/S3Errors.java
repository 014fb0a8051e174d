package io.strongroom.s3;

import io.strongroom.core.AwsException;

/** S3's error codes, statuses and wording for the failures the domain detects. */
public final class S3Errors {
    private S3Errors() {
    }

    public static AwsException noSuchBucket() {
        return new AwsException("NoSuchBucket", 404, "The specified bucket does not exist");
    }

    public static AwsException noSuchKey() {
        return new AwsException("NoSuchKey", 404, "The specified key does not exist.");
    }

    public static AwsException noSuchVersion() {
        return new AwsException("NoSuchVersion", 404,
                "The specified version does not exist.");
    }

    public static AwsException bucketAlreadyOwnedByYou() {
        return new AwsException("BucketAlreadyOwnedByYou", 409,
                "Your previous request to create the named bucket succeeded and you already own it.");
    }

    public static AwsException bucketAlreadyExists() {
        return new AwsException("BucketAlreadyExists", 409, "The requested bucket name is not available. The bucket"
                + " namespace is shared by all users of the system. Please select a different name and try again.");
    }

    public static AwsException bucketNotEmpty() {
        return new AwsException("BucketNotEmpty", 409, "The bucket you tried to delete is not empty");
    }

    public static AwsException invalidLocationConstraint() {
        return new AwsException("InvalidLocationConstraint", 400, "The specified location-constraint is not valid");
    }

    public static AwsException illegalLocationConstraint(String constraint, String region) {
        return new AwsException("IllegalLocationConstraintException", 400, "The " + constraint
                + " location constraint is incompatible for the region specific endpoint this request was sent to.");
    }

    public static AwsException invalidRange() {
        return new AwsException("InvalidRange", 416, "The requested range is not satisfiable");
    }

    public static AwsException badDigest(String what) {
        return new AwsException("BadDigest", 400, "The " + what + " you specified did not match the calculated checksum.");
    }

    public static AwsException invalidDigest() {
        return new AwsException("InvalidDigest", 400, "The Content-MD5 you specified was invalid.");
    }

    public static AwsException incompleteBody() {
        return new AwsException("IncompleteBody", 400,
                "You did not provide the number of bytes specified by the Content-Length HTTP header.");
    }

    public static AwsException invalidArgument(String message) {
        return new AwsException("InvalidArgument", 400, message);
    }

    public static AwsException methodNotAllowed() {
        return new AwsException("MethodNotAllowed", 405, "The specified method is not allowed against this resource.");
    }

    public static AwsException malformedXml() {
        return new AwsException("MalformedXML", 400,
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    public static AwsException invalidRequest(String message) {
        return new AwsException("InvalidRequest", 400, message);
    }

    public static AwsException noSuchBucketPolicy() {
        return new AwsException("NoSuchBucketPolicy", 404, "The bucket policy does not exist");
    }

    public static AwsException malformedPolicy(String message) {
        return new AwsException("MalformedPolicy", 400, message);
    }
}
