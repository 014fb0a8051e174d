package io.strongroom.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.audit.AuditEvent;
import io.strongroom.audit.EvidenceExport;
import io.strongroom.audit.AuditSigningKey;
import io.strongroom.audit.AuditSigningKeys;
import io.strongroom.audit.AuditTrail;
import io.strongroom.audit.DigestSigner;
import io.strongroom.audit.Redaction;
import io.strongroom.audit.UserIdentity;
import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.audit.testing.InMemoryAuditTransactor;
import io.strongroom.rootkey.FileRootKeyProvider;
import io.strongroom.store.jdbc.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit commands' arguments, messages and exit codes; the tamper tests cover what verify finds. */
class AuditCommandTest {
    @TempDir
    Path temp;

    private final OfflineCommands commands = new OfflineCommands();

    @Test
    void verifyWithoutAnExportExitsTwo() {
        assertThat(run("audit", "verify", temp.resolve("missing").toString())).isEqualTo(2);
        assertThat(stderr()).contains("strongroom: no export at " + temp.resolve("missing"));
    }

    @Test
    void verifyWithAFileThatIsNoPublicKeyExitsTwo() throws Exception {
        Path export = exportOfASmallTrail();
        Path notAKey = Files.writeString(temp.resolve("not-a-key.pem"), "hello");
        assertThat(run("audit", "verify", export.toString(), "--public-key", notAKey.toString())).isEqualTo(2);
        assertThat(stderr()).contains("--public-key " + notAKey + ": not a readable Ed25519 public key in PEM");
    }

    @Test
    void verifyWithoutAPublicKeyUsesTheExportsAndWarns() throws Exception {
        Path export = exportOfASmallTrail();
        assertThat(run("audit", "verify", export.toString())).isZero();
        assertThat(stdout().lines().toList()).first().isEqualTo("verified 3 records, 1 digests, sequences 1..3");
        assertThat(stdout()).contains(" (from the export)");
        assertThat(stderr()).startsWith("WARNING: no --public-key given");
    }

    @Test
    void verifyNeedsAKeySomewhere() throws Exception {
        Path export = exportOfASmallTrail();
        try (var keys = Files.list(export.resolve("public-keys"))) {
            for (Path key : keys.toList()) {
                Files.delete(key);
            }
        }
        assertThat(run("audit", "verify", export.toString())).isEqualTo(2);
        assertThat(stderr()).contains("no public key in the export: pass --public-key <PEM>");
    }

    @Test
    void exportOfAStoreWithoutRecordsSaysSo() throws Exception {
        String url = storeWithoutRecords();
        Path export = temp.resolve("export");
        assertThat(run("audit", "export", "--db-url", url, "--out", export.toString())).isZero();
        assertThat(stdout()).startsWith("exported no records to " + export)
                .contains("exported 0 signed digests");
        commands.clearOutput();
        assertThat(run("audit", "verify", export.toString(), "--public-key", someKey().toString())).isZero();
        assertThat(stdout()).startsWith("verified 0 records, 0 digests, sequences none");
    }

    @Test
    void exportRefusesADirectoryThatIsNotEmpty() throws Exception {
        String url = storeWithoutRecords();
        Path export = Files.createDirectories(temp.resolve("export"));
        Files.writeString(export.resolve("mine.txt"), "keep");
        assertThat(run("audit", "export", "--db-url", url, "--out", export.toString())).isEqualTo(2);
        assertThat(stderr()).contains("--out " + export + " is not empty: export into a new directory");
        assertThat(Files.readString(export.resolve("mine.txt"))).isEqualTo("keep");
    }

    @Test
    void exportRefusesSequenceZero() throws Exception {
        String url = storeWithoutRecords();
        assertThat(run("audit", "export", "--db-url", url, "--out", temp.resolve("e").toString(),
                "--from-sequence", "0")).isEqualTo(2);
        assertThat(stderr()).contains("--from-sequence must be at least 1, not 0");
    }

    @Test
    void exportOfAStoreThatDoesNotExistFailsWithoutCreatingIt() {
        Path missing = temp.resolve("nowhere").resolve("strongroom.db");
        assertThat(run("audit", "export", "--db-url", "jdbc:sqlite:" + missing, "--out", temp.resolve("e").toString()))
                .isEqualTo(1);
        assertThat(stderr()).contains("no store at");
        assertThat(missing).doesNotExist();
    }

    // ---- helpers

    private String storeWithoutRecords() {
        String url = Database.sqliteUrl(temp.resolve("store"));
        Database.open(url).close();
        return url;
    }

    private Path someKey() throws Exception {
        try (FileRootKeyProvider rootKey = FileRootKeyProvider.open(temp.resolve("other-root-key"))) {
            AuditSigningKey key = AuditSigningKey.generate(rootKey, Instant.EPOCH);
            return Files.writeString(temp.resolve("some-key.pem"), key.publicKeyPem());
        }
    }

    /** Three records and one digest, exported from memory (what the file commands read is all that counts). */
    private Path exportOfASmallTrail() throws Exception {
        InMemoryAuditRepository repository = new InMemoryAuditRepository();
        InMemoryAuditTransactor transactor = new InMemoryAuditTransactor(repository);
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        try (FileRootKeyProvider rootKey = FileRootKeyProvider.open(temp.resolve("root-key"))) {
            AuditSigningKeys keys = new AuditSigningKeys(repository, transactor, rootKey, Clock.fixed(start, ZoneOffset.UTC));
            keys.current();
            AuditTrail trail = new AuditTrail(repository, Redaction.withDefaults());
            transactor.run(() -> trail.recordAll(List.of(event(start), event(start), event(start))));
            new DigestSigner(repository, transactor, keys, Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC),
                    Duration.ofMinutes(1)).signIfDue().orElseThrow();
        }
        Path export = temp.resolve("small-export");
        new EvidenceExport(repository).writeTo(export, 1);
        return export;
    }

    private static AuditEvent event(Instant time) {
        return AuditEvent.builder()
                .userIdentity(UserIdentity.iamUser("AIDAEXAMPLE", "arn:aws:iam::111122223333:user/alice",
                        "111122223333", "AKIAIOSFODNN7EXAMPLE", "alice"))
                .eventTime(time).eventSource("iam.amazonaws.com").eventName("ListUsers").awsRegion("us-east-1")
                .sourceIPAddress("10.0.0.7").requestId("REQ").readOnly(true).recipientAccountId("111122223333")
                .build();
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
}
