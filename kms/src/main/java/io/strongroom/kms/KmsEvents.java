package io.strongroom.kms;

import io.strongroom.iam.auth.CallContext;
import java.util.Map;

/**
 * What the key service does outside its own API calls: the scheduler's rotations and deletions, and
 * the uses of keys that integrated services (S3) make for their callers. The server records them in
 * the audit trail, as AWS records RotateKey and DeleteKey service events and the KMS calls S3 makes
 * ({@code invokedBy: s3.amazonaws.com}). Rotations and deletions are reported inside the change's
 * transaction, so the change and its record commit together.
 */
public interface KmsEvents {
    KmsEvents NONE = new KmsEvents() {
        @Override
        public void keyRotated(KmsKey key) {
        }

        @Override
        public void keyDeleted(KmsKey key) {
        }
    };

    /** The key's new current version was made by automatic rotation. */
    void keyRotated(KmsKey key);

    /** The key's material was destroyed at the end of its waiting period. */
    void keyDeleted(KmsKey key);

    /**
     * A service used the key for its caller, and KMS allowed it: {@code operation} (GenerateDataKey,
     * Decrypt) with the encryption context the service gave. Reported once the operation succeeded.
     *
     * @param service the calling service's name, {@code s3}
     */
    default void usedViaService(CallContext call, String service, String operation, KmsKey key,
                                Map<String, String> encryptionContext) {
    }
}
