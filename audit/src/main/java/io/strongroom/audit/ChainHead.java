package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

/**
 * The last record of the chain: its sequence and hash. The next record gets {@code sequence + 1}
 * and {@code hash} as its previous hash. An empty chain's head is {@link #GENESIS}.
 */
public record ChainHead(long sequence, ChainHash hash) {
    public static final ChainHead GENESIS = new ChainHead(0, ChainHash.GENESIS);

    public ChainHead {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        requireNonNull(hash, "hash");
    }
}
