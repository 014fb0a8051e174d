package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The UpdateTrail members Strongroom implements; an absent member keeps the trail's setting. An empty
 * S3KeyPrefix removes the prefix, as in AWS.
 */
public record UpdateTrailRequest(
        String name,
        Optional<String> s3BucketName,
        Optional<String> s3KeyPrefix,
        Optional<Boolean> includeGlobalServiceEvents,
        Optional<Boolean> multiRegion,
        Optional<Boolean> enableLogFileValidation,
        Optional<Boolean> organizationTrail) {

    public UpdateTrailRequest {
        requireNonNull(name, "name");
        requireNonNull(s3BucketName, "s3BucketName");
        requireNonNull(s3KeyPrefix, "s3KeyPrefix");
        requireNonNull(includeGlobalServiceEvents, "includeGlobalServiceEvents");
        requireNonNull(multiRegion, "multiRegion");
        requireNonNull(enableLogFileValidation, "enableLogFileValidation");
        requireNonNull(organizationTrail, "organizationTrail");
    }
}
