package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A trail: a named decision about what the export sinks deliver. It never decides what is recorded:
 * every call leaves its hash-chained record, and LookupEvents finds it, whatever the trails say
 * (as CloudTrail's event history does).
 *
 * @param arn                        {@code arn:aws:cloudtrail:<home region>:<owner>:trail/<name>}
 * @param name                       unique per owner account and region
 * @param ownerAccountId             the account that created it (the management account for the default trail)
 * @param homeRegion                 the region it was created in
 * @param s3BucketName               the bucket CreateTrail named, kept as given (exports go to the
 *                                   server's configured sinks); empty for the default trail
 * @param s3KeyPrefix                the key prefix CreateTrail named
 * @param includeGlobalServiceEvents whether records of global services (IAM, STS, Organizations) are delivered
 * @param multiRegion                whether records of every region are delivered, not only the home region's
 * @param organizationTrail          whether records of every account of the organization are delivered,
 *                                   not only the owner's
 * @param logFileValidation          what the trail asked for; records and digests are signed regardless
 * @param logging                    whether the trail delivers now (StartLogging, StopLogging)
 * @param startLoggingTime           when logging last started
 * @param stopLoggingTime            when logging last stopped
 * @param eventSelectors             which records it delivers; a record is delivered when any selector takes it
 * @param customEventSelectors       whether PutEventSelectors has set the selectors
 * @param created                    when it was created
 */
public record Trail(
        String arn,
        String name,
        String ownerAccountId,
        String homeRegion,
        Optional<String> s3BucketName,
        Optional<String> s3KeyPrefix,
        boolean includeGlobalServiceEvents,
        boolean multiRegion,
        boolean organizationTrail,
        boolean logFileValidation,
        boolean logging,
        Optional<Instant> startLoggingTime,
        Optional<Instant> stopLoggingTime,
        List<EventSelector> eventSelectors,
        boolean customEventSelectors,
        Instant created) {

    public Trail {
        requireNonNull(arn, "arn");
        requireNonNull(name, "name");
        requireNonNull(ownerAccountId, "ownerAccountId");
        requireNonNull(homeRegion, "homeRegion");
        requireNonNull(s3BucketName, "s3BucketName");
        requireNonNull(s3KeyPrefix, "s3KeyPrefix");
        requireNonNull(startLoggingTime, "startLoggingTime");
        requireNonNull(stopLoggingTime, "stopLoggingTime");
        eventSelectors = List.copyOf(eventSelectors);
        requireNonNull(created, "created");
    }

    /** The ARN of a trail. */
    public static String arn(String region, String accountId, String name) {
        return "arn:aws:cloudtrail:" + region + ":" + accountId + ":trail/" + name;
    }

    Trail startedLogging(Instant at) {
        return new Trail(arn, name, ownerAccountId, homeRegion, s3BucketName, s3KeyPrefix, includeGlobalServiceEvents,
                multiRegion, organizationTrail, logFileValidation, true, Optional.of(at), stopLoggingTime,
                eventSelectors, customEventSelectors, created);
    }

    Trail stoppedLogging(Instant at) {
        return new Trail(arn, name, ownerAccountId, homeRegion, s3BucketName, s3KeyPrefix, includeGlobalServiceEvents,
                multiRegion, organizationTrail, logFileValidation, false, startLoggingTime, Optional.of(at),
                eventSelectors, customEventSelectors, created);
    }

    Trail withEventSelectors(List<EventSelector> selectors) {
        return new Trail(arn, name, ownerAccountId, homeRegion, s3BucketName, s3KeyPrefix, includeGlobalServiceEvents,
                multiRegion, organizationTrail, logFileValidation, logging, startLoggingTime, stopLoggingTime,
                selectors, true, created);
    }

    Trail withSettings(Optional<String> bucket, Optional<String> prefix, boolean globalServiceEvents,
                       boolean allRegions, boolean wholeOrganization, boolean validation) {
        return new Trail(arn, name, ownerAccountId, homeRegion, bucket, prefix, globalServiceEvents, allRegions,
                wholeOrganization, validation, logging, startLoggingTime, stopLoggingTime, eventSelectors,
                customEventSelectors, created);
    }
}
