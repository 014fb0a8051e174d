package io.strongroom.kms;

/**
 * What the key service does on its own, outside any API call: the scheduler's rotations and
 * deletions. The server records them in the audit trail, as AWS records RotateKey and DeleteKey
 * service events. Each is called inside the change's transaction, so the change and its record commit
 * together.
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
}
