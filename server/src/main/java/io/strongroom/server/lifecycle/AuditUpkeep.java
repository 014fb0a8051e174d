package io.strongroom.server.lifecycle;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditGroupCommitter;
import io.strongroom.audit.DigestSigner;
import io.strongroom.audit.export.AuditExporter;
import io.strongroom.audit.export.AuditRetention;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail's running parts: the group committer, the digest signer's schedule, the
 * exports and the retention job. Closing writes every queued record, signs a last digest, then
 * lets the exports deliver what is pending, so a clean shutdown leaves the whole trail signed and
 * (as far as the receivers allow) delivered.
 */
final class AuditUpkeep implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AuditUpkeep.class.getName());
    /** How often the signer looks whether a digest is due: a fraction of the interval, at least a second. */
    private static final int CHECKS_PER_INTERVAL = 4;
    static final Duration RETENTION_INTERVAL = Duration.ofHours(1);

    private final AuditGroupCommitter groupCommitter;
    private final DigestSigner signer;
    private final PeriodicTask digests;
    private final Optional<AuditExporter> exporter;
    private final Optional<PeriodicTask> retention;

    AuditUpkeep(AuditGroupCommitter groupCommitter, DigestSigner signer, Duration digestInterval,
                Optional<AuditExporter> exporter, Optional<AuditRetention> retention) {
        this.groupCommitter = requireNonNull(groupCommitter, "groupCommitter");
        this.signer = requireNonNull(signer, "signer");
        Duration check = digestInterval.dividedBy(CHECKS_PER_INTERVAL);
        this.digests = PeriodicTask.start("audit-digest", check.compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofSeconds(1) : check, signer::signIfDue);
        this.exporter = requireNonNull(exporter, "exporter");
        exporter.ifPresent(AuditExporter::start);
        this.retention = retention.map(job -> PeriodicTask.start("audit-retention", RETENTION_INTERVAL, () -> {
            AuditRetention.Result purged = job.purge();
            if (purged.deleted() > 0) {
                LOG.info("Audit retention deleted " + purged.deleted() + " records, through sequence "
                        + purged.purgedThrough());
            }
        }));
    }

    @Override
    public void close() {
        retention.ifPresent(PeriodicTask::close);
        digests.close();
        groupCommitter.close();
        try {
            signer.signNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The closing audit digest could not be signed; the next start signs it", e);
        }
        exporter.ifPresent(AuditExporter::close);
    }
}
