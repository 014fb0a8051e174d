package io.strongroom.store.jdbc.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditConflictException;
import io.strongroom.audit.AuditLookupPage;
import io.strongroom.audit.AuditLookupQuery;
import io.strongroom.audit.AuditPurge;
import io.strongroom.audit.AuditRepository;
import io.strongroom.audit.ChainHash;
import io.strongroom.audit.ChainHead;
import io.strongroom.audit.LookupCursor;
import io.strongroom.audit.SignedDigest;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.StoredSigningKey;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.Vendor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditRepository} over JDBC, on SQLite or PostgreSQL alike (tables {@code audit_*} of
 * migrations V4 and V6). Each method joins the caller's transaction on the {@link JdbcTransactor} (a write
 * runs under a savepoint there), or runs in its own.
 *
 * <p>Appenders take turns on the one-row {@code audit_chain_head}: on PostgreSQL it is read
 * {@code FOR UPDATE}, which holds every other node's appender until this transaction ends; SQLite
 * admits one writer at a time already. {@link #append} inserts a batch with JDBC batching and moves
 * the head in the same transaction, so records, head and the caller's change commit together. No
 * code path updates or deletes a record, digest or key row (bar re-wrapping a key, and deleting a
 * purged prefix of records), and the migrations' triggers refuse it to anyone else too: a record
 * can only be deleted after a purge row that covers it was stored, and a purge row only where a
 * digest ends and before the chain head.
 *
 * <p>Lookups read one index range newest first per (account, category, attribute value), through a
 * 64-bit key ({@code LookupKeys}) and stop after a page; a query without a recipient account has no
 * key and scans the table, so callers (LookupEvents is per account) should always give one.
 */
public final class JdbcAuditRepository implements AuditRepository {
    private static final String SELECT_HEAD = "SELECT sequence, hash FROM audit_chain_head WHERE id = 1";
    private static final String SELECT_DIGEST = "SELECT digest_start, digest_end, first_sequence, last_sequence,"
            + " head_hash, previous_digest_signature, key_id, signature FROM audit_digests";
    private static final String SELECT_KEY = "SELECT key_id, wrapped_private_key, public_key, created FROM audit_signing_keys";

    /** The PostgreSQL advisory lock that makes purges take turns (any fixed number; "AUDPURGE"). */
    private static final long PURGE_LOCK = 0x4155445055524745L;

    private final JdbcTransactor transactor;
    private final Vendor vendor;
    private final String lockHead;

    /** {@code vendor} is the store's ({@code Database.vendor()}): locking the head is vendor SQL. */
    public JdbcAuditRepository(JdbcTransactor transactor, Vendor vendor) {
        this.transactor = requireNonNull(transactor, "transactor");
        this.vendor = requireNonNull(vendor, "vendor");
        this.lockHead = switch (vendor) {
            case POSTGRESQL -> SELECT_HEAD + " FOR UPDATE";
            // the transaction already holds SQLite's one write lock (transactions begin IMMEDIATE)
            case SQLITE -> SELECT_HEAD;
        };
    }

    // ---- the chain

    @Override
    public ChainHead lockChainHead() {
        if (!transactor.inTransaction()) {
            // a lock taken outside a transaction would be released before the caller could append
            throw new IllegalStateException("lockChainHead must run inside a transaction");
        }
        return transactor.withConnection(this::lockedHead);
    }

    @Override
    public ChainHead chainHead() {
        return transactor.withConnection(c -> head(c, SELECT_HEAD));
    }

    @Override
    public void append(List<StoredAuditRecord> records) {
        requireNonNull(records, "records");
        if (records.isEmpty()) {
            return;
        }
        // some twenty pages change per append: under a savepoint SQLite would copy them to a temporary file
        transactor.atomicallyWithoutSavepoint(c -> {
            ChainHead head = lockedHead(c);
            ChainHead last = checkContinues(head, records);
            AuditRecordRows.insert(c, records);
            // compare-and-set on the old sequence: a head moved by anyone else fails the whole append
            int moved = Sql.update(c, "UPDATE audit_chain_head SET sequence = ?, hash = ? WHERE id = 1 AND sequence = ?",
                    last.sequence(), last.hash().bytes(), head.sequence());
            if (moved != 1) {
                throw new AuditConflictException("the audit chain head moved during the append");
            }
            return null;
        });
    }

    @Override
    public List<StoredAuditRecord> readRange(long fromSequence, long toSequence, int limit) {
        if (limit < 1 || fromSequence > toSequence) {
            return List.of();
        }
        return transactor.withConnection(c -> AuditRecordRows.readRange(c, fromSequence, toSequence, limit));
    }

    // ---- retention

    @Override
    public long deletePrefix(long throughSequence, Instant purgedAt) {
        long at = Millis.of(requireNonNull(purgedAt, "purgedAt"));
        return transactor.atomically(c -> {
            if (vendor == Vendor.POSTGRESQL) {
                // purges take turns without holding the chain head, so appends go on meanwhile
                // (SQLite's one writer serialises them already)
                Sql.list(c, "SELECT pg_advisory_xact_lock(?)", row -> 1, PURGE_LOCK);
            }
            long purgedThrough = Sql.count(c, "SELECT COALESCE(MAX(through_sequence), 0) FROM audit_purges");
            if (throughSequence <= purgedThrough) {
                return 0L;
            }
            ChainHead head = head(c, SELECT_HEAD);
            if (throughSequence >= head.sequence()) {
                throw new AuditConflictException("record " + throughSequence + " is not before the chain head "
                        + head.sequence() + ": the head's record is never deleted");
            }
            byte[] anchor = Sql.one(c, "SELECT hash FROM audit_records WHERE sequence = ?", row -> row.getBytes(1),
                    throughSequence).orElseThrow(() -> new SQLException("record " + throughSequence + " is missing"));
            if (Sql.count(c, "SELECT COUNT(*) FROM audit_digests WHERE last_sequence = ? AND head_hash = ?",
                    throughSequence, anchor) == 0) {
                throw new AuditConflictException("no digest ends at record " + throughSequence
                        + ": a purge must end where a digest ends");
            }
            // the purge row first: the triggers let through the deletion of what it covers, nothing more
            Sql.update(c, "INSERT INTO audit_purges (through_sequence, anchor_hash, purged_at) VALUES (?, ?, ?)",
                    throughSequence, anchor, at);
            return (long) AuditRecordRows.deleteRange(c, purgedThrough, throughSequence);
        });
    }

    @Override
    public Optional<AuditPurge> latestPurge() {
        return transactor.withConnection(c -> Sql.one(c, "SELECT through_sequence, anchor_hash, purged_at"
                + " FROM audit_purges ORDER BY through_sequence DESC LIMIT 1", row -> new AuditPurge(
                row.getLong("through_sequence"), ChainHash.of(row.getBytes("anchor_hash")),
                Sql.instant(row, "purged_at"))));
    }

    // ---- LookupEvents

    @Override
    public AuditLookupPage lookup(AuditLookupQuery query) {
        requireNonNull(query, "query");
        // one more than asked tells whether another page follows
        List<StoredAuditRecord> found = transactor.withConnection(c ->
                AuditRecordRows.lookup(c, query, query.maxResults() + 1));
        if (found.size() <= query.maxResults()) {
            return new AuditLookupPage(found, null);
        }
        List<StoredAuditRecord> page = found.subList(0, query.maxResults());
        StoredAuditRecord last = page.getLast();
        return new AuditLookupPage(page, new LookupCursor(last.eventTime(), last.sequence()));
    }

    // ---- signed digests

    @Override
    public void insertDigest(SignedDigest digest) {
        requireNonNull(digest, "digest");
        // ON CONFLICT leaves the caller's PostgreSQL transaction usable where a failed insert would abort it
        int inserted = transactor.atomically(c -> Sql.update(c, "INSERT INTO audit_digests (digest_start, digest_end,"
                        + " first_sequence, last_sequence, head_hash, previous_digest_signature, key_id, signature)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                Millis.of(digest.digestStart()), Millis.of(digest.digestEnd()), digest.firstSequence(),
                digest.lastSequence(), digest.headHash().bytes(), digest.previousDigestSignature(), digest.keyId(),
                digest.signature()));
        if (inserted == 0) {
            throw new AuditConflictException("a digest for the interval starting " + digest.digestStart()
                    + " or ending " + digest.digestEnd() + " exists");
        }
    }

    @Override
    public Optional<SignedDigest> latestDigest() {
        return transactor.withConnection(c -> Sql.one(c, SELECT_DIGEST + " ORDER BY digest_end DESC LIMIT 1",
                JdbcAuditRepository::digest));
    }

    @Override
    public List<SignedDigest> listDigests(Instant endAfter, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactor.withConnection(c -> endAfter == null
                ? Sql.list(c, SELECT_DIGEST + " ORDER BY digest_end LIMIT ?", JdbcAuditRepository::digest, limit)
                // digest_end > endAfter, for an endAfter between two milliseconds too
                : Sql.list(c, SELECT_DIGEST + " WHERE digest_end >= ? ORDER BY digest_end LIMIT ?",
                        JdbcAuditRepository::digest, strictlyAfter(endAfter), limit));
    }

    // ---- signing keys

    @Override
    public void insertSigningKey(StoredSigningKey key) {
        requireNonNull(key, "key");
        int inserted = transactor.atomically(c -> Sql.update(c, "INSERT INTO audit_signing_keys (key_id,"
                        + " wrapped_private_key, public_key, created) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                key.keyId(), key.wrappedPrivateKey(), key.publicKey(), Millis.of(key.created())));
        if (inserted == 0) {
            throw new AuditConflictException("signing key " + key.keyId() + " exists");
        }
    }

    @Override
    public Optional<StoredSigningKey> findSigningKey(String keyId) {
        requireNonNull(keyId, "keyId");
        return transactor.withConnection(c -> Sql.one(c, SELECT_KEY + " WHERE key_id = ?",
                JdbcAuditRepository::signingKey, keyId));
    }

    @Override
    public List<StoredSigningKey> listSigningKeys() {
        return transactor.withConnection(c -> Sql.list(c, SELECT_KEY + " ORDER BY created, key_id",
                JdbcAuditRepository::signingKey));
    }

    @Override
    public boolean replaceWrappedPrivateKey(String keyId, byte[] expectedWrapped, byte[] newWrapped) {
        requireNonNull(keyId, "keyId");
        requireNonNull(expectedWrapped, "expectedWrapped");
        requireNonNull(newWrapped, "newWrapped");
        return transactor.atomically(c -> Sql.update(c, "UPDATE audit_signing_keys SET wrapped_private_key = ?"
                + " WHERE key_id = ? AND wrapped_private_key = ?", newWrapped, keyId, expectedWrapped) == 1);
    }

    // ---- rows

    private ChainHead lockedHead(Connection connection) throws SQLException {
        return head(connection, lockHead);
    }

    private static ChainHead head(Connection connection, String sql) throws SQLException {
        return Sql.one(connection, sql, row -> new ChainHead(row.getLong("sequence"), ChainHash.of(row.getBytes("hash"))))
                .orElseThrow(() -> new SQLException("the audit chain head row is missing"));
    }

    /** The head after the records, if they continue {@code head} one by one; otherwise a conflict. */
    private static ChainHead checkContinues(ChainHead head, List<StoredAuditRecord> records) {
        ChainHead current = head;
        for (StoredAuditRecord record : records) {
            if (record.sequence() != current.sequence() + 1 || !record.previousHash().equals(current.hash())) {
                throw new AuditConflictException("record " + record.sequence() + " does not continue the chain head "
                        + current.sequence());
            }
            current = new ChainHead(record.sequence(), record.hash());
        }
        return current;
    }

    private static long strictlyAfter(Instant instant) {
        long floor = Millis.floor(instant);
        return floor == Long.MAX_VALUE ? floor : floor + 1;
    }

    private static SignedDigest digest(ResultSet row) throws SQLException {
        return new SignedDigest(Sql.instant(row, "digest_start"), Sql.instant(row, "digest_end"),
                row.getLong("first_sequence"), row.getLong("last_sequence"), ChainHash.of(row.getBytes("head_hash")),
                bytesOrEmpty(row, "previous_digest_signature"), row.getString("key_id"), row.getBytes("signature"));
    }

    /** The first digest's previous signature is empty, which a driver may read back as null. */
    private static byte[] bytesOrEmpty(ResultSet row, String column) throws SQLException {
        byte[] bytes = row.getBytes(column);
        return bytes == null ? new byte[0] : bytes;
    }

    private static StoredSigningKey signingKey(ResultSet row) throws SQLException {
        return new StoredSigningKey(row.getString("key_id"), row.getBytes("wrapped_private_key"),
                row.getBytes("public_key"), Sql.instant(row, "created"));
    }
}
