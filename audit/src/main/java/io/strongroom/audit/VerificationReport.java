package io.strongroom.audit;

import java.time.Instant;

/**
 * What {@link AuditVerifier} found.
 *
 * @param recordsVerified         records whose chain link and hash were checked before it stopped
 * @param lastSequence            the sequence of the last record checked (0 when none)
 * @param digestsVerified         digests whose signature, chain and head hash were checked
 * @param signedThroughSequence   the last record a verified digest covers (0 when none)
 * @param signedUntil             the end time of the last verified digest; null when none. An
 *                                auditor compares it with the time the export was taken: digests
 *                                come every interval, so an older one means later digests are missing
 * @param unsignedRecords         records after the last digest: chained but not yet signed, so
 *                                only as trustworthy as the export they came in
 * @param finding                 the first problem, in record order; null when there is none
 */
public record VerificationReport(
        long recordsVerified,
        long lastSequence,
        int digestsVerified,
        long signedThroughSequence,
        Instant signedUntil,
        long unsignedRecords,
        Finding finding) {

    /** True when no problem was found. */
    public boolean ok() {
        return finding == null;
    }

    /** The sequence of the first record checked (0 when none). */
    public long firstSequence() {
        return recordsVerified == 0 ? 0 : lastSequence - recordsVerified + 1;
    }

    /** The same report with a finding that a check beyond the chain made (see {@link EvidenceDirectory}). */
    VerificationReport withFinding(Finding newFinding) {
        return new VerificationReport(recordsVerified, lastSequence, digestsVerified, signedThroughSequence,
                signedUntil, unsignedRecords, newFinding);
    }

    /**
     * One line for the auditor: {@code verified N records, M digests, sequences a..b} on success,
     * {@code FAILED: <finding>} otherwise.
     */
    public String summary() {
        if (!ok()) {
            return "FAILED: " + finding;
        }
        return "verified " + recordsVerified + " records, " + digestsVerified + " digests, sequences "
                + (recordsVerified == 0 ? "none" : firstSequence() + ".." + lastSequence);
    }

    /** The kinds of problem a verification reports. */
    public enum Kind {
        /** A line is not an export line. */
        MALFORMED_RECORD,
        /** A record (its text, its hash or its previous-hash link) is not what was chained. */
        MODIFIED_RECORD,
        /** A record appears later than a record that follows it. */
        REORDERED_RECORD,
        /** A record appears twice. */
        DUPLICATE_RECORD,
        /** Sequences are missing from the records. */
        MISSING_RECORD,
        /** The records end before the last digest's last sequence. */
        TRUNCATED_TAIL,
        /** Records come before the first digest, which does not cover them. */
        UNCOVERED_RECORDS,
        /** A digest names a signing key whose public key was not given. */
        DIGEST_WRONG_KEY,
        /** A digest's signature does not verify: the digest was forged or altered. */
        DIGEST_SIGNATURE_INVALID,
        /** A digest does not name the previous digest's signature, or overlaps it. */
        DIGEST_CHAIN_BROKEN,
        /** Sequences or time between two digests that no digest covers. */
        DIGEST_GAP,
        /** The records of a digest's range do not hash to the head the digest signed. */
        DIGEST_HEAD_MISMATCH,
        /** A digest file cannot be read as a digest (reported without a sequence). */
        MALFORMED_DIGEST,
        /** Records come without any digest: nothing signs them. */
        NO_DIGEST
    }

    /**
     * One problem.
     *
     * @param kind     what is wrong
     * @param sequence the first record sequence it concerns; 0 when none does (a digest file
     *                 that cannot be read)
     * @param message  a sentence for the auditor
     */
    public record Finding(Kind kind, long sequence, String message) {
        @Override
        public String toString() {
            return sequence == 0 ? kind + ": " + message : kind + " at sequence " + sequence + ": " + message;
        }
    }
}
