package io.strongroom.protocol.cloudtrail;

import io.strongroom.audit.IndexedResource;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.trails.DataResource;
import io.strongroom.audit.trails.EventSelector;
import io.strongroom.audit.trails.Trail;
import io.strongroom.protocol.json.JsonWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writers of the CloudTrail 2013-11-01 model's output shapes. */
final class CloudTrailShapes {
    /** GetTrailStatus's TimeLoggingStarted and TimeLoggingStopped are strings, as AWS writes them. */
    private static final DateTimeFormatter STATUS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private CloudTrailShapes() {
    }

    /** The Event shape of LookupEvents: the record's lookup attributes and its own JSON. */
    static void event(JsonWriter out, StoredAuditRecord record) {
        out.string("EventId", record.eventId())
                .string("EventName", record.eventName())
                .string("ReadOnly", Boolean.toString(record.readOnly()));
        if (record.accessKeyId() != null) {
            out.string("AccessKeyId", record.accessKeyId());
        }
        out.timestamp("EventTime", record.eventTime())
                .string("EventSource", record.eventSource());
        if (record.username() != null) {
            out.string("Username", record.username());
        }
        out.objectList("Resources", record.resources(), CloudTrailShapes::resource)
                .string("CloudTrailEvent", record.eventJson());
    }

    private static void resource(JsonWriter out, IndexedResource resource) {
        out.string("ResourceType", resource.type()).string("ResourceName", resource.name());
    }

    /** The Trail shape of DescribeTrails and GetTrail. */
    static void trail(JsonWriter out, Trail trail) {
        out.string("Name", trail.name())
                .string("S3BucketName", trail.s3BucketName())
                .string("S3KeyPrefix", trail.s3KeyPrefix())
                .bool("IncludeGlobalServiceEvents", trail.includeGlobalServiceEvents())
                .bool("IsMultiRegionTrail", trail.multiRegion())
                .string("HomeRegion", trail.homeRegion())
                .string("TrailARN", trail.arn())
                .bool("LogFileValidationEnabled", trail.logFileValidation())
                .bool("HasCustomEventSelectors", trail.customEventSelectors())
                .bool("HasInsightSelectors", false)
                .bool("IsOrganizationTrail", trail.organizationTrail());
    }

    /** The members CreateTrail and UpdateTrail answer. */
    static void trailSettings(JsonWriter out, Trail trail) {
        out.string("Name", trail.name())
                .string("S3BucketName", trail.s3BucketName())
                .string("S3KeyPrefix", trail.s3KeyPrefix())
                .bool("IncludeGlobalServiceEvents", trail.includeGlobalServiceEvents())
                .bool("IsMultiRegionTrail", trail.multiRegion())
                .string("TrailARN", trail.arn())
                .bool("LogFileValidationEnabled", trail.logFileValidation())
                .bool("IsOrganizationTrail", trail.organizationTrail());
    }

    /** The TrailInfo shape of ListTrails. */
    static void trailInfo(JsonWriter out, Trail trail) {
        out.string("TrailARN", trail.arn()).string("Name", trail.name()).string("HomeRegion", trail.homeRegion());
    }

    static void eventSelectors(JsonWriter out, String trailArn, List<EventSelector> selectors) {
        out.string("TrailARN", trailArn).objectList("EventSelectors", selectors, CloudTrailShapes::eventSelector);
    }

    private static void eventSelector(JsonWriter out, EventSelector selector) {
        out.string("ReadWriteType", selector.readWriteType().wireName())
                .bool("IncludeManagementEvents", selector.includeManagementEvents())
                .objectList("DataResources", selector.dataResources(), CloudTrailShapes::dataResource)
                .stringList("ExcludeManagementEventSources", selector.excludeManagementEventSources());
    }

    private static void dataResource(JsonWriter out, DataResource resource) {
        out.string("Type", resource.type()).stringList("Values", resource.values());
    }

    static String statusTime(Instant instant) {
        return STATUS_TIME.format(instant);
    }
}
