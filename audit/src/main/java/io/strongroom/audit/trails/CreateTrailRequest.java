package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The CreateTrail members Strongroom implements; absent booleans take AWS's defaults
 * (IncludeGlobalServiceEvents true, the others false).
 */
public record CreateTrailRequest(
        String name,
        String s3BucketName,
        Optional<String> s3KeyPrefix,
        Optional<Boolean> includeGlobalServiceEvents,
        Optional<Boolean> multiRegion,
        Optional<Boolean> enableLogFileValidation,
        Optional<Boolean> organizationTrail) {

    public CreateTrailRequest {
        requireNonNull(name, "name");
        requireNonNull(s3BucketName, "s3BucketName");
        requireNonNull(s3KeyPrefix, "s3KeyPrefix");
        requireNonNull(includeGlobalServiceEvents, "includeGlobalServiceEvents");
        requireNonNull(multiRegion, "multiRegion");
        requireNonNull(enableLogFileValidation, "enableLogFileValidation");
        requireNonNull(organizationTrail, "organizationTrail");
    }

    /** A trail with AWS's defaults for everything but its name and bucket. */
    public static CreateTrailRequest of(String name, String s3BucketName) {
        return new CreateTrailRequest(name, s3BucketName, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
