package io.strongroom.audit.trails;

/**
 * The CloudTrail error codes Strongroom raises, with messages in the manner of AWS's. Access is
 * refused by IAM's {@link io.strongroom.iam.access.AccessDeniedException}, which the JSON protocol
 * answers as {@code AccessDeniedException}.
 */
public final class CloudTrailErrors {
    public static final String INVALID_LOOKUP_ATTRIBUTES = "InvalidLookupAttributesException";
    public static final String INVALID_TIME_RANGE = "InvalidTimeRangeException";
    public static final String INVALID_MAX_RESULTS = "InvalidMaxResultsException";
    public static final String INVALID_NEXT_TOKEN = "InvalidNextTokenException";
    public static final String INVALID_EVENT_CATEGORY = "InvalidEventCategoryException";
    public static final String TRAIL_NOT_FOUND = "TrailNotFoundException";
    public static final String TRAIL_ALREADY_EXISTS = "TrailAlreadyExistsException";
    public static final String INVALID_TRAIL_NAME = "InvalidTrailNameException";
    public static final String ARN_INVALID = "CloudTrailARNInvalidException";
    public static final String INVALID_EVENT_SELECTORS = "InvalidEventSelectorsException";
    public static final String INVALID_S3_BUCKET_NAME = "InvalidS3BucketNameException";
    public static final String INVALID_S3_PREFIX = "InvalidS3PrefixException";
    public static final String INVALID_PARAMETER = "InvalidParameterException";
    public static final String MAXIMUM_TRAILS_EXCEEDED = "MaximumNumberOfTrailsExceededException";
    public static final String NOT_ORGANIZATION_MANAGEMENT_ACCOUNT = "NotOrganizationMasterAccountException";
    public static final String ORGANIZATIONS_NOT_IN_USE = "OrganizationsNotInUseException";
    public static final String CONFLICT = "ConflictException";

    private CloudTrailErrors() {
    }

    static CloudTrailException invalidLookupAttributes(String message) {
        return new CloudTrailException(INVALID_LOOKUP_ATTRIBUTES, message);
    }

    static CloudTrailException invalidTimeRange() {
        return new CloudTrailException(INVALID_TIME_RANGE, "Start time must be before or equal to end time.");
    }

    static CloudTrailException invalidMaxResults() {
        return new CloudTrailException(INVALID_MAX_RESULTS, "MaxResults must be between 1 and "
                + LookupEventsOperation.MAX_RESULTS + ".");
    }

    static CloudTrailException invalidNextToken() {
        return new CloudTrailException(INVALID_NEXT_TOKEN, "Invalid NextToken: use the NextToken of a previous"
                + " response to the same request.");
    }

    static CloudTrailException invalidEventCategory(String value) {
        return new CloudTrailException(INVALID_EVENT_CATEGORY, "Invalid EventCategory " + quoted(value)
                + ": the only event category is insight.");
    }

    static CloudTrailException trailNotFound(String nameOrArn, String accountId) {
        return new CloudTrailException(TRAIL_NOT_FOUND, "Unknown trail: " + quoted(nameOrArn) + " for the user: "
                + accountId);
    }

    static CloudTrailException trailAlreadyExists(String arn) {
        return new CloudTrailException(TRAIL_ALREADY_EXISTS, "Trail " + arn + " already exists for customer.");
    }

    static CloudTrailException invalidTrailName(String message) {
        return new CloudTrailException(INVALID_TRAIL_NAME, message);
    }

    static CloudTrailException arnInvalid(String arn) {
        return new CloudTrailException(ARN_INVALID, "Invalid trail ARN: " + quoted(arn)
                + ". A trail ARN looks like arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail.");
    }

    static CloudTrailException invalidEventSelectors(String message) {
        return new CloudTrailException(INVALID_EVENT_SELECTORS, message);
    }

    static CloudTrailException invalidS3BucketName(String bucket) {
        return new CloudTrailException(INVALID_S3_BUCKET_NAME, "Bucket name is not valid: " + quoted(bucket));
    }

    static CloudTrailException invalidS3Prefix() {
        return new CloudTrailException(INVALID_S3_PREFIX, "S3 key prefix must be at most "
                + TrailNames.MAX_S3_KEY_PREFIX + " characters long.");
    }

    static CloudTrailException invalidParameter(String message) {
        return new CloudTrailException(INVALID_PARAMETER, message);
    }

    static CloudTrailException maximumTrailsExceeded() {
        return new CloudTrailException(MAXIMUM_TRAILS_EXCEEDED, "User has already created "
                + TrailOperations.MAX_TRAILS_PER_ACCOUNT + " trails in this region, the most allowed.");
    }

    static CloudTrailException notManagementAccount(String accountId) {
        return new CloudTrailException(NOT_ORGANIZATION_MANAGEMENT_ACCOUNT, "The request was made by account "
                + accountId + ", which is not the management account of the organization; only the management"
                + " account can create or update an organization trail.");
    }

    static CloudTrailException organizationsNotInUse() {
        return new CloudTrailException(ORGANIZATIONS_NOT_IN_USE,
                "This account is not a member of an organization.");
    }

    static CloudTrailException conflict(String arn) {
        return new CloudTrailException(CONFLICT, "The trail " + arn + " was changed by another request at the same"
                + " time; try again.");
    }

    /** A client's value in a message, shortened: a message must not carry a megabyte back. */
    static String quoted(String value) {
        String shown = value.length() > 256 ? value.substring(0, 256) + "..." : value;
        return "'" + shown + "'";
    }
}
