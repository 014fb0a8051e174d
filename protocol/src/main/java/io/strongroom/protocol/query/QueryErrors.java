package io.strongroom.protocol.query;

import io.strongroom.core.AwsException;

/**
 * The errors the AWS Query protocol layer itself raises, with the codes and statuses AWS Query
 * services answer. Operation-specific errors come from the domain services.
 */
public final class QueryErrors {

    private QueryErrors() {
    }

    /** The body or query string is not valid form encoding. */
    public static AwsException malformedQuery(String detail) {
        return new AwsException("InvalidQueryParameter", 400,
                "The AWS query string is malformed or does not adhere to AWS standards: " + detail);
    }

    public static AwsException missingAction() {
        return new AwsException("MissingAction", 400, "Missing Action");
    }

    public static AwsException missingVersion() {
        return new AwsException("MissingParameter", 400, "The request must contain the parameter Version");
    }

    /** An unknown operation, or a known one asked for under a version the service does not speak. */
    public static AwsException invalidAction(String action, String version) {
        return new AwsException("InvalidAction", 400,
                "Could not find operation " + action + " for version " + version);
    }

    /** A required member is absent, in the words IAM and STS use. */
    public static AwsException missingRequired(String memberName) {
        return AwsException.validation("1 validation error detected: Value null at '" + memberName
                + "' failed to satisfy constraint: Member must not be null");
    }

    /** A value that cannot be read as the member's type (integer, boolean, timestamp). */
    public static AwsException badType(String memberName, String value, String expected) {
        return AwsException.validation("1 validation error detected: Value '" + abbreviate(value) + "' at '" + memberName
                + "' failed to satisfy constraint: Member must be " + expected);
    }

    /** A list whose {@code member.N} indexes are not 1..n, or that is longer than allowed. */
    public static AwsException badList(String memberName, String detail) {
        return AwsException.validation("1 validation error detected: Value at '" + memberName
                + "' failed to satisfy constraint: " + detail);
    }

    /** Keeps echoed client input short. */
    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
