package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.auth.CallContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ScheduleKeyDeletion and CancelKeyDeletion, and the deletion itself at the deadline: crypto-shredding.
 * The material of every version is deleted from the store and dropped from memory, with the key's
 * aliases and grants; what remains is a tombstone that tells a later Decrypt the key is gone.
 */
final class DeletionOperations {
    static final int MIN_WINDOW_DAYS = 7;
    static final int MAX_WINDOW_DAYS = 30;
    private static final int DUE_BATCH = 100;

    private final KmsRepository repository;
    private final KeyAccess access;
    private final KeyOperations keys;
    private final KeyMaterials materials;
    private final Transactor transactor;
    private final Clock clock;
    private final KmsEvents events;

    DeletionOperations(KmsRepository repository, KeyAccess access, KeyOperations keys, KeyMaterials materials,
                       Transactor transactor, Clock clock, KmsEvents events) {
        this.repository = requireNonNull(repository, "repository");
        this.access = requireNonNull(access, "access");
        this.keys = requireNonNull(keys, "keys");
        this.materials = requireNonNull(materials, "materials");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.events = requireNonNull(events, "events");
    }

    KmsKey schedule(CallContext call, String keyId, Optional<Integer> windowDays) {
        int window = windowDays.orElse(MAX_WINDOW_DAYS);
        if (window < MIN_WINDOW_DAYS || window > MAX_WINDOW_DAYS) {
            throw KmsErrors.validation("1 validation error detected: Value '" + window + "' at 'pendingWindowInDays'"
                    + " failed to satisfy constraint: Member must have value less than or equal to " + MAX_WINDOW_DAYS
                    + " and greater than or equal to " + MIN_WINDOW_DAYS);
        }
        KmsKey scheduled = keys.change(call, keyId, "ScheduleKeyDeletion", key -> {
            KeyStates.requireNotPendingDeletion(key);
            Instant deadline = clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofDays(window));
            return key.withState(KeyState.PENDING_DELETION, Optional.of(deadline), Optional.of(window));
        }, Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", List.of(String.valueOf(window))));
        materials.forget(scheduled.keyId());
        return scheduled;
    }

    KmsKey cancel(CallContext call, String keyId) {
        return keys.change(call, keyId, "CancelKeyDeletion", key -> {
            if (key.state() != KeyState.PENDING_DELETION) {
                throw KmsErrors.invalidState(key.arn() + " is not pending deletion.");
            }
            return key.withState(KeyState.DISABLED);
        });
    }

    /** Destroys every key whose waiting period is over; returns how many. */
    int destroyDue() {
        Instant now = clock.instant();
        int destroyed = 0;
        for (KmsKey due : repository.keysDueForDeletion(now, DUE_BATCH)) {
            Optional<KmsKey> result = transactor.inTransaction(() -> repository.findKeyForUpdate(due.keyId())
                    .filter(key -> key.state() == KeyState.PENDING_DELETION
                            && key.deletionDate().filter(deadline -> !deadline.isAfter(now)).isPresent())
                    .map(key -> {
                        repository.deleteVersions(key.keyId());
                        repository.deleteAliasesOf(key.keyId());
                        repository.deleteGrantsOf(key.keyId());
                        KmsKey tombstone = key.withState(KeyState.DESTROYED, key.deletionDate(), Optional.empty());
                        repository.updateKey(tombstone);
                        events.keyDeleted(tombstone); // recorded in the deletion's own transaction
                        return tombstone;
                    }));
            if (result.isPresent()) {
                access.changed(due.keyId());
                materials.forget(due.keyId());
                destroyed++;
            }
        }
        return destroyed;
    }
}
