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
 * action as S3 names it in its access logs ({@code S3.EXPIRE.OBJECT}, {@code S3.CREATE.DELETEMARKER},
 * {@code S3.TRANSITION.OBJECT} and its variants, {@code S3.DELETE.UPLOAD}, {@code S3.RESTORE.OBJECT}), or
 * for a restored copy's expiry, which the access logs do not record, as S3's event notification names it
 * ({@code ObjectRestore:Delete}). The event name is the notification's family: LifecycleExpiration,
 * LifecycleTransition or ObjectRestore. Called inside the change's transaction.
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
        record(bucket, key, Map.of("bucketName", bucket.name(), "key", key, "versionId", versionId), action);
    }

    @Override
    public void uploadAborted(Bucket bucket, String key, String uploadId) {
        record(bucket, key, Map.of("bucketName", bucket.name(), "key", key, "uploadId", uploadId), "S3.DELETE.UPLOAD");
    }

    private static String eventName(String action) {
        if (action.startsWith("S3.TRANSITION")) {
            return "LifecycleTransition";
        }
        if (action.startsWith("S3.RESTORE") || action.startsWith("ObjectRestore")) {
            return "ObjectRestore";
        }
        return "LifecycleExpiration";
    }

    private void record(Bucket bucket, String key, Map<String, String> parameters, String action) {
        trail.record(AuditEvent.builder()
                .userIdentity(UserIdentity.awsService(bucket.accountId(), SOURCE))
                .eventTime(clock.instant())
                .eventSource(SOURCE)
                .eventName(eventName(action))
                .awsRegion(bucket.region())
                .sourceIPAddress(SOURCE)
                .userAgent(SOURCE)
                .requestParameters(parameters)
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
