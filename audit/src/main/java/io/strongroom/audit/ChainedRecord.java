package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

/**
 * A record's link in the hash chain: what an export line carries and what a verifier checks.
 *
 * @param sequence     1 for the first record, then no gaps
 * @param previousHash the hash of record {@code sequence - 1}, {@link ChainHash#GENESIS} for the first
 * @param hash         {@link HashChain#hash(ChainHash, long, String)} of the other three fields
 * @param eventJson    the record's canonical JSON
 */
public record ChainedRecord(long sequence, ChainHash previousHash, ChainHash hash, String eventJson) {
    public ChainedRecord {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        requireNonNull(previousHash, "previousHash");
        requireNonNull(hash, "hash");
        requireNonNull(eventJson, "eventJson");
    }

    /** The head after this record. */
    public ChainHead head() {
        return new ChainHead(sequence, hash);
    }
}
