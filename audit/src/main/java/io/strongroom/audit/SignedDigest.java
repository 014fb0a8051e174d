package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed statement over the chain head at the end of one interval, in the manner of CloudTrail
 * digest files. Digests form a chain of their own: each names the previous digest's signature, and
 * each covers the sequences right after the previous one's ({@code firstSequence = previous
 * lastSequence + 1}); an interval without records gives a digest with {@code lastSequence =
 * firstSequence - 1}. {@code DigestSigner} defines the exact bytes the signature covers.
 *
 * @param digestStart             start of the interval (the previous digest's end)
 * @param digestEnd               end of the interval
 * @param firstSequence           first record sequence covered
 * @param lastSequence            last record sequence covered (the head at {@code digestEnd})
 * @param headHash                the hash of record {@code lastSequence} ({@link ChainHash#GENESIS} if none)
 * @param previousDigestSignature the previous digest's signature; empty for the first digest
 * @param keyId                   the signing key's id
 * @param signature               Ed25519 signature, 64 bytes
 */
public record SignedDigest(
        Instant digestStart,
        Instant digestEnd,
        long firstSequence,
        long lastSequence,
        ChainHash headHash,
        byte[] previousDigestSignature,
        String keyId,
        byte[] signature) {

    public SignedDigest {
        requireNonNull(digestStart, "digestStart");
        requireNonNull(digestEnd, "digestEnd");
        requireNonNull(headHash, "headHash");
        previousDigestSignature = requireNonNull(previousDigestSignature, "previousDigestSignature").clone();
        requireNonNull(keyId, "keyId");
        signature = requireNonNull(signature, "signature").clone();
    }

    @Override
    public byte[] previousDigestSignature() {
        return previousDigestSignature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** True for the first digest of a chain (no previous signature). */
    public boolean isFirst() {
        return previousDigestSignature.length == 0;
    }

    /** How many records this digest covers. */
    public long recordCount() {
        return lastSequence - firstSequence + 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedDigest that
                && digestStart.equals(that.digestStart)
                && digestEnd.equals(that.digestEnd)
                && firstSequence == that.firstSequence
                && lastSequence == that.lastSequence
                && headHash.equals(that.headHash)
                && Arrays.equals(previousDigestSignature, that.previousDigestSignature)
                && keyId.equals(that.keyId)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digestStart, digestEnd, firstSequence, lastSequence, headHash, keyId,
                Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedDigest[" + digestStart + ".." + digestEnd + ", sequences " + firstSequence + ".."
                + lastSequence + ", head " + headHash + ", key " + keyId + ", signature "
                + HexFormat.of().formatHex(signature) + "]";
    }
}
