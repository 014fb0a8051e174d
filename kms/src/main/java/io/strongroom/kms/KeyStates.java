package io.strongroom.kms;

/** Which states allow which uses, with the error AWS KMS answers otherwise. */
final class KeyStates {
    private KeyStates() {
    }

    /** A cryptographic operation needs an enabled key. */
    static void requireUsable(KmsKey key) {
        switch (key.state()) {
            case ENABLED -> { }
            case DISABLED -> throw KmsErrors.disabled(key.arn());
            case PENDING_DELETION -> throw KmsErrors.pendingDeletion(key.arn());
            case DESTROYED -> throw KmsErrors.keyNotFound(key.arn());
        }
    }

    /** A configuration change (description, policy, tags, aliases, rotation, grants) is refused while the key is pending deletion. */
    static void requireNotPendingDeletion(KmsKey key) {
        if (key.state() == KeyState.PENDING_DELETION) {
            throw KmsErrors.pendingDeletion(key.arn());
        }
    }

    static void requireUsage(KmsKey key, KeyUsage usage, String operation) {
        if (key.keyUsage() != usage) {
            throw KmsErrors.invalidKeyUsage("You cannot use " + operation + " with " + key.arn() + " because its KeyUsage is "
                    + key.keyUsage().name() + ".");
        }
    }
}
