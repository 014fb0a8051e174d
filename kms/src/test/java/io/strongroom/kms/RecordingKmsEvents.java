package io.strongroom.kms;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link KmsEvents} that keeps what the scheduler reported, so tests can see the audit trail's input. */
final class RecordingKmsEvents implements KmsEvents {
    final List<KmsKey> rotated = new CopyOnWriteArrayList<>();
    final List<KmsKey> deleted = new CopyOnWriteArrayList<>();

    @Override
    public void keyRotated(KmsKey key) {
        rotated.add(key);
    }

    @Override
    public void keyDeleted(KmsKey key) {
        deleted.add(key);
    }
}
