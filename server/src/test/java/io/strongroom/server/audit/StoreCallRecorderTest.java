package io.strongroom.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.AuditEvent;
import io.strongroom.audit.AuditGroupCommitter;
import io.strongroom.audit.AuditTrail;
import io.strongroom.audit.Redaction;
import io.strongroom.audit.UserIdentity;
import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.audit.JdbcAuditRepository;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real SQLite store: a change and its record commit together or not at all. The "change"
 * here is itself an audit append (any store write would do), which makes what survives easy to read.
 */
class StoreCallRecorderTest {
    @TempDir
    Path dataDir;

    private Database database;
    private JdbcAuditRepository records;
    private AuditTrail trail;
    private AuditGroupCommitter groupCommitter;
    private StoreCallRecorder recorder;

    @BeforeEach
    void open() {
        database = Database.openSqlite(dataDir);
        records = new JdbcAuditRepository(database.transactor(), database.vendor());
        trail = new AuditTrail(records, Redaction.withDefaults());
        groupCommitter = new AuditGroupCommitter(trail, database.transactor());
        recorder = new StoreCallRecorder(trail, database.transactor(), groupCommitter);
    }

    @AfterEach
    void close() {
        groupCommitter.close();
        database.close();
    }

    private static AuditEvent event(String name) {
        return AuditEvent.builder().userIdentity(UserIdentity.unauthenticated(null, null)).eventTime(Instant.now())
                .eventSource("iam.amazonaws.com").eventName(name).awsRegion("us-east-1").sourceIPAddress("127.0.0.1")
                .requestId("r-" + name).recipientAccountId("111122223333").build();
    }

    private ApiResponse changeThatWrites(String name) {
        trail.record(event(name)); // stands for the call's store change
        return ApiResponse.xml(200, "<Ok/>");
    }

    @Test
    void theChangeAndItsRecordCommitTogether() {
        ApiResponse response = recorder.performWithRecord(() -> changeThatWrites("TheChange"),
                done -> event("TheRecord"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(records.readRange(1, 10, 10)).extracting(r -> r.eventName()).containsExactly("TheChange", "TheRecord");
    }

    @Test
    void aRecordThatCannotBeWrittenUndoesTheChange() {
        assertThatThrownBy(() -> recorder.performWithRecord(() -> changeThatWrites("TheChange"), done -> {
            throw new IllegalStateException("the record could not be built");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(records.chainHead().sequence()).isZero();
    }

    @Test
    void aCallThatFailsLeavesNeitherChangeNorSuccessRecord() {
        assertThatThrownBy(() -> recorder.performWithRecord(() -> {
            changeThatWrites("HalfDone");
            throw AwsException.accessDenied("denied after a partial write");
        }, done -> event("Success"))).isInstanceOf(AwsException.class);
        assertThat(records.chainHead().sequence()).isZero();
    }

    @Test
    void aRecordOfAReadIsDurableWhenRecordReturns() {
        recorder.record(event("ListUsers"));
        try (Database other = Database.openExisting(Database.sqliteUrl(dataDir))) {
            JdbcAuditRepository seenElsewhere = new JdbcAuditRepository(other.transactor(), other.vendor());
            assertThat(seenElsewhere.readRange(1, 1, 1)).extracting(r -> r.eventName()).containsExactly("ListUsers");
        }
    }
}
