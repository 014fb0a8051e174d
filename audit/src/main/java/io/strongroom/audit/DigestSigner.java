package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Signs a digest over the chain head once per interval (default one minute), in the manner of
 * CloudTrail digest files: each digest covers the records appended since the previous one and
 * names that digest's signature, so digests form a chain of their own and a missing or replaced
 * digest shows. An interval without records still gets its digest (covering no record), so a
 * gap in time shows too. The server calls {@link #signIfDue()} on a timer; nodes take turns
 * through the chain-head lock, so one digest is signed per interval however many nodes run.
 */
public final class DigestSigner {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final AuditRepository repository;
    private final Transactor transactor;
    private final AuditSigningKeys keys;
    private final Clock clock;
    private final Duration interval;

    public DigestSigner(AuditRepository repository, Transactor transactor, AuditSigningKeys keys, Clock clock,
                        Duration interval) {
        this.repository = requireNonNull(repository, "repository");
        this.transactor = requireNonNull(transactor, "transactor");
        this.keys = requireNonNull(keys, "keys");
        this.clock = requireNonNull(clock, "clock");
        this.interval = requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the digest interval is at least one second");
        }
    }

    /**
     * Signs and stores the next digest when an interval has passed since the last one; the first
     * digest comes as soon as a second has passed since the signing key was made.
     */
    public Optional<SignedDigest> signIfDue() {
        return transactor.inTransaction(() -> {
            ChainHead head = repository.lockChainHead();
            Optional<SignedDigest> latest = repository.latestDigest();
            Instant now = now();
            if (latest.isPresent() && now.isBefore(latest.get().digestEnd().plus(interval))) {
                return Optional.empty();
            }
            return sign(head, latest, now);
        });
    }

    /**
     * Signs and stores a digest now whatever the interval (before an export, so it covers the
     * newest records); empty when the latest digest (or the signing key) dates from this second.
     */
    public Optional<SignedDigest> signNow() {
        return transactor.inTransaction(() -> {
            ChainHead head = repository.lockChainHead();
            return sign(head, repository.latestDigest(), now());
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Signs the digest from the latest one (or the key's creation) to now; empty when no time has passed. */
    private Optional<SignedDigest> sign(ChainHead head, Optional<SignedDigest> latest, Instant now) {
        AuditSigningKey key = keys.current();
        // the first digest starts when the signing key was made: nothing was signed before it
        Instant start = latest.map(SignedDigest::digestEnd)
                .orElseGet(() -> key.stored().created().truncatedTo(ChronoUnit.SECONDS));
        if (!now.isAfter(start)) {
            return Optional.empty(); // every digest covers at least one second, so starts never repeat
        }
        long firstSequence = latest.map(digest -> digest.lastSequence() + 1).orElse(1L);
        byte[] previousSignature = latest.map(SignedDigest::signature).orElse(new byte[0]);
        byte[] signature = key.sign(DigestDocument.signedBytes(start, now, firstSequence, head.sequence(), head.hash(),
                previousSignature, key.keyId()));
        SignedDigest digest = new SignedDigest(start, now, firstSequence, head.sequence(), head.hash(),
                previousSignature, key.keyId(), signature);
        repository.insertDigest(digest);
        return Optional.of(digest);
    }
}
