package io.strongroom.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.audit.AuditEvent;
import io.strongroom.audit.AuditSigningKey;
import io.strongroom.audit.AuditSigningKeys;
import io.strongroom.audit.AuditTrail;
import io.strongroom.audit.ChainHash;
import io.strongroom.audit.DigestDocument;
import io.strongroom.audit.DigestSigner;
import io.strongroom.audit.HashChain;
import io.strongroom.audit.Redaction;
import io.strongroom.audit.SignedDigest;
import io.strongroom.audit.UserIdentity;
import io.strongroom.audit.testing.MutableClock;
import io.strongroom.rootkey.FileRootKeyProvider;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.audit.JdbcAuditRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tamper tests on a real store: a trail is written with {@link AuditTrail} into the JDBC repository
 * and signed with {@link DigestSigner}; then the store's rows are changed by SQL, as someone with
 * access to the database would (the append-only triggers switched off first), and
 * {@code strongroom audit export} and {@code strongroom audit verify} run in-process. Each test
 * expects the exact finding: kind, sequence and sentence.
 *
 * <p>The trail: digests over records 1..40 and 41..80, an empty digest (an interval without
 * records), a digest over 81..120, then records 121..125 not signed yet.
 */
abstract class AuditEvidenceTamperContract {
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final int RECORDS = 125;

    @TempDir
    Path temp;

    private String url;
    private AuditSigningKey signingKey;
    private Path publicKeyPem;
    private final OfflineCommands commands = new OfflineCommands();

    /** The JDBC URL of a new, empty store for one test. */
    abstract String freshStoreUrl() throws Exception;

    /** Switches off what stops this connection from changing audit rows (an attacker's first step). */
    abstract void disableAppendOnlyGuards(Connection connection) throws SQLException;

    @BeforeEach
    void writeAndSignTrail() throws Exception {
        url = freshStoreUrl();
        MutableClock clock = new MutableClock(START);
        try (Database database = Database.open(url);
             FileRootKeyProvider rootKey = FileRootKeyProvider.open(temp.resolve("root-key"))) {
            JdbcAuditRepository repository = new JdbcAuditRepository(database.transactor(), database.vendor());
            AuditSigningKeys keys = new AuditSigningKeys(repository, database.transactor(), rootKey, clock);
            DigestSigner signer = new DigestSigner(repository, database.transactor(), keys, clock,
                    DigestSigner.DEFAULT_INTERVAL);
            AuditTrail trail = new AuditTrail(repository, Redaction.withDefaults());
            signingKey = keys.current();
            int appended = 0;
            for (int block = 0; block < 3; block++) {
                for (int batch = 0; batch < 4; batch++) {
                    appended = append(database, trail, clock, appended, 10);
                }
                clock.advance(Duration.ofMinutes(1));
                signer.signIfDue().orElseThrow();
                if (block == 1) {
                    clock.advance(Duration.ofMinutes(1));
                    signer.signIfDue().orElseThrow();
                }
            }
            append(database, trail, clock, appended, 5);
        }
        // what the auditor receives through a separate channel
        publicKeyPem = temp.resolve("trail-key.pem");
        Files.writeString(publicKeyPem, signingKey.publicKeyPem());
    }

    private static int append(Database database, AuditTrail trail, MutableClock clock, int from, int count) {
        database.transactor().run(() -> {
            List<AuditEvent> events = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
                events.add(AuditEvent.builder()
                        .userIdentity(UserIdentity.iamUser("AIDAEXAMPLE", "arn:aws:iam::111122223333:user/alice",
                                "111122223333", "AKIAIOSFODNN7EXAMPLE", "alice"))
                        .eventTime(clock.instant()).eventSource("iam.amazonaws.com").eventName("GetUser")
                        .awsRegion("us-east-1").sourceIPAddress("10.0.0.7").userAgent("aws-cli/2.22.0")
                        .requestId("REQ" + i).readOnly(true).recipientAccountId("111122223333")
                        .requestParameters(Map.of("userName", "user-" + (i + 1)))
                        .build());
            }
            trail.recordAll(events);
        });
        return from + count;
    }

    // ---- the untouched trail

    @Test
    void anUntouchedTrailVerifies() {
        assertThat(exportAndVerify()).isZero();
        assertThat(lines()).first().isEqualTo("verified 125 records, 4 digests, sequences 1..125");
        assertThat(stdout()).contains("public key " + signingKey.keyId() + " (given)")
                .contains("signed through record 120 by digests until 2026-01-05T09:04:00Z")
                .contains("records 121..125 are chained but not signed by a digest yet");
    }

    // ---- records

    @Test
    void aChangedByteInARecordIsFoundAtItsSequence() throws SQLException {
        tamper(c -> update(c, "UPDATE audit_records SET event_json = replace(event_json, '\"user-42\"', '\"user-43\"')"
                + " WHERE sequence = 42"));
        assertFailure("MODIFIED_RECORD at sequence 42: record 42 does not match its hash: its text or its hash"
                + " was modified");
    }

    @Test
    void aDeletedRecordIsReportedMissing() throws SQLException {
        tamper(c -> update(c, "DELETE FROM audit_records WHERE sequence = 42"));
        assertFailure("MISSING_RECORD at sequence 42: record 42 is missing (the next record is 43)");
    }

    @Test
    void twoSwappedRecordsAreReportedAtTheFirst() throws SQLException {
        // the rows trade places: each keeps its text and hashes under the other's sequence
        tamper(c -> {
            update(c, "UPDATE audit_records SET sequence = 1000000 WHERE sequence = 42");
            update(c, "UPDATE audit_records SET sequence = 42 WHERE sequence = 43");
            update(c, "UPDATE audit_records SET sequence = 43 WHERE sequence = 1000000");
        });
        assertFailure("REORDERED_RECORD at sequence 42: record 42 holds the record chained as 43: records were"
                + " swapped or moved");
    }

    @Test
    void twoSwappedRecordTextsAreReportedAtTheFirst() throws SQLException {
        tamper(c -> {
            String first = text(c, 42);
            String second = text(c, 43);
            update(c, "UPDATE audit_records SET event_json = ? WHERE sequence = 42", second);
            update(c, "UPDATE audit_records SET event_json = ? WHERE sequence = 43", first);
        });
        assertFailure("REORDERED_RECORD at sequence 42: record 42 holds the text of record 43: records' texts were"
                + " swapped or moved");
    }

    @Test
    void aTruncatedTailIsReportedEvenWithTheChainHeadMovedBack() throws SQLException {
        tamper(c -> {
            update(c, "DELETE FROM audit_records WHERE sequence > 100");
            update(c, "UPDATE audit_chain_head SET sequence = 100, hash = (SELECT hash FROM audit_records"
                    + " WHERE sequence = 100) WHERE id = 1");
        });
        assertFailure("TRUNCATED_TAIL at sequence 101: the records end at 100 but the digest of"
                + " 2026-01-05T09:03:00Z to 2026-01-05T09:04:00Z (records 81..120) covers records through 120");
    }

    @Test
    void aRecordRewrittenWithItsChainRecomputedIsCaughtByTheSignedHead() throws SQLException {
        tamper(c -> {
            ChainHash previous = ChainHash.of(hash(c, 41));
            for (long sequence = 42; sequence <= RECORDS; sequence++) {
                String text = text(c, sequence);
                if (sequence == 42) {
                    text = text.replace("\"user-42\"", "\"user-43\"");
                }
                ChainHash hash = HashChain.hash(previous, sequence, text);
                update(c, "UPDATE audit_records SET event_json = ?, previous_hash = ?, hash = ? WHERE sequence = ?",
                        text, previous.bytes(), hash.bytes(), sequence);
                previous = hash;
            }
            update(c, "UPDATE audit_chain_head SET hash = ? WHERE id = 1", previous.bytes());
        });
        assertFailure("DIGEST_HEAD_MISMATCH at sequence 41: records 41..80 do not hash to the head signed by the"
                + " digest of 2026-01-05T09:01:00Z to 2026-01-05T09:02:00Z (records 41..80): a record in this range"
                + " was modified and the chain recomputed");
    }

    // ---- digests

    @Test
    void aDigestReSignedWithAnotherKeyIsReported() throws Exception {
        AuditSigningKey attacker;
        try (FileRootKeyProvider otherRootKey = FileRootKeyProvider.open(temp.resolve("attacker-root-key"))) {
            attacker = AuditSigningKey.generate(otherRootKey, START);
        }
        tamper(c -> {
            SignedDigest first = digest(c, 40);
            SignedDigest second = digest(c, 80);
            byte[] signature = attacker.sign(DigestDocument.signedBytes(second.digestStart(), second.digestEnd(),
                    second.firstSequence(), second.lastSequence(), second.headHash(), first.signature(),
                    attacker.keyId()));
            update(c, "UPDATE audit_digests SET key_id = ?, signature = ? WHERE first_sequence = 41",
                    attacker.keyId(), signature);
        });
        assertFailure("DIGEST_WRONG_KEY at sequence 41: the digest of 2026-01-05T09:01:00Z to 2026-01-05T09:02:00Z"
                + " (records 41..80) is signed by key " + attacker.keyId()
                + ", which is not among the public keys given");
    }

    @Test
    void aDigestWithAnotherHeadHashIsReportedForged() throws SQLException {
        tamper(c -> update(c, "UPDATE audit_digests SET head_hash = (SELECT hash FROM audit_records WHERE sequence = 79)"
                + " WHERE first_sequence = 41"));
        assertFailure("DIGEST_SIGNATURE_INVALID at sequence 41: the digest of 2026-01-05T09:01:00Z to"
                + " 2026-01-05T09:02:00Z (records 41..80) has a signature that does not verify: it was forged or altered");
    }

    @Test
    void aDeletedDigestLeavesAGap() throws SQLException {
        tamper(c -> update(c, "DELETE FROM audit_digests WHERE first_sequence = 41"));
        assertFailure("DIGEST_GAP at sequence 41: no digest covers records 41..80 (between the digest of"
                + " 2026-01-05T09:00:00Z to 2026-01-05T09:01:00Z (records 1..40) and the digest of"
                + " 2026-01-05T09:02:00Z to 2026-01-05T09:03:00Z (records none))");
    }

    // ---- running the commands

    private int exportAndVerify() {
        Path export = temp.resolve("export");
        int exported = run("audit", "export", "--db-url", url, "--data-dir", temp.resolve("data").toString(),
                "--out", export.toString());
        assertThat(exported).as(stderr()).isZero();
        assertThat(stdout()).contains("exported ").contains(" public keys: " + signingKey.keyId());
        commands.clearOutput();
        return run("audit", "verify", export.toString(), "--public-key", publicKeyPem.toString());
    }

    private void assertFailure(String finding) {
        assertThat(exportAndVerify()).as(stdout() + stderr()).isEqualTo(StrongroomCommand.EXIT_FAILURE);
        assertThat(lines()).first().isEqualTo("FAILED: " + finding);
    }

    private int run(String... args) {
        return commands.run(args);
    }

    private String stdout() {
        return commands.stdout();
    }

    private String stderr() {
        return commands.stderr();
    }

    private List<String> lines() {
        return stdout().lines().toList();
    }

    // ---- tampering

    @FunctionalInterface
    interface Tampering {
        void apply(Connection connection) throws SQLException;
    }

    private void tamper(Tampering tampering) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            disableAppendOnlyGuards(connection);
            tampering.apply(connection);
        }
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static String text(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT event_json FROM audit_records WHERE sequence = ?")) {
            statement.setLong(1, sequence);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static byte[] hash(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT hash FROM audit_records WHERE sequence = ?")) {
            statement.setLong(1, sequence);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    private static SignedDigest digest(Connection connection, long lastSequence) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT digest_start, digest_end,"
                + " first_sequence, last_sequence, head_hash, previous_digest_signature, key_id, signature"
                + " FROM audit_digests WHERE last_sequence = ? AND first_sequence <= last_sequence")) {
            statement.setLong(1, lastSequence);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                byte[] previous = row.getBytes("previous_digest_signature");
                return new SignedDigest(Instant.ofEpochMilli(row.getLong("digest_start")),
                        Instant.ofEpochMilli(row.getLong("digest_end")), row.getLong("first_sequence"),
                        row.getLong("last_sequence"), ChainHash.of(row.getBytes("head_hash")),
                        previous == null ? new byte[0] : previous, row.getString("key_id"), row.getBytes("signature"));
            }
        }
    }
}
