package io.strongroom.server.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditEvent;
import io.strongroom.audit.AuditResource;
import io.strongroom.audit.AuditTrail;
import io.strongroom.audit.UserIdentity;
import io.strongroom.kms.KmsEvents;
import io.strongroom.kms.KmsKey;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Records what the key service's scheduler does as CloudTrail records it for AWS KMS: a
 * {@code RotateKey} or {@code DeleteKey} service event in the key's account, invoked by
 * {@code kms.amazonaws.com}, naming the key. Called inside the change's transaction.
 */
public final class KmsServiceEvents implements KmsEvents {
    private static final String SOURCE = "kms.amazonaws.com";

    private final AuditTrail trail;
    private final Clock clock;

    public KmsServiceEvents(AuditTrail trail, Clock clock) {
        this.trail = requireNonNull(trail, "trail");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public void keyRotated(KmsKey key) {
        record("RotateKey", key, Map.of("keyId", key.arn(), "rotationType", "AUTOMATIC"));
    }

    @Override
    public void keyDeleted(KmsKey key) {
        record("DeleteKey", key, Map.of("keyId", key.arn()));
    }

    private void record(String eventName, KmsKey key, Map<String, Object> additionalData) {
        trail.record(AuditEvent.builder()
                .userIdentity(UserIdentity.awsService(key.accountId(), SOURCE))
                .eventTime(clock.instant())
                .eventSource(SOURCE)
                .eventName(eventName)
                .awsRegion(key.region())
                .sourceIPAddress(SOURCE)
                .userAgent(SOURCE)
                .additionalEventData(additionalData)
                .requestId(UUID.randomUUID().toString())
                .readOnly(false)
                .resource(new AuditResource(key.arn(), key.accountId(), "AWS::KMS::Key"))
                .recipientAccountId(key.accountId())
                .build());
    }
}
