package io.strongroom.server.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditEvent;
import io.strongroom.audit.AuditResource;
import io.strongroom.audit.AuditTrail;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.UserIdentity;
import io.strongroom.s3.Bucket;
import io.strongroom.s3.S3Events;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Records what the object store's lifecycle scheduler does: one data event per action in the
 * bucket owner's account, invoked by {@code s3.amazonaws.com}, naming the object version and the
 * action as S3 names it in its access logs ({@code S3.EXPIRE.OBJECT}, {@code S3.CREATE.DELETEMARKER}).
 * Called inside the change's transaction.
 */
public final class S3ServiceEvents implements S3Events {
    private static final String SOURCE = "s3.amazonaws.com";

    private final AuditTrail trail;
    private final Clock clock;

    public S3ServiceEvents(AuditTrail trail, Clock clock) {
        this.trail = requireNonNull(trail, "trail");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public void lifecycleAction(Bucket bucket, String key, String versionId, String action) {
        trail.record(AuditEvent.builder()
                .userIdentity(UserIdentity.awsService(bucket.accountId(), SOURCE))
                .eventTime(clock.instant())
                .eventSource(SOURCE)
                .eventName("LifecycleExpiration")
                .awsRegion(bucket.region())
                .sourceIPAddress(SOURCE)
                .userAgent(SOURCE)
                .requestParameters(Map.of("bucketName", bucket.name(), "key", key, "versionId", versionId))
                .additionalEventData(Map.of("lifecycleAction", action))
                .requestId(UUID.randomUUID().toString())
                .readOnly(false)
                .eventCategory(EventCategory.DATA)
                .resource(new AuditResource(bucket.arn() + "/" + key, null, "AWS::S3::Object"))
                .resource(new AuditResource(bucket.arn(), bucket.accountId(), "AWS::S3::Bucket"))
                .recipientAccountId(bucket.accountId())
                .build());
    }
}
