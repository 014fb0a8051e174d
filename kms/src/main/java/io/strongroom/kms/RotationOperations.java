package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.KeyAccess.KeyView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Automatic and on-demand rotation. A rotation adds a key version and makes it current; older
 * versions keep decrypting what they encrypted. The scheduler ({@link #rotateDue}) rotates enabled
 * keys whose next rotation date has come; a disabled key waits and rotates once enabled again.
 */
final class RotationOperations {
    private static final int DUE_BATCH = 100;

    private final KmsRepository repository;
    private final KeyAccess access;
    private final KeyOperations keys;
    private final KeyMaterials materials;
    private final Transactor transactor;
    private final Clock clock;
    private final int onDemandLimit;
    private final KmsEvents events;

    RotationOperations(KmsRepository repository, KeyAccess access, KeyOperations keys, KeyMaterials materials,
                       Transactor transactor, Clock clock, int onDemandLimit, KmsEvents events) {
        this.repository = requireNonNull(repository, "repository");
        this.access = requireNonNull(access, "access");
        this.keys = requireNonNull(keys, "keys");
        this.materials = requireNonNull(materials, "materials");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.onDemandLimit = onDemandLimit;
        this.events = requireNonNull(events, "events");
    }

    KmsKey enable(CallContext call, String keyId, Optional<Integer> periodDays) {
        int period = periodDays.orElse(RotationSettings.DEFAULT_PERIOD_DAYS);
        if (period < RotationSettings.MIN_PERIOD_DAYS || period > RotationSettings.MAX_PERIOD_DAYS) {
            throw KmsErrors.validation("1 validation error detected: Value '" + period + "' at 'rotationPeriodInDays'"
                    + " failed to satisfy constraint: Member must have value less than or equal to "
                    + RotationSettings.MAX_PERIOD_DAYS + " and greater than or equal to " + RotationSettings.MIN_PERIOD_DAYS);
        }
        return keys.change(call, keyId, "EnableKeyRotation", key -> {
            requireRotatable(key);
            Instant from = key.lastRotationDate().orElse(key.creationDate());
            Instant next = from.plus(Duration.ofDays(period));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (next.isBefore(now)) {
                next = now.plus(Duration.ofDays(period));
            }
            return key.withRotation(new RotationSettings(true, Optional.of(period), Optional.of(next)));
        }, Map.of("kms:RotationPeriodInDays", List.of(String.valueOf(period))));
    }

    KmsKey disable(CallContext call, String keyId) {
        return keys.change(call, keyId, "DisableKeyRotation", key -> {
            requireRotatable(key);
            return key.withRotation(new RotationSettings(false, key.rotation().periodDays(), Optional.empty()));
        });
    }

    KmsKey status(CallContext call, String keyId) {
        KeyView view = access.resolve(call, keyId);
        access.authorize(call, view, "GetKeyRotationStatus", Map.of());
        if (!view.key().keySpec().symmetric()) {
            throw KmsErrors.unsupported(view.key().arn() + " does not support automatic rotation.");
        }
        KeyStates.requireNotPendingDeletion(view.key());
        return view.key();
    }

    KmsKey rotateOnDemand(CallContext call, String keyId) {
        KmsKey rotated = transactor.inTransaction(() -> {
            KeyView view = access.resolveForUpdate(call, keyId);
            access.authorize(call, view, "RotateKeyOnDemand", Map.of());
            KmsKey key = view.key();
            requireRotatable(key);
            if (key.onDemandRotations() >= onDemandLimit) {
                throw KmsErrors.limitExceeded("The on-demand rotation limit of " + onDemandLimit + " has been reached"
                        + " for " + key.arn() + ".");
            }
            return rotate(key, true);
        });
        access.changed(rotated.keyId());
        return rotated;
    }

    KmsService.KeyRotations list(CallContext call, String keyId, Optional<String> marker, int limit) {
        KeyView view = access.resolve(call, keyId);
        access.authorize(call, view, "ListKeyRotations", Map.of());
        if (!view.key().keySpec().symmetric()) {
            throw KmsErrors.unsupported(view.key().arn() + " does not support rotation.");
        }
        List<KeyVersion> rotations = repository.listVersions(view.key().keyId()).stream()
                .filter(version -> version.rotationType().isPresent()).toList();
        return new KmsService.KeyRotations(view.key().arn(),
                KmsService.Page.after(rotations, marker, limit, version -> String.format("%010d", version.version())));
    }

    /** Rotates every enabled key whose rotation is due; returns how many were rotated. */
    int rotateDue() {
        Instant now = clock.instant();
        int rotated = 0;
        for (KmsKey due : repository.keysDueForRotation(now, DUE_BATCH)) {
            if (due.state() != KeyState.ENABLED) {
                continue;
            }
            Optional<KmsKey> result = transactor.inTransaction(() -> repository.findKeyForUpdate(due.keyId())
                    .filter(key -> key.state() == KeyState.ENABLED && key.rotation().enabled()
                            && key.rotation().nextRotationDate().filter(next -> !next.isAfter(now)).isPresent())
                    .map(key -> {
                        KmsKey done = rotate(key, false);
                        events.keyRotated(done); // recorded in the rotation's own transaction
                        return done;
                    }));
            if (result.isPresent()) {
                access.changed(due.keyId());
                rotated++;
            }
        }
        return rotated;
    }

    /**
     * Adds the next version and makes it current. An automatic rotation sets the next automatic date a
     * period from now; an on-demand one leaves the automatic schedule as it was, as in AWS.
     */
    private KmsKey rotate(KmsKey key, boolean onDemand) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int version = key.currentVersion() + 1;
        repository.insertVersion(materials.generate(key.keyId(), version, key.keySpec(), now,
                Optional.of(onDemand ? "ON_DEMAND" : "AUTOMATIC")));
        RotationSettings rotation = key.rotation().enabled() && !onDemand
                ? new RotationSettings(true, key.rotation().periodDays(),
                        key.rotation().periodDays().map(days -> now.plus(Duration.ofDays(days))))
                : key.rotation();
        KmsKey rotated = key.rotatedTo(version, now, onDemand, rotation);
        repository.updateKey(rotated);
        return rotated;
    }

    private static void requireRotatable(KmsKey key) {
        if (!key.keySpec().symmetric()) {
            throw KmsErrors.unsupported(key.arn() + " does not support rotation: only symmetric encryption keys"
                    + " rotate.");
        }
        KeyStates.requireUsable(key);
    }
}
