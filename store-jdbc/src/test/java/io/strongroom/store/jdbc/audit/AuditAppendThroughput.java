package io.strongroom.store.jdbc.audit;

import io.strongroom.audit.AuditGroupCommitter;
import io.strongroom.audit.ChainHead;
import io.strongroom.audit.ChainedRecord;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.EventIds;
import io.strongroom.audit.HashChain;
import io.strongroom.audit.IndexedResource;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Sustained chained append into {@link JdbcAuditRepository}, printed as records per second: one
 * appender, each transaction locks the chain head, chains a batch of records (SHA-256 per record, as
 * the audit service does) and appends it. Not a test: it asserts nothing, it prints figures. Runs on
 * SQLite in a temporary directory, and on a fresh PostgreSQL database when
 * {@code STRONGROOM_TEST_PG_URL} is set.
 *
 * <pre>
 *   java -cp … io.strongroom.store.jdbc.audit.AuditAppendThroughput [seconds=10] [batch=1000] [principals=5] [ids=time-ordered]
 * </pre>
 *
 * Records are S3 data events naming one bucket, from {@code principals} users (each with its own
 * access key) in turn: each distinct user and key in a batch is a place the username and
 * access-key indexes are written. {@code batch} defaults to the group committer's largest batch
 * ({@code AuditGroupCommitter.DEFAULT_MAX_BATCH}). {@code ids} is {@code time-ordered} (version 7
 * UUIDs from {@link EventIds}, what {@code AuditEvent} gives) or {@code random} (version 4 UUIDs,
 * what it gave before, for comparison).
 */
public final class AuditAppendThroughput {
    private static final int WARM_UP_SECONDS = 3;
    private static final int JSON_BYTES = 1024;

    private AuditAppendThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : AuditGroupCommitter.DEFAULT_MAX_BATCH;
        int principals = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean timeOrderedIds = args.length <= 3 || !args[3].equals("random");
        System.out.printf(Locale.ROOT, "chained append: batches of %d records, ~%d B canonical JSON, %d principals,"
                        + " %s event ids, %d s after %d s warm-up, one appender%n", batch, JSON_BYTES, principals,
                timeOrderedIds ? "time-ordered" : "random", seconds, WARM_UP_SECONDS);
        Settings settings = new Settings(seconds, batch, principals, timeOrderedIds);

        // the same records chained without a store: how fast this machine is right now (a ratio to it
        // survives a noisy machine better than the absolute figure)
        Result baseline = chainAlone(settings);
        report("baseline: chaining alone", baseline, baseline);

        Path directory = Files.createTempDirectory("audit-throughput");
        try (Database sqlite = Database.openSqlite(directory)) {
            report("SQLite (WAL, synchronous=FULL)", measure(sqlite, settings), baseline);
        } finally {
            deleteRecursively(directory);
        }

        Optional<String> adminUrl = PostgresTestDatabase.adminUrl();
        if (adminUrl.isEmpty()) {
            System.out.println("PostgreSQL: skipped (" + PostgresTestDatabase.VARIABLE + " is not set)");
            return;
        }
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create(adminUrl.get());
             Database database = Database.open(postgres.url())) {
            report("PostgreSQL", measure(database, settings), baseline);
        }
    }

    private record Settings(int seconds, int batch, int principals, boolean timeOrderedIds) {
    }

    private record Result(long records, double seconds) {
        double perSecond() {
            return records / seconds;
        }
    }

    private static Result measure(Database database, Settings settings) {
        JdbcAuditRepository repository = new JdbcAuditRepository(database.transactor(), database.vendor());
        Events events = new Events(settings.principals(), settings.timeOrderedIds());
        appendFor(database, repository, events, settings.batch(), WARM_UP_SECONDS * 1_000_000_000L);
        return appendFor(database, repository, events, settings.batch(), settings.seconds() * 1_000_000_000L);
    }

    private static Result chainAlone(Settings settings) {
        Events events = new Events(settings.principals(), settings.timeOrderedIds());
        ChainHead head = ChainHead.GENESIS;
        long records = 0;
        long start = System.nanoTime();
        long deadline = start + WARM_UP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < settings.batch(); i++) {
                StoredAuditRecord record = events.next(head);
                head = new ChainHead(record.sequence(), record.hash());
            }
            records += settings.batch();
        }
        return new Result(records, (System.nanoTime() - start) / 1e9);
    }

    private static Result appendFor(Database database, JdbcAuditRepository repository, Events events, int batch,
                                    long nanos) {
        long start = System.nanoTime();
        long deadline = start + nanos;
        long records = 0;
        while (System.nanoTime() < deadline) {
            database.transactor().run(() -> {
                ChainHead head = repository.lockChainHead();
                List<StoredAuditRecord> chained = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    StoredAuditRecord record = events.next(head);
                    chained.add(record);
                    head = new ChainHead(record.sequence(), record.hash());
                }
                repository.append(chained);
            });
            records += batch;
        }
        return new Result(records, (System.nanoTime() - start) / 1e9);
    }

    private static void report(String store, Result result, Result baseline) {
        System.out.printf(Locale.ROOT, "%-32s %,10.0f records/s (%,d records in %.1f s; %.3f of baseline)%n", store,
                result.perSecond(), result.records(), result.seconds(), result.perSecond() / baseline.perSecond());
    }

    /** CloudTrail-shaped records of about {@link #JSON_BYTES} bytes, keys in canonical order. */
    private static final class Events {
        private final int principals;
        private final boolean timeOrderedIds;
        private final String padding;
        private Instant time = Instant.parse("2026-11-26T08:00:00Z");
        private long counter;

        Events(int principals, boolean timeOrderedIds) {
            this.principals = principals;
            this.timeOrderedIds = timeOrderedIds;
            this.padding = "x".repeat(Math.max(0, JSON_BYTES - json("00000000-0000-0000-0000-000000000000", 0, "").length()));
        }

        StoredAuditRecord next(ChainHead head) {
            counter++;
            if (counter % 1000 == 0) {
                time = time.plusSeconds(1);
            }
            String eventId = timeOrderedIds ? EventIds.next() : UUID.randomUUID().toString();
            String json = json(eventId, counter, padding);
            ChainedRecord link = HashChain.next(head, json);
            long principal = counter % principals;
            boolean readOnly = counter % 3 != 0;
            return new StoredAuditRecord(link.sequence(), time, eventId, "s3.amazonaws.com",
                    readOnly ? "GetObject" : "PutObject", "eu-central-1", "111122223333", "analyst-" + principal,
                    "AKIAIOSFODNN7EX" + principal, readOnly, EventCategory.DATA,
                    List.of(new IndexedResource("AWS::S3::Bucket", "analytics-reports")), json,
                    link.previousHash(), link.hash());
        }

        private String json(String eventId, long n, String pad) {
            return "{\"additionalEventData\":{\"padding\":\"" + pad + "\"},\"awsRegion\":\"eu-central-1\","
                    + "\"eventCategory\":\"Data\",\"eventID\":\"" + eventId + "\",\"eventName\":\"GetObject\","
                    + "\"eventSource\":\"s3.amazonaws.com\",\"eventTime\":\"" + time + "\",\"eventType\":\"AwsApiCall\","
                    + "\"eventVersion\":\"1.10\",\"managementEvent\":false,\"readOnly\":true,"
                    + "\"recipientAccountId\":\"111122223333\",\"requestID\":\"" + Long.toHexString(n) + "\","
                    + "\"requestParameters\":{\"bucketName\":\"analytics-reports\",\"key\":\"2026/q4/part-" + n + "\"},"
                    + "\"resources\":[{\"ARN\":\"arn:aws:s3:::analytics-reports\",\"type\":\"AWS::S3::Bucket\"}],"
                    + "\"responseElements\":null,\"sourceIPAddress\":\"10.20.30.40\",\"userAgent\":\"aws-cli/2.22.0\","
                    + "\"userIdentity\":{\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"accountId\":\"111122223333\","
                    + "\"arn\":\"arn:aws:iam::111122223333:user/analyst\",\"principalId\":\"AIDAEXAMPLE\","
                    + "\"type\":\"IAMUser\",\"userName\":\"analyst\"}}";
        }
    }

    private static void deleteRecursively(Path directory) throws Exception {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
