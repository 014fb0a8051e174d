// SPI-READY
package io.strongroom.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of the audit trail: the hash-chained records, the chain head, the signed digests and
 * the signing keys.
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>Every call joins the caller's current transaction ({@link io.strongroom.core.spi.Transactor}):
 *       a management event's record commits or rolls back with the change it describes; a batch of
 *       data events commits as one group.
 *   <li>Appenders take turns: {@link #lockChainHead()} holds the head until the transaction ends (on
 *       PostgreSQL a one-row chain-head table read {@code FOR UPDATE}; on SQLite the write lock), so
 *       two nodes never chain onto the same head.
 *   <li>{@link #append} checks that the records continue the stored head and throws
 *       {@link AuditConflictException} (changing nothing) otherwise; sequences have no gaps.
 *   <li>Instants are stored with at least millisecond precision (the domain never passes finer).
 *   <li>Records, digests and keys are never updated or deleted, except a signing key's wrapped
 *       private key, which root-key rotation re-wraps ({@link #replaceWrappedPrivateKey}), and the
 *       oldest records, which retention deletes as a prefix that ends where a digest ends
 *       ({@link #deletePrefix}).
 * </ul>
 */
public interface AuditRepository {

    // ---- the chain

    /**
     * Reads the chain head and locks it until the current transaction ends; {@link ChainHead#GENESIS}
     * when no record exists. Call it inside a transaction, then {@link #append} in the same one.
     */
    ChainHead lockChainHead();

    /** Reads the chain head without locking it (status, digests in a read-only view). */
    ChainHead chainHead();

    /**
     * Appends records in the given order and moves the head to the last one. The first record's
     * sequence must be the head's plus one and its previous hash the head's hash; each further
     * record must continue the one before it (sequence plus one, previous hash = its hash).
     * Otherwise throws {@link AuditConflictException} and stores none of them. An empty list does nothing.
     * A failed append may leave the caller's transaction unable to commit: let the failure end it.
     */
    void append(List<StoredAuditRecord> records);

    /**
     * Records with {@code fromSequence <= sequence <= toSequence}, ascending by sequence, at most
     * {@code limit}. After a purge the range simply starts at the oldest kept record.
     */
    List<StoredAuditRecord> readRange(long fromSequence, long toSequence, int limit);

    // ---- retention

    /**
     * Deletes the oldest records, every sequence up to {@code throughSequence}, with their lookup
     * entries, and stores the purge ({@link #latestPurge()}) in the same transaction. What remains
     * must still verify and the chain must still have its head, so {@code throughSequence} must be
     * the {@code lastSequence} of a stored digest (the remaining records then start where the next
     * digest starts) and lie before the chain head's sequence. Otherwise throws
     * {@link AuditConflictException} and deletes nothing. A cut at or before the latest purge deletes
     * nothing and returns 0. Digests and signing keys are kept. Joins the caller's transaction.
     *
     * @param purgedAt when the purge runs (millisecond precision)
     * @return how many records were deleted
     */
    long deletePrefix(long throughSequence, Instant purgedAt);

    /** The latest purge; empty while no record was ever deleted. */
    Optional<AuditPurge> latestPurge();

    // ---- LookupEvents

    /** The records that match the query, newest first by {@code (eventTime, sequence)}, one page at a time. */
    AuditLookupPage lookup(AuditLookupQuery query);

    // ---- signed digests

    /**
     * Stores a digest. Throws {@link AuditConflictException} when a stored digest has the same
     * {@code digestStart} or the same {@code digestEnd} (two nodes signing the same interval).
     */
    void insertDigest(SignedDigest digest);

    /** The digest with the latest {@code digestEnd}. */
    Optional<SignedDigest> latestDigest();

    /**
     * Digests with {@code digestEnd} strictly after {@code endAfter} (every digest when null),
     * ascending by {@code digestEnd}, at most {@code limit}.
     */
    List<SignedDigest> listDigests(Instant endAfter, int limit);

    // ---- signing keys

    /** Stores a new signing key; throws {@link AuditConflictException} when the key id is taken. */
    void insertSigningKey(StoredSigningKey key);

    Optional<StoredSigningKey> findSigningKey(String keyId);

    /** Every signing key, oldest first by {@code created} (ties by key id); the last one signs. */
    List<StoredSigningKey> listSigningKeys();

    /**
     * Replaces a key's wrapped private key only if it still holds {@code expectedWrapped}
     * (compare-and-set, for root-key rotation). Returns false when the key is unknown or was changed.
     */
    boolean replaceWrappedPrivateKey(String keyId, byte[] expectedWrapped, byte[] newWrapped);
}
