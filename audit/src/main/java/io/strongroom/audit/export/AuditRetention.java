package io.strongroom.audit.export;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditPurge;
import io.strongroom.audit.AuditRepository;
import io.strongroom.audit.SignedDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Deletes audit records older than the retention period, but never one that an enabled export has
 * not delivered, never one that no digest has signed yet, and never the chain head's.
 *
 * <p>A record is older than the retention when the digest that covers it ended before the cutoff
 * (records are appended before the digest that signs them ends, and their event time comes before
 * their append). Purges cut the chain only where a digest ends ({@link AuditRepository#deletePrefix}),
 * so what is kept starts where a digest starts and verifies on its own: give the verifier the kept
 * records and the digests with {@code firstSequence > } {@link AuditPurge#throughSequence()}; the
 * oldest kept record chains from {@link AuditPurge#anchorHash()}, which that earlier digest signed.
 * Digests themselves are kept. Each purge deletes at most about {@code chunkRecords} records (a
 * whole digest's records at least) per transaction, so appends are not held up for long.
 */
public final class AuditRetention {
    /** The default number of records a purge deletes in one transaction, rounded up to a digest's end. */
    public static final int DEFAULT_CHUNK_RECORDS = 50_000;
    private static final int DIGEST_PAGE = 1000;
    private static final System.Logger LOG = System.getLogger(AuditRetention.class.getName());

    private final AuditRepository repository;
    private final ExportCursorRepository cursors;
    private final Set<String> enabledExports;
    private final RetentionPeriod retention;
    private final Clock clock;
    private final int chunkRecords;
    /** The end of the last digest a purge reached, so the next run reads only newer digests. */
    private Instant purgedDigestsEndAt;

    /**
     * @param enabledExports the exports whose cursors hold records back ({@link AuditExporter#exportNames()})
     */
    public AuditRetention(AuditRepository repository, ExportCursorRepository cursors, Set<String> enabledExports,
                          RetentionPeriod retention, Clock clock, int chunkRecords) {
        this.repository = requireNonNull(repository, "repository");
        this.cursors = requireNonNull(cursors, "cursors");
        this.enabledExports = Set.copyOf(enabledExports);
        this.retention = requireNonNull(retention, "retention");
        this.clock = requireNonNull(clock, "clock");
        if (chunkRecords < 1) {
            throw new IllegalArgumentException("chunkRecords must be positive");
        }
        this.chunkRecords = chunkRecords;
    }

    public AuditRetention(AuditRepository repository, ExportCursorRepository cursors, Set<String> enabledExports,
                          RetentionPeriod retention, Clock clock) {
        this(repository, cursors, enabledExports, retention, clock, DEFAULT_CHUNK_RECORDS);
    }

    /** What one run did: how many records it deleted, and the last deleted sequence (0 when none ever was). */
    public record Result(long deleted, long purgedThrough) {
    }

    /** Deletes what the retention allows now. Not for concurrent use (one scheduled run at a time). */
    public synchronized Result purge() {
        long purged = repository.latestPurge().map(AuditPurge::throughSequence).orElse(0L);
        long limit = undeliveredLimit();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant cutoff = retention.cutoff(now);
        long deleted = 0;
        long cut = purged;
        long candidate = purged;
        Instant reached = purgedDigestsEndAt;
        Instant endAfter = purgedDigestsEndAt;
        scan:
        while (true) {
            List<SignedDigest> page = repository.listDigests(endAfter, DIGEST_PAGE);
            for (SignedDigest digest : page) {
                // digests come in order of end time, and their last sequences never decrease
                if (digest.digestEnd().isAfter(cutoff) || digest.lastSequence() > limit) {
                    break scan;
                }
                endAfter = digest.digestEnd();
                if (digest.lastSequence() <= purged) {
                    reached = endAfter;
                    continue;
                }
                candidate = digest.lastSequence();
                if (candidate - cut >= chunkRecords) {
                    deleted += repository.deletePrefix(candidate, now);
                    cut = candidate;
                    reached = endAfter;
                }
            }
            if (page.size() < DIGEST_PAGE) {
                break;
            }
        }
        if (candidate > cut) {
            deleted += repository.deletePrefix(candidate, now);
            cut = candidate;
            reached = endAfter;
        }
        purgedDigestsEndAt = reached;
        if (deleted > 0) {
            LOG.log(System.Logger.Level.INFO, "Audit retention deleted " + deleted + " records through sequence " + cut
                    + " (older than " + retention + " and delivered to " + (enabledExports.isEmpty() ? "no export"
                    : "every export: " + String.join(", ", enabledExports.stream().sorted().toList())) + ")");
        }
        return new Result(deleted, cut);
    }

    /** The last sequence retention may delete ignoring time: before the head, delivered everywhere. */
    private long undeliveredLimit() {
        long limit = repository.chainHead().sequence() - 1;
        for (String export : enabledExports) {
            limit = Math.min(limit, cursors.deliveredThrough(export));
        }
        return limit;
    }
}
