package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.PostgresTestDatabase;
import io.strongroom.store.jdbc.audit.JdbcAuditRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.auth.scheme.S3AuthSchemeProvider;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.InvalidObjectStateException;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tier;
import software.amazon.awssdk.services.s3.model.TransitionDefaultMinimumObjectSize;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Archive storage classes through the SDK on a node whose clock the test moves and whose lifecycle
 * scheduler passes every 100 ms: a lifecycle rule moves an object to GLACIER, a GET is refused until
 * RestoreObject's copy is made, the copy expires, an incomplete upload is aborted after its days, the
 * archive directory holds only ciphertext, and every refusal changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ArchiveEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private MutableClock clock;
    private StrongroomTestServer server;
    private S3Client s3;

    @BeforeAll
    void start() throws Exception {
        clock = new MutableClock();
        Optional<PostgresTestDatabase> database = Optional.empty();
        if (getClass().isAnnotationPresent(UsePostgres.class)) {
            Optional<String> adminUrl = PostgresTestDatabase.adminUrl();
            assumeTrue(adminUrl.isPresent(), PostgresTestDatabase.VARIABLE + " is not set");
            database = Optional.of(PostgresTestDatabase.create(adminUrl.get()));
        }
        server = StrongroomTestServer.start(database.map(PostgresTestDatabase::url), Map.of(), clock,
                Duration.ofMillis(100));
        database.ifPresent(server::closeAfterStop);
        // the SDK signs with the node's moved clock, as a client whose own clock is right would
        S3AuthSchemeProvider schemes = S3AuthSchemeProvider.defaultProvider();
        s3 = S3Client.builder().endpointOverride(server.endpoint()).region(AwsClients.REGION).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.admin().accessKeyId(), server.admin().secretAccessKey())))
                .authSchemeProvider(parameters -> schemes.resolveAuthScheme(parameters).stream()
                        .map(option -> option.toBuilder().putSignerProperty(HttpSigner.SIGNING_CLOCK, clock).build())
                        .toList())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void byDefaultAnObjectSmallerThan128KiBIsNotTransitioned() throws Exception {
        s3.createBucket(r -> r.bucket("e2e-archive-sizes"));
        s3.putObject(r -> r.bucket("e2e-archive-sizes").key("small"), RequestBody.fromBytes(new byte[128 * 1024 - 1]));
        s3.putObject(r -> r.bucket("e2e-archive-sizes").key("big"), RequestBody.fromBytes(new byte[128 * 1024]));
        var put = s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-archive-sizes").lifecycleConfiguration(c -> c
                .rules(LifecycleRule.builder().id("archive").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                        .transitions(t -> t.days(1).storageClass(TransitionStorageClass.GLACIER)).build())));
        assertThat(put.transitionDefaultMinimumObjectSize())
                .isEqualTo(TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);

        clock.advance(Duration.ofDays(3));
        await(() -> storageClass("e2e-archive-sizes", "big").equals("GLACIER"));
        Thread.sleep(500); // a few more passes of the scheduler, which runs every 100 ms here
        assertThat(storageClass("e2e-archive-sizes", "small")).isEqualTo("STANDARD");
    }

    @Test
    void aLifecycleRuleArchivesTheObjectARestoreMakesItReadableForItsDaysAndStaleUploadsAreAborted()
            throws Exception {
        String body = "archived ledger line " + System.nanoTime();
        s3.createBucket(r -> r.bucket("e2e-archive"));
        s3.putObject(r -> r.bucket("e2e-archive").key("cold/ledger.csv"), RequestBody.fromString(body));
        s3.putObject(r -> r.bucket("e2e-archive").key("warm/recent.csv"), RequestBody.fromString("recent"));
        String uploadId = s3.createMultipartUpload(r -> r.bucket("e2e-archive").key("uploads/big.bin")).uploadId();
        s3.uploadPart(r -> r.bucket("e2e-archive").key("uploads/big.bin").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("a part nobody completes"));
        LifecycleRule archive = LifecycleRule.builder().id("archive").status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("cold/"))
                .transitions(t -> t.days(1).storageClass(TransitionStorageClass.GLACIER)).build();
        LifecycleRule abort = LifecycleRule.builder().id("abort").status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("uploads/"))
                .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(2)).build();
        // the ledger is small: only the older default lets it go to GLACIER
        var put = s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-archive")
                .transitionDefaultMinimumObjectSize(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS)
                .lifecycleConfiguration(c -> c.rules(archive, abort)));
        assertThat(put.transitionDefaultMinimumObjectSize())
                .isEqualTo(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS);
        var rules = s3.getBucketLifecycleConfiguration(r -> r.bucket("e2e-archive")).rules();
        assertThat(rules.get(0).transitions()).singleElement().satisfies(t -> {
            assertThat(t.days()).isEqualTo(1);
            assertThat(t.storageClass()).isEqualTo(TransitionStorageClass.GLACIER);
        });
        assertThat(rules.get(1).abortIncompleteMultipartUpload().daysAfterInitiation()).isEqualTo(2);

        clock.advance(Duration.ofDays(3));
        await(() -> storageClass("cold/ledger.csv").equals("GLACIER")
                && s3.listMultipartUploads(r -> r.bucket("e2e-archive")).uploads().isEmpty());
        assertThat(storageClass("warm/recent.csv")).isEqualTo("STANDARD");
        assertThat(s3.listObjectsV2(r -> r.bucket("e2e-archive")).contents())
                .extracting(S3Object::key, S3Object::storageClassAsString)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cold/ledger.csv", "GLACIER"),
                        org.assertj.core.groups.Tuple.tuple("warm/recent.csv", "STANDARD"));
        assertThat(s3.headObject(r -> r.bucket("e2e-archive").key("cold/ledger.csv")).restore()).isNull();
        var refused = assertAwsError(() -> s3.getObjectAsBytes(r -> r.bucket("e2e-archive").key("cold/ledger.csv")),
                "InvalidObjectState", 403);
        assertThat(refused).isInstanceOfSatisfying(InvalidObjectStateException.class,
                e -> assertThat(e.storageClass()).isEqualTo(StorageClass.GLACIER));

        // the archive holds the body, encrypted: its bytes never show the plaintext
        Path archiveDirectory = server.dataDir().resolve("archive");
        assertThat(regularFiles(archiveDirectory)).isNotEmpty();
        assertThat(DataDirectoryScan.filesContaining(server.dataDir(), body)).isEmpty();

        var started = s3.restoreObject(r -> r.bucket("e2e-archive").key("cold/ledger.csv")
                .restoreRequest(q -> q.days(1).glacierJobParameters(g -> g.tier(Tier.BULK))));
        assertThat(started.sdkHttpResponse().statusCode()).isEqualTo(202);
        await(() -> String.valueOf(s3.headObject(r -> r.bucket("e2e-archive").key("cold/ledger.csv")).restore())
                .startsWith("ongoing-request=\"false\""));
        Instant restoredAt = clock.instant();
        String header = s3.headObject(r -> r.bucket("e2e-archive").key("cold/ledger.csv")).restore();
        assertThat(header).startsWith("ongoing-request=\"false\", expiry-date=\"").endsWith(" 00:00:00 GMT\"");
        Instant expiry = ZonedDateTime.parse(header.substring(header.indexOf("expiry-date=\"") + 13, header.length() - 1),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        // the day's copy lives until the midnight (UTC) after one day from its completion
        assertThat(expiry).isEqualTo(restoredAt.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)));
        assertThat(new String(s3.getObjectAsBytes(r -> r.bucket("e2e-archive").key("cold/ledger.csv")).asByteArray(),
                StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(DataDirectoryScan.filesContaining(server.dataDir(), body)).isEmpty();

        var extended = s3.restoreObject(r -> r.bucket("e2e-archive").key("cold/ledger.csv")
                .restoreRequest(q -> q.days(2)));
        assertThat(extended.sdkHttpResponse().statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(4));
        await(() -> s3.headObject(r -> r.bucket("e2e-archive").key("cold/ledger.csv")).restore() == null);
        assertAwsError(() -> s3.getObjectAsBytes(r -> r.bucket("e2e-archive").key("cold/ledger.csv")),
                "InvalidObjectState", 403);
        assertThat(storageClass("cold/ledger.csv")).isEqualTo("GLACIER");

        List<String> objectActions = lifecycleActions("arn:aws:s3:::e2e-archive/cold/ledger.csv");
        assertThat(objectActions).containsExactly("LifecycleTransition S3.TRANSITION.OBJECT",
                "ObjectRestore S3.RESTORE.OBJECT", "ObjectRestore ObjectRestore:Delete");
        assertThat(lifecycleActions("arn:aws:s3:::e2e-archive/uploads/big.bin"))
                .containsExactly("LifecycleExpiration S3.DELETE.UPLOAD");
    }

    @Test
    void writesNamingAnArchiveClassGoStraightToTheArchive() {
        s3.createBucket(r -> r.bucket("e2e-archive-writes"));
        s3.putObject(r -> r.bucket("e2e-archive-writes").key("frozen.bin").storageClass(StorageClass.DEEP_ARCHIVE),
                RequestBody.fromString("frozen"));
        s3.putObject(r -> r.bucket("e2e-archive-writes").key("ia.bin").storageClass(StorageClass.STANDARD_IA),
                RequestBody.fromString("infrequent"));
        assertThat(s3.headObject(r -> r.bucket("e2e-archive-writes").key("frozen.bin")).storageClass())
                .isEqualTo(StorageClass.DEEP_ARCHIVE);
        assertAwsError(() -> s3.getObjectAsBytes(r -> r.bucket("e2e-archive-writes").key("frozen.bin")),
                "InvalidObjectState", 403);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("e2e-archive-writes").key("ia.bin")).asUtf8String())
                .isEqualTo("infrequent");
        assertThat(s3.headObject(r -> r.bucket("e2e-archive-writes").key("ia.bin")).storageClass())
                .isEqualTo(StorageClass.STANDARD_IA);

        // a copy reads its source: an archived one must be restored first
        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket("e2e-archive-writes").sourceKey("frozen.bin")
                .destinationBucket("e2e-archive-writes").destinationKey("thawed.bin")), "InvalidObjectState", 403);
        s3.copyObject(r -> r.sourceBucket("e2e-archive-writes").sourceKey("ia.bin")
                .destinationBucket("e2e-archive-writes").destinationKey("ia-frozen.bin").storageClass(StorageClass.GLACIER));
        assertThat(storageClass("e2e-archive-writes", "ia-frozen.bin")).isEqualTo("GLACIER");

        String uploadId = s3.createMultipartUpload(r -> r.bucket("e2e-archive-writes").key("parts.bin")
                .storageClass(StorageClass.GLACIER)).uploadId();
        String etag = s3.uploadPart(r -> r.bucket("e2e-archive-writes").key("parts.bin").uploadId(uploadId)
                .partNumber(1), RequestBody.fromString("one part")).eTag();
        s3.completeMultipartUpload(r -> r.bucket("e2e-archive-writes").key("parts.bin").uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
        assertThat(storageClass("e2e-archive-writes", "parts.bin")).isEqualTo("GLACIER");
        assertAwsError(() -> s3.getObjectAsBytes(r -> r.bucket("e2e-archive-writes").key("parts.bin")),
                "InvalidObjectState", 403);

        assertAwsError(() -> s3.putObject(r -> r.bucket("e2e-archive-writes").key("bogus.bin").storageClass("COLD"),
                RequestBody.fromString("x")), "InvalidStorageClass", 400);
        assertThatThrownBy(() -> s3.headObject(r -> r.bucket("e2e-archive-writes").key("bogus.bin")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void badRestoresAndRulesAreRefusedWithS3sErrorsAndChangeNothing() {
        s3.createBucket(r -> r.bucket("e2e-archive-bad"));
        s3.putObject(r -> r.bucket("e2e-archive-bad").key("standard.csv"), RequestBody.fromString("s"));
        s3.putObject(r -> r.bucket("e2e-archive-bad").key("glacier.csv").storageClass(StorageClass.GLACIER),
                RequestBody.fromString("g"));

        assertAwsError(() -> s3.restoreObject(r -> r.bucket("e2e-archive-bad").key("standard.csv")
                .restoreRequest(q -> q.days(1))), "InvalidObjectState", 403);
        assertAwsError(() -> s3.restoreObject(r -> r.bucket("e2e-archive-bad").key("glacier.csv")
                .restoreRequest(q -> q.days(0))), "InvalidArgument", 400);
        assertAwsError(() -> s3.restoreObject(r -> r.bucket("e2e-archive-bad").key("absent.csv")
                .restoreRequest(q -> q.days(1))), "NoSuchKey", 404);
        assertThat(s3.headObject(r -> r.bucket("e2e-archive-bad").key("glacier.csv")).restore()).isNull();
        assertThat(s3.headObject(r -> r.bucket("e2e-archive-bad").key("standard.csv")).restore()).isNull();

        refused(LifecycleRule.builder().id("tags").status(ExpirationStatus.ENABLED)
                .filter(f -> f.tag(t -> t.key("k").value("v")))
                .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1)).build(), "InvalidRequest");
        refused(LifecycleRule.builder().id("early-ia").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                .transitions(t -> t.days(10).storageClass(TransitionStorageClass.STANDARD_IA)).build(), "InvalidArgument");
        refused(LifecycleRule.builder().id("both").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                .transitions(t -> t.days(10).date(Instant.parse("2031-01-01T00:00:00Z"))
                        .storageClass(TransitionStorageClass.GLACIER)).build(), "MalformedXML");
        refused(LifecycleRule.builder().id("zero").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(0)).build(), "InvalidArgument");
        refused(LifecycleRule.builder().id("newer").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                .noncurrentVersionTransitions(t -> t.noncurrentDays(1).newerNoncurrentVersions(0)
                        .storageClass(TransitionStorageClass.GLACIER)).build(), "InvalidArgument");
    }

    private void refused(LifecycleRule rule, String code) {
        assertAwsError(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-archive-bad")
                .lifecycleConfiguration(c -> c.rules(rule))), code, 400);
        assertAwsError(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket("e2e-archive-bad")),
                "NoSuchLifecycleConfiguration", 404);
    }

    private String storageClass(String key) {
        return storageClass("e2e-archive", key);
    }

    /** HeadObject omits x-amz-storage-class for STANDARD, as S3 does. */
    private String storageClass(String bucket, String key) {
        StorageClass storageClass = s3.headObject(r -> r.bucket(bucket).key(key)).storageClass();
        return storageClass == null ? "STANDARD" : storageClass.toString();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("the lifecycle scheduler acted in time").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static List<Path> regularFiles(Path directory) throws Exception {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** "eventName lifecycleAction" of every scheduler record naming this object, in order. */
    private List<String> lifecycleActions(String objectArn) throws Exception {
        List<String> found = new ArrayList<>();
        try (Database store = Database.openExisting(server.server().config().dbUrl())) {
            JdbcAuditRepository records = new JdbcAuditRepository(store.transactor(), store.vendor());
            for (StoredAuditRecord record : records.readRange(1, Long.MAX_VALUE, 100_000)) {
                JsonNode json = JSON.readTree(record.eventJson());
                if (json.path("resources").toString().contains("\"" + objectArn + "\"")
                        && json.path("additionalEventData").has("lifecycleAction")) {
                    assertThat(json.path("userIdentity").toString()).contains("s3.amazonaws.com");
                    found.add(json.get("eventName").asText() + " "
                            + json.get("additionalEventData").get("lifecycleAction").asText());
                }
            }
        }
        return found;
    }
}
