package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.audit.testing.InMemoryAuditTransactor;
import io.strongroom.audit.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DigestSignerTest {
    private static final Instant T0 = Instant.parse("2025-03-04T05:06:07.250Z");

    private InMemoryAuditRepository repository;
    private InMemoryAuditTransactor transactor;
    private MutableClock clock;
    private AuditSigningKeys keys;
    private DigestSigner signer;
    private AuditTrail trail;

    @BeforeEach
    void setUp() {
        repository = new InMemoryAuditRepository();
        transactor = new InMemoryAuditTransactor(repository);
        clock = new MutableClock(T0);
        keys = new AuditSigningKeys(repository, transactor, new TestRootKey(), clock);
        signer = new DigestSigner(repository, transactor, keys, clock, DigestSigner.DEFAULT_INTERVAL);
        trail = new AuditTrail(repository, Redaction.withDefaults());
        keys.current(); // the key exists from T0 on
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void theDefaultIntervalIsOneMinute() {
        assertThat(DigestSigner.DEFAULT_INTERVAL).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> new DigestSigner(repository, transactor, keys, clock, Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstDigestCoversTheChainFromRecordOne() {
        clock.advance(Duration.ofSeconds(4));
        append(3);
        SignedDigest digest = signer.signIfDue().orElseThrow();

        assertThat(digest.digestStart()).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
        assertThat(digest.digestEnd()).isEqualTo(Instant.parse("2025-03-04T05:06:12Z"));
        assertThat(digest.firstSequence()).isEqualTo(1);
        assertThat(digest.lastSequence()).isEqualTo(3);
        assertThat(digest.headHash()).isEqualTo(repository.chainHead().hash());
        assertThat(digest.isFirst()).isTrue();
        assertThat(digest.keyId()).isEqualTo(keys.current().keyId());
        assertThat(DigestDocument.verifySignature(digest, keys.current().publicKey())).isTrue();
        assertThat(repository.latestDigest()).contains(digest);
    }

    @Test
    void theFirstDigestWaitsUntilASecondHasPassedSinceTheKeyWasMade() {
        InMemoryAuditRepository fresh = new InMemoryAuditRepository();
        InMemoryAuditTransactor freshTransactor = new InMemoryAuditTransactor(fresh);
        MutableClock freshClock = new MutableClock(T0);
        DigestSigner freshSigner = new DigestSigner(fresh, freshTransactor,
                new AuditSigningKeys(fresh, freshTransactor, new TestRootKey(), freshClock), freshClock,
                DigestSigner.DEFAULT_INTERVAL);
        assertThat(freshSigner.signIfDue()).isEmpty();
        assertThat(fresh.listSigningKeys()).hasSize(1);
        freshClock.advance(Duration.ofMillis(750));
        SignedDigest first = freshSigner.signIfDue().orElseThrow();
        assertThat(first.digestStart()).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
        assertThat(first.digestEnd()).isEqualTo(Instant.parse("2025-03-04T05:06:08Z"));
    }

    @Test
    void signsOncePerIntervalAndChainsThePreviousSignature() {
        append(2);
        SignedDigest first = signer.signIfDue().orElseThrow();
        clock.advance(Duration.ofSeconds(59));
        append(1);
        assertThat(signer.signIfDue()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        SignedDigest second = signer.signIfDue().orElseThrow();
        assertThat(second.digestStart()).isEqualTo(first.digestEnd());
        assertThat(second.firstSequence()).isEqualTo(3);
        assertThat(second.lastSequence()).isEqualTo(3);
        assertThat(second.previousDigestSignature()).isEqualTo(first.signature());
        assertThat(repository.listDigests(null, 10)).containsExactly(first, second);
    }

    @Test
    void anIntervalWithoutRecordsStillGetsItsDigest() {
        append(2);
        SignedDigest first = signer.signIfDue().orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        SignedDigest empty = signer.signIfDue().orElseThrow();

        assertThat(empty.firstSequence()).isEqualTo(3);
        assertThat(empty.lastSequence()).isEqualTo(2);
        assertThat(empty.recordCount()).isZero();
        assertThat(empty.headHash()).isEqualTo(first.headHash());
    }

    @Test
    void aTrailWithNoRecordsSignsTheGenesisHead() {
        SignedDigest digest = signer.signIfDue().orElseThrow();
        assertThat(digest.firstSequence()).isEqualTo(1);
        assertThat(digest.lastSequence()).isZero();
        assertThat(digest.headHash()).isEqualTo(ChainHash.GENESIS);
    }

    @Test
    void signNowIgnoresTheIntervalButNotTheSameSecond() {
        append(1);
        SignedDigest first = signer.signNow().orElseThrow();
        assertThat(signer.signNow()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        append(1);
        SignedDigest second = signer.signNow().orElseThrow();
        assertThat(second.previousDigestSignature()).isEqualTo(first.signature());
        assertThat(second.lastSequence()).isEqualTo(2);
    }

    @Test
    void twoSignersTakeTurnsAndSignOneDigestPerInterval() throws Exception {
        DigestSigner other = new DigestSigner(repository, transactor, keys, clock, DigestSigner.DEFAULT_INTERVAL);
        append(1);
        Thread a = Thread.ofPlatform().start(signer::signIfDue);
        Thread b = Thread.ofPlatform().start(other::signIfDue);
        a.join();
        b.join();
        assertThat(repository.listDigests(null, 10)).hasSize(1);
    }

    // ---- the digest document

    @Test
    void theSignedBytesAreTheDocumentedCanonicalJson() {
        byte[] previous = new byte[64];
        previous[63] = 1;
        ChainHash head = HashChain.hash(ChainHash.GENESIS, 1, "{}");
        String signed = new String(DigestDocument.signedBytes(Instant.parse("2025-03-04T05:06:00Z"),
                Instant.parse("2025-03-04T05:07:00Z"), 11, 20, head, previous, "k1"), StandardCharsets.UTF_8);
        assertThat(signed).isEqualTo("{\"digestEndTime\":\"2025-03-04T05:07:00Z\","
                + "\"digestFormat\":\"strongroom-audit-digest/1\",\"digestSignatureAlgorithm\":\"Ed25519\","
                + "\"digestStartTime\":\"2025-03-04T05:06:00Z\",\"firstSequence\":11,\"headHash\":\"" + head.hex()
                + "\",\"keyId\":\"k1\",\"lastSequence\":20,\"previousDigestSignature\":\"" + "0".repeat(126) + "01\"}");
        String first = new String(DigestDocument.signedBytes(Instant.parse("2025-03-04T05:06:00Z"),
                Instant.parse("2025-03-04T05:07:00Z"), 1, 0, ChainHash.GENESIS, new byte[0], "k1"),
                StandardCharsets.UTF_8);
        assertThat(first).contains("\"previousDigestSignature\":null");
    }

    @Test
    void theDigestFileRoundTrips() {
        append(2);
        SignedDigest first = signer.signIfDue().orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        SignedDigest second = signer.signIfDue().orElseThrow();
        for (SignedDigest digest : List.of(first, second)) {
            String file = DigestDocument.toJson(digest);
            assertThat(file).contains("\"signature\":\"" + HexFormat.of().formatHex(digest.signature()) + "\"");
            assertThat(CanonicalJson.parseCanonical(file)).isNotNull();
            assertThat(DigestDocument.parse(file)).isEqualTo(digest);
            assertThat(DigestDocument.parse(file + "\n")).isEqualTo(digest);
        }
    }

    @Test
    void refusesDigestFilesThatAreNotExactlyTheFormat() {
        append(1);
        String file = DigestDocument.toJson(signer.signIfDue().orElseThrow());
        List<String> bad = List.of(
                "[]",
                file.replace("{\"digestEndTime\"", "{ \"digestEndTime\""),
                file.replace("\"digestFormat\":\"strongroom-audit-digest/1\"", "\"digestFormat\":\"strongroom-audit-digest/2\""),
                file.replace("\"Ed25519\"", "\"SHA256withRSA\""),
                file.replace("}", ",\"extra\":1}"),
                file.replace("\"firstSequence\":1,", ""),
                file.replace("\"firstSequence\":1", "\"firstSequence\":\"1\""),
                file.replace("\"signature\":\"", "\"signature\":\"00"),
                file.replace("T05:06:07Z", "T05:06:07.000Z"),
                file.replace("2025-03-04T05:06:07Z", "yesterday"));
        for (String text : bad) {
            assertThatThrownBy(() -> DigestDocument.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anAlteredDigestNoLongerVerifies() {
        append(2);
        SignedDigest digest = signer.signIfDue().orElseThrow();
        SignedDigest altered = new SignedDigest(digest.digestStart(), digest.digestEnd(), digest.firstSequence(),
                digest.lastSequence() - 1, digest.headHash(), digest.previousDigestSignature(), digest.keyId(),
                digest.signature());
        assertThat(DigestDocument.verifySignature(altered, keys.current().publicKey())).isFalse();
    }

    private void append(int count) {
        transactor.run(() -> {
            for (int i = 0; i < count; i++) {
                trail.record(AuditEventTest.builder().eventTime(clock.instant()).build());
            }
        });
    }
}
