package io.strongroom.server.lifecycle;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditGroupCommitter;
import io.strongroom.audit.DigestSigner;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail's running parts: the group committer and the digest signer's schedule. Closing
 * writes every queued record, then signs a last digest, so a clean shutdown leaves the whole
 * trail covered by a signature.
 */
final class AuditUpkeep implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AuditUpkeep.class.getName());
    /** How often the signer looks whether a digest is due: a fraction of the interval, at least a second. */
    private static final int CHECKS_PER_INTERVAL = 4;

    private final AuditGroupCommitter groupCommitter;
    private final DigestSigner signer;
    private final PeriodicTask digests;

    AuditUpkeep(AuditGroupCommitter groupCommitter, DigestSigner signer, Duration digestInterval) {
        this.groupCommitter = requireNonNull(groupCommitter, "groupCommitter");
        this.signer = requireNonNull(signer, "signer");
        Duration check = digestInterval.dividedBy(CHECKS_PER_INTERVAL);
        this.digests = PeriodicTask.start("audit-digest", check.compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofSeconds(1) : check, signer::signIfDue);
    }

    @Override
    public void close() {
        digests.close();
        groupCommitter.close();
        try {
            signer.signNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The closing audit digest could not be signed; the next start signs it", e);
        }
    }
}
