package io.strongroom.protocol.cloudtrail;

import io.strongroom.audit.trails.CloudTrailErrors;
import io.strongroom.audit.trails.CloudTrailException;
import io.strongroom.core.AwsException;
import io.strongroom.protocol.json.ConstraintViolation;

/**
 * How CloudTrail answers input that breaks a member's constraint (absent, of the wrong kind, not
 * supported here): with the exception it names for that member, such as InvalidTrailNameException
 * for {@code Name} or InvalidLookupAttributesException for anything inside {@code LookupAttributes},
 * and InvalidParameterException otherwise. The message keeps the AWS validation wording.
 */
final class CloudTrailErrorDialect {
    static final String INVALID_TAG_PARAMETER = "InvalidTagParameterException";

    private CloudTrailErrorDialect() {
    }

    static AwsException toError(ConstraintViolation violation) {
        return new CloudTrailException(code(violation.member()), violation.message());
    }

    /** The code for a member path as validation messages spell it ({@code lookupAttributes.1.member.attributeKey}). */
    static String code(String memberPath) {
        int dot = memberPath.indexOf('.');
        String member = dot < 0 ? memberPath : memberPath.substring(0, dot);
        return switch (member) {
            case "name", "trailName", "trailNameList" -> CloudTrailErrors.INVALID_TRAIL_NAME;
            case "s3BucketName" -> CloudTrailErrors.INVALID_S3_BUCKET_NAME;
            case "s3KeyPrefix" -> CloudTrailErrors.INVALID_S3_PREFIX;
            case "lookupAttributes" -> CloudTrailErrors.INVALID_LOOKUP_ATTRIBUTES;
            case "maxResults" -> CloudTrailErrors.INVALID_MAX_RESULTS;
            case "eventCategory" -> CloudTrailErrors.INVALID_EVENT_CATEGORY;
            case "nextToken" -> CloudTrailErrors.INVALID_NEXT_TOKEN;
            case "eventSelectors", "advancedEventSelectors" -> CloudTrailErrors.INVALID_EVENT_SELECTORS;
            case "tagsList" -> INVALID_TAG_PARAMETER;
            default -> CloudTrailErrors.INVALID_PARAMETER;
        };
    }
}
