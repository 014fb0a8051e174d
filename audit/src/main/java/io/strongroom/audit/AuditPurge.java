package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A retention purge: the records up to {@code throughSequence} were deleted. The cut always falls
 * where a signed digest ends, so what remains still verifies: give the verifier the kept records
 * and the digests whose {@code firstSequence} is greater than {@code throughSequence}. The oldest
 * kept record's {@code previousHash} equals {@code anchorHash}, which the digest that ended at the
 * cut signed as its head hash.
 *
 * @param throughSequence the last deleted sequence
 * @param anchorHash      the hash of record {@code throughSequence}
 * @param purgedAt        when the purge ran
 */
public record AuditPurge(long throughSequence, ChainHash anchorHash, Instant purgedAt) {
    public AuditPurge {
        if (throughSequence < 1) {
            throw new IllegalArgumentException("a purge deletes at least record 1");
        }
        requireNonNull(anchorHash, "anchorHash");
        requireNonNull(purgedAt, "purgedAt");
    }
}
