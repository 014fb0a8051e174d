package io.strongroom.kms;

import static io.strongroom.kms.KmsFixture.assertKmsError;
import static io.strongroom.kms.KmsFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Automatic rotation by the scheduler against a mutable clock, on-demand rotation and its limit, and
 * the deletion window (ScheduleKeyDeletion, CancelKeyDeletion). The destruction itself is
 * {@link CryptoShreddingTest}'s.
 */
class RotationAndDeletionTest {
    private static final Map<String, String> CONTEXT = Map.of("app", "ledger");

    private final KmsFixture f = new KmsFixture();
    private final Instant created = f.clock.instant();
    private final KmsKey key = f.newKey("rotating");

    @Test
    void theSchedulerRotatesOnlyOnceThePeriodIsOver() {
        byte[] before = f.encrypt(f.root, key.keyId(), utf8("version one"), CONTEXT);
        f.kms.enableKeyRotation(f.root, key.keyId(), Optional.of(90));
        KmsKey status = f.kms.getKeyRotationStatus(f.root, key.keyId());
        assertThat(status.rotation().enabled()).isTrue();
        assertThat(status.rotation().periodDays()).contains(90);
        assertThat(status.rotation().nextRotationDate()).contains(created.plus(Duration.ofDays(90)));

        f.clock.advance(Duration.ofDays(90).minusSeconds(1));
        assertThat(f.kms.runScheduledWork()).isEqualTo(new KmsService.ScheduledWork(0, 0));
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).currentVersion()).isEqualTo(1);
        assertThat(f.events.rotated).isEmpty();
        assertThat(SymmetricCiphertext.parse(f.encrypt(f.root, key.keyId(), utf8("x"), CONTEXT)).orElseThrow()
                .keyVersion()).isEqualTo(1);

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.kms.runScheduledWork()).isEqualTo(new KmsService.ScheduledWork(1, 0));

        KmsKey rotated = f.kms.describeKey(f.root, key.keyId(), List.of());
        assertThat(rotated.currentVersion()).isEqualTo(2);
        assertThat(rotated.lastRotationDate()).contains(f.clock.instant());
        assertThat(rotated.rotation().nextRotationDate()).contains(f.clock.instant().plus(Duration.ofDays(90)));
        assertThat(f.events.rotated).singleElement().satisfies(event -> {
            assertThat(event.keyId()).isEqualTo(key.keyId());
            assertThat(event.currentVersion()).isEqualTo(2);
        });
        assertThat(f.events.deleted).isEmpty();

        byte[] after = f.encrypt(f.root, key.keyId(), utf8("version two"), CONTEXT);
        assertThat(SymmetricCiphertext.parse(after).orElseThrow().keyVersion()).isEqualTo(2);
        assertThat(SymmetricCiphertext.parse(before).orElseThrow().keyVersion()).isEqualTo(1);
        assertThat(f.decrypt(f.root, before, CONTEXT)).isEqualTo(utf8("version one"));
        assertThat(f.decrypt(f.root, after, CONTEXT)).isEqualTo(utf8("version two"));
        assertThat(f.kms.listKeyRotations(f.root, key.keyId(), Optional.empty(), 10).page().items())
                .singleElement().satisfies(v -> {
                    assertThat(v.version()).isEqualTo(2);
                    assertThat(v.rotationType()).contains("AUTOMATIC");
                });

        // nothing more is due until the next period is over
        assertThat(f.kms.runScheduledWork()).isEqualTo(new KmsService.ScheduledWork(0, 0));
        f.clock.advance(Duration.ofDays(90));
        assertThat(f.kms.runScheduledWork().rotated()).isEqualTo(1);
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).currentVersion()).isEqualTo(3);
        assertThat(f.decrypt(f.root, before, CONTEXT)).isEqualTo(utf8("version one"));
    }

    @Test
    void disablingRotationStopsTheScheduler() {
        f.kms.enableKeyRotation(f.root, key.keyId(), Optional.of(90));
        f.kms.disableKeyRotation(f.root, key.keyId());

        f.clock.advance(Duration.ofDays(100));

        assertThat(f.kms.runScheduledWork().rotated()).isZero();
        KmsKey status = f.kms.getKeyRotationStatus(f.root, key.keyId());
        assertThat(status.rotation().enabled()).isFalse();
        assertThat(status.rotation().periodDays()).contains(90);
        assertThat(status.currentVersion()).isEqualTo(1);
    }

    @Test
    void aDisabledKeyWaitsAndRotatesOnceEnabledAgain() {
        f.kms.enableKeyRotation(f.root, key.keyId(), Optional.of(90));
        f.kms.disableKey(f.root, key.keyId());
        f.clock.advance(Duration.ofDays(91));

        assertThat(f.kms.runScheduledWork().rotated()).isZero();
        f.kms.enableKey(f.root, key.keyId());
        assertThat(f.kms.runScheduledWork().rotated()).isEqualTo(1);
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).currentVersion()).isEqualTo(2);
    }

    @Test
    void rotationPeriodsOutsideNinetyTo2560DaysAreRefused() {
        assertKmsError(() -> f.kms.enableKeyRotation(f.root, key.keyId(), Optional.of(89)), "ValidationException");
        assertKmsError(() -> f.kms.enableKeyRotation(f.root, key.keyId(), Optional.of(2561)), "ValidationException");
        f.kms.enableKeyRotation(f.root, key.keyId(), Optional.empty());
        assertThat(f.kms.getKeyRotationStatus(f.root, key.keyId()).rotation().periodDays()).contains(365);
    }

    @Test
    void onDemandRotationIsLimitedToTenAndIsNoSchedulerEvent() {
        List<byte[]> blobs = new ArrayList<>();
        blobs.add(f.encrypt(f.root, key.keyId(), utf8("v1"), CONTEXT));
        for (int i = 2; i <= 11; i++) {
            KmsKey rotated = f.kms.rotateKeyOnDemand(f.root, key.keyId());
            assertThat(rotated.currentVersion()).isEqualTo(i);
            byte[] blob = f.encrypt(f.root, key.keyId(), utf8("v" + i), CONTEXT);
            assertThat(SymmetricCiphertext.parse(blob).orElseThrow().keyVersion()).isEqualTo(i);
            blobs.add(blob);
        }

        assertKmsError(() -> f.kms.rotateKeyOnDemand(f.root, key.keyId()), "LimitExceededException");
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).currentVersion()).isEqualTo(11);
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).onDemandRotations()).isEqualTo(10);
        assertThat(f.events.rotated).isEmpty();
        for (int i = 0; i < blobs.size(); i++) {
            assertThat(f.decrypt(f.root, blobs.get(i), CONTEXT)).isEqualTo(utf8("v" + (i + 1)));
        }

        List<Integer> listed = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        do {
            KmsService.KeyRotations page = f.kms.listKeyRotations(f.root, key.keyId(), marker, 4);
            assertThat(page.keyArn()).isEqualTo(key.arn());
            page.page().items().forEach(v -> {
                assertThat(v.rotationType()).contains("ON_DEMAND");
                listed.add(v.version());
            });
            marker = page.page().nextMarker();
        } while (marker.isPresent());
        assertThat(listed).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void aDisabledKeyCannotBeRotatedOrHaveRotationEnabled() {
        f.kms.disableKey(f.root, key.keyId());

        assertKmsError(() -> f.kms.rotateKeyOnDemand(f.root, key.keyId()), "DisabledException");
        assertKmsError(() -> f.kms.enableKeyRotation(f.root, key.keyId(), Optional.of(90)), "DisabledException");
    }

    @Test
    void onDemandRotationDoesNotMoveTheAutomaticSchedule() {
        f.kms.enableKeyRotation(f.root, key.keyId(), Optional.of(90));
        f.clock.advance(Duration.ofDays(80));
        f.kms.rotateKeyOnDemand(f.root, key.keyId());

        assertThat(f.kms.getKeyRotationStatus(f.root, key.keyId()).rotation().nextRotationDate())
                .contains(created.plus(Duration.ofDays(90)));
        f.clock.advance(Duration.ofDays(10));
        assertThat(f.kms.runScheduledWork().rotated()).isEqualTo(1);
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).currentVersion()).isEqualTo(3);
    }

    @Test
    void aDecryptNamingAFutureVersionDoesNotBreakTheRotationThatMakesIt() {
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("v1"), Map.of());
        byte[] forged = EncryptDecryptTest.withVersion(blob, 2);
        assertKmsError(() -> f.decrypt(f.root, forged, Map.of()), "InvalidCiphertextException");

        f.kms.rotateKeyOnDemand(f.root, key.keyId());

        byte[] underTwo = f.encrypt(f.root, key.keyId(), utf8("v2"), Map.of());
        assertThat(SymmetricCiphertext.parse(underTwo).orElseThrow().keyVersion()).isEqualTo(2);
        assertThat(f.decrypt(f.root, underTwo, Map.of())).isEqualTo(utf8("v2"));
    }

    @Test
    void disabledKeysThatAreDueDoNotStarveEnabledOnes() {
        for (int i = 0; i < 100; i++) {
            KmsKey parked = f.newKey("parked " + i);
            f.kms.enableKeyRotation(f.root, parked.keyId(), Optional.of(90));
            f.kms.disableKey(f.root, parked.keyId());
        }
        f.clock.advance(Duration.ofMinutes(1));
        KmsKey active = f.newKey("active");
        f.kms.enableKeyRotation(f.root, active.keyId(), Optional.of(90));
        f.clock.advance(Duration.ofDays(91));

        assertThat(f.kms.runScheduledWork().rotated()).isEqualTo(1);
        assertThat(f.kms.describeKey(f.root, active.keyId(), List.of()).currentVersion()).isEqualTo(2);
    }

    // ---- the deletion window

    @Test
    void aKeyPendingDeletionCanBeDescribedButNotUsed() {
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("waiting"), CONTEXT);

        KmsKey scheduled = f.kms.scheduleKeyDeletion(f.root, key.keyId(), Optional.of(7));

        assertThat(scheduled.state()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.deletionDate()).contains(f.clock.instant().plus(Duration.ofDays(7)));
        assertThat(scheduled.pendingWindowDays()).contains(7);
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).state()).isEqualTo(KeyState.PENDING_DELETION);
        assertKmsError(() -> f.encrypt(f.root, key.keyId(), utf8("x"), CONTEXT), "KMSInvalidStateException");
        assertKmsError(() -> f.decrypt(f.root, blob, CONTEXT), "KMSInvalidStateException");
        assertKmsError(() -> f.kms.generateDataKey(f.root, key.keyId(), CONTEXT, Optional.of("AES_256"),
                Optional.empty(), List.of(), true), "KMSInvalidStateException");
        assertKmsError(() -> f.kms.enableKey(f.root, key.keyId()), "KMSInvalidStateException");
        assertKmsError(() -> f.kms.scheduleKeyDeletion(f.root, key.keyId(), Optional.of(7)),
                "KMSInvalidStateException");
        assertKmsError(() -> f.kms.rotateKeyOnDemand(f.root, key.keyId()), "KMSInvalidStateException");

        f.clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(f.kms.runScheduledWork()).isEqualTo(new KmsService.ScheduledWork(0, 0));
        assertThat(f.repository.listVersions(key.keyId())).hasSize(1);
        assertThat(f.events.deleted).isEmpty();
    }

    @Test
    void cancelKeyDeletionLeavesTheKeyDisabledAndWorksOnlyWhilePending() {
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("saved"), CONTEXT);
        f.kms.scheduleKeyDeletion(f.root, key.keyId(), Optional.empty());
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).deletionDate())
                .contains(f.clock.instant().plus(Duration.ofDays(30)));

        KmsKey cancelled = f.kms.cancelKeyDeletion(f.root, key.keyId());

        assertThat(cancelled.state()).isEqualTo(KeyState.DISABLED);
        assertThat(cancelled.deletionDate()).isEmpty();
        assertKmsError(() -> f.kms.cancelKeyDeletion(f.root, key.keyId()), "KMSInvalidStateException");
        assertKmsError(() -> f.decrypt(f.root, blob, CONTEXT), "DisabledException");
        f.kms.enableKey(f.root, key.keyId());
        assertThat(f.decrypt(f.root, blob, CONTEXT)).isEqualTo(utf8("saved"));
        f.clock.advance(Duration.ofDays(31));
        assertThat(f.kms.runScheduledWork().destroyed()).isZero();
    }

    @Test
    void waitingPeriodsOutsideSevenToThirtyDaysAreRefused() {
        assertKmsError(() -> f.kms.scheduleKeyDeletion(f.root, key.keyId(), Optional.of(6)), "ValidationException");
        assertKmsError(() -> f.kms.scheduleKeyDeletion(f.root, key.keyId(), Optional.of(31)), "ValidationException");
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).state()).isEqualTo(KeyState.ENABLED);
    }
}
