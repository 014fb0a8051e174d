package io.strongroom.server.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditEvent;
import io.strongroom.audit.AuditResource;
import io.strongroom.audit.AuditTrail;
import io.strongroom.audit.UserIdentity;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.KmsEvents;
import io.strongroom.kms.KmsKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Records what the key service's scheduler does as CloudTrail records it for AWS KMS: a
 * {@code RotateKey} or {@code DeleteKey} service event in the key's account, invoked by
 * {@code kms.amazonaws.com}, naming the key, inside the change's transaction. Also records the KMS
 * calls S3 makes for its callers as CloudTrail shows them: the caller's identity with
 * {@code invokedBy: s3.amazonaws.com}, the operation, the key and the encryption context, appended
 * like the record of a read (group-committed, durable before the S3 call goes on).
 */
public final class KmsServiceEvents implements KmsEvents {
    private static final String SOURCE = "kms.amazonaws.com";

    private final AuditTrail trail;
    private final Clock clock;
    private final Consumer<AuditEvent> callRecords;

    /** Appends every record straight to the trail (the caller provides the transaction). */
    public KmsServiceEvents(AuditTrail trail, Clock clock) {
        this(trail, clock, trail::record);
    }

    /** @param calls where the records of KMS calls made by services go: the pipeline's recorder */
    public KmsServiceEvents(AuditTrail trail, Clock clock, CallRecorder calls) {
        this(trail, clock, requireNonNull(calls, "calls")::record);
    }

    private KmsServiceEvents(AuditTrail trail, Clock clock, Consumer<AuditEvent> callRecords) {
        this.trail = requireNonNull(trail, "trail");
        this.clock = requireNonNull(clock, "clock");
        this.callRecords = callRecords;
    }

    @Override
    public void keyRotated(KmsKey key) {
        record("RotateKey", key, Map.of("keyId", key.arn(), "rotationType", "AUTOMATIC"));
    }

    @Override
    public void keyDeleted(KmsKey key) {
        record("DeleteKey", key, Map.of("keyId", key.arn()));
    }

    @Override
    public void usedViaService(CallContext call, String service, String operation, KmsKey key,
                               Map<String, String> encryptionContext) {
        String invokedBy = service + ".amazonaws.com";
        UserIdentity caller = CallEvents.identityOf(call.principal());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("keyId", key.arn());
        parameters.put("encryptionContext", new TreeMap<>(encryptionContext));
        if (operation.startsWith("GenerateDataKey")) {
            parameters.put("keySpec", "AES_256");
        } else {
            parameters.put("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
        }
        callRecords.accept(AuditEvent.builder()
                .userIdentity(new UserIdentity(caller.type(), caller.principalId(), caller.arn(), caller.accountId(),
                        caller.accessKeyId(), caller.userName(), caller.sessionContext(), invokedBy))
                .eventTime(clock.instant())
                .eventSource(SOURCE)
                .eventName(operation)
                .awsRegion(key.region())
                .sourceIPAddress(invokedBy)
                .userAgent(invokedBy)
                .requestParameters(parameters)
                .requestId(UUID.randomUUID().toString())
                .readOnly(true)
                .resource(new AuditResource(key.arn(), key.accountId(), "AWS::KMS::Key"))
                .recipientAccountId(key.accountId())
                .build());
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
