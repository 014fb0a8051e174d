package io.strongroom.kms;

/**
 * The lifecycle of a key. {@link #DESTROYED} is Strongroom's tombstone for a key whose deletion
 * deadline passed: its material is gone, it is invisible to every listing and description, and
 * a ciphertext that names it gets NotFoundException rather than a vague failure.
 */
public enum KeyState {
    ENABLED("Enabled"), DISABLED("Disabled"), PENDING_DELETION("PendingDeletion"), DESTROYED("Destroyed");

    private final String wireName;

    KeyState(String wireName) {
        this.wireName = wireName;
    }

    /** The KeyState value AWS KMS answers with. */
    public String wireName() {
        return wireName;
    }

    public static KeyState fromWire(String wireName) {
        for (KeyState state : values()) {
            if (state.wireName.equals(wireName)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown key state " + wireName);
    }
}
