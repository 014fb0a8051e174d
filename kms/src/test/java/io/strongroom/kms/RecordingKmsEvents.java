package io.strongroom.kms;

import io.strongroom.iam.auth.CallContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link KmsEvents} that keeps what the scheduler reported, so tests can see the audit trail's input. */
final class RecordingKmsEvents implements KmsEvents {
    final List<KmsKey> rotated = new CopyOnWriteArrayList<>();
    final List<KmsKey> deleted = new CopyOnWriteArrayList<>();
    /** Uses by a service for a caller, as {@code service operation keyId caller}. */
    final List<String> usedViaService = new CopyOnWriteArrayList<>();

    @Override
    public void keyRotated(KmsKey key) {
        rotated.add(key);
    }

    @Override
    public void keyDeleted(KmsKey key) {
        deleted.add(key);
    }

    @Override
    public void usedViaService(CallContext call, String service, String operation, KmsKey key,
                               Map<String, String> encryptionContext) {
        usedViaService.add(service + " " + operation + " " + key.keyId() + " " + call.principal().arn());
    }
}
