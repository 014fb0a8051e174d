package io.strongroom.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the embedded SQLite store has to prove: its durability settings and its single writer. */
class SqliteDatabaseTest {
    private static final SqlWork<Void> NOTHING = c -> null;

    @TempDir
    Path dataDirectory;

    Database database;
    JdbcTransactor tx;

    @BeforeEach
    void open() {
        database = Database.openSqlite(dataDirectory.resolve("nested/dir"));
        tx = database.transactor();
        tx.atomically(c -> Sql.update(c, "CREATE TABLE counter (id INTEGER PRIMARY KEY, writer TEXT NOT NULL)"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void openExistingNeverCreatesAStoreNorMigratesOne() throws Exception {
        Path missing = dataDirectory.resolve("elsewhere");
        assertThatThrownBy(() -> Database.openExisting(Database.sqliteUrl(missing)))
                .isInstanceOf(StoreException.class).hasMessageContaining("no store at");
        assertThat(Files.exists(missing)).isFalse();

        try (Database existing = Database.openExisting(Database.sqliteUrl(dataDirectory.resolve("nested/dir")))) {
            long rows = existing.transactor().withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM counter"));
            assertThat(rows).isZero();
        }
        database.transactor().atomically(c -> Sql.update(c,
                "DELETE FROM flyway_schema_history WHERE version = (SELECT MAX(version) FROM flyway_schema_history)"));
        assertThatThrownBy(() -> Database.openExisting(Database.sqliteUrl(dataDirectory.resolve("nested/dir"))))
                .isInstanceOf(StoreException.class).hasMessageContaining("not this version's");
    }

    @Test
    void connectionsAreDurableWalWithForeignKeys() {
        assertThat(database.vendor()).isEqualTo(Vendor.SQLITE);
        assertThat(pragma("journal_mode")).isEqualTo("wal");
        assertThat(pragma("synchronous")).isEqualTo("2"); // FULL
        assertThat(pragma("foreign_keys")).isEqualTo("1");
        assertThat(Long.parseLong(pragma("busy_timeout"))).isEqualTo(database.options().busyTimeout().toMillis());
    }

    @Test
    void theLogIsCopiedIntoTheDatabaseFileInTheBackgroundNotByCommits() throws Exception {
        Path file = dataDirectory.resolve("nested/dir").resolve(Database.SQLITE_FILE_NAME);
        long before = Files.size(file);
        // about 2 MB of rows, far below the connections' 40 MB backstop: no commit checkpoints
        String filler = "x".repeat(1000);
        for (int batch = 0; batch < 20; batch++) {
            int first = batch * 100;
            tx.atomically(c -> {
                for (int i = first; i < first + 100; i++) {
                    Sql.update(c, "INSERT INTO counter (id, writer) VALUES (?, ?)", i, filler);
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.size(file) < before + 1_500_000 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Files.size(file)).as("database file after the background checkpoint")
                .isGreaterThan(before + 1_500_000);
    }

    @Test
    void theDatabaseFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dataDirectory.resolve("nested/dir").resolve(Database.SQLITE_FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Database.sqliteUrl(dataDirectory)).isEqualTo("jdbc:sqlite:" + dataDirectory.toAbsolutePath().resolve("strongroom.db"));
    }

    @Test
    void concurrentWritersOnVirtualThreadsAreSerialisedWithoutBusyErrors() throws Exception {
        int writers = 16;
        int rowsEach = 25;
        List<Future<?>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < writers; w++) {
                String writer = "writer-" + w;
                results.add(executor.submit(() -> {
                    for (int i = 0; i < rowsEach; i++) {
                        tx.atomically(c -> {
                            long before = Sql.count(c, "SELECT COUNT(*) FROM counter");
                            Sql.update(c, "INSERT INTO counter (id, writer) VALUES (?, ?)", before + 1, writer);
                            return null;
                        });
                        tx.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM counter"));
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS); // rethrows any SQLITE_BUSY or duplicate id
            }
        }
        long rows = tx.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM counter"));
        long distinctIds = tx.withConnection(c -> Sql.count(c, "SELECT COUNT(DISTINCT id) FROM counter"));
        assertThat(rows).isEqualTo((long) writers * rowsEach);
        assertThat(distinctIds).isEqualTo(rows);
    }

    @Test
    void readersProceedWhileAWriterHoldsTheLock() throws Exception {
        tx.atomically(c -> Sql.update(c, "INSERT INTO counter (id, writer) VALUES (1, 'committed')"));
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);
        Thread writer = Thread.ofVirtual().start(() -> tx.run(() -> {
            tx.atomically(c -> Sql.update(c, "INSERT INTO counter (id, writer) VALUES (2, 'uncommitted')"));
            writing.countDown();
            await(readDone);
        }));
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

        long seen = tx.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM counter"));
        readDone.countDown();
        writer.join(Duration.ofSeconds(10));

        assertThat(seen).isEqualTo(1); // the reader saw the committed state without waiting
        assertThat(rows()).isEqualTo(2L);
    }

    @Test
    void aSecondWriterWaitsForTheFirstInsteadOfFailing() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> tx.run(() -> {
            tx.atomically(c -> Sql.update(c, "INSERT INTO counter (id, writer) VALUES (1, 'first')"));
            firstInside.countDown();
            await(release);
        }));
        assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
        Thread second = Thread.ofVirtual().start(() ->
                tx.atomically(c -> Sql.update(c, "INSERT INTO counter (id, writer) VALUES (2, 'second')")));

        Thread.sleep(200);
        assertThat(second.isAlive()).isTrue(); // queued on the write lock, not failed with SQLITE_BUSY
        release.countDown();
        first.join(Duration.ofSeconds(10));
        second.join(Duration.ofSeconds(10));
        assertThat(writers()).containsExactly("first", "second");
    }

    @Test
    void writersThatQueueBehindOneAnotherShareOneCommitAndReturnOnlyOnceItIsDurable() throws Exception {
        GroupCommit group = tx.groupCommit().orElseThrow();
        long commitsBefore = group.commits();
        CountDownLatch release = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread first = holdingTheWriter(insert(1, "first"), release, NOTHING, failures);
        int queued = 5;
        List<Long> seenOnReturn = new CopyOnWriteArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < queued; i++) {
            int id = 10 + i;
            writers.add(Thread.ofVirtual().start(() -> {
                tx.atomically(c -> Sql.update(c, "INSERT INTO counter (id, writer) VALUES (?, 'queued')", id));
                // a read on another connection: only committed rows are visible there
                seenOnReturn.add(tx.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM counter WHERE id = ?", id)));
            }));
        }
        awaitQueued(group, queued);
        release.countDown();
        first.join(Duration.ofSeconds(10));
        for (Thread writer : writers) {
            writer.join(Duration.ofSeconds(10));
        }

        assertThat(failures).isEmpty();
        assertThat(rows()).isEqualTo(1L + queued);
        assertThat(seenOnReturn).hasSize(queued).containsOnly(1L);
        assertThat(group.commits() - commitsBefore).as("commits for %d writes", 1 + queued).isEqualTo(1);
    }

    @Test
    void aFailingMemberOfASharedCommitTakesBackOnlyItsOwnWork() throws Exception {
        tx.atomically(insert(1, "existing"));
        CountDownLatch release = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread first = holdingTheWriter(insert(2, "first"), release, NOTHING, failures);
        Thread duplicate = writer(c -> {
            insert(3, "half").apply(c);
            return insert(1, "duplicate").apply(c);
        }, failures);
        awaitQueued(tx.groupCommit().orElseThrow(), 1);
        Thread last = writer(insert(4, "last"), failures);
        awaitQueued(tx.groupCommit().orElseThrow(), 2);
        release.countDown();
        for (Thread thread : List.of(first, duplicate, last)) {
            thread.join(Duration.ofSeconds(10));
        }

        assertThat(failures).singleElement().isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.uniqueViolation()).isTrue());
        assertThat(writers()).containsExactly("existing", "first", "last");
    }

    @Test
    void aFailingFirstMemberTakesBackItsWorkWhileTheWritersQueuedBehindItCommit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread first = holdingTheWriter(insert(1, "first"), release, insert(1, "duplicate"), failures);
        Thread second = writer(insert(2, "second"), failures);
        Thread third = writer(insert(3, "third"), failures);
        awaitQueued(tx.groupCommit().orElseThrow(), 2);
        release.countDown();
        for (Thread thread : List.of(first, second, third)) {
            thread.join(Duration.ofSeconds(10));
        }

        assertThat(failures).singleElement().isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.uniqueViolation()).isTrue());
        assertThat(writers()).containsExactly("second", "third");
    }

    @Test
    void workThatFailsWithoutASavepointFailsItsWholeTransactionEvenWhenCaught() throws Exception {
        SqlWork<Integer> catchesAFailureWithoutSavepoint = c -> {
            Sql.update(c, "INSERT INTO counter (id, writer) VALUES (10, 'outer')");
            try {
                tx.atomicallyWithoutSavepoint(inner -> {
                    Sql.update(inner, "INSERT INTO counter (id, writer) VALUES (11, 'inner')");
                    return Sql.update(inner, "INSERT INTO counter (id, writer) VALUES (11, 'duplicate')");
                });
            } catch (StoreException expected) {
                // the inner row stays written: only the end of the transaction can take it back
            }
            return Sql.update(c, "INSERT INTO counter (id, writer) VALUES (12, 'after')");
        };
        // alone: the first member of its shared transaction, which has no savepoint either
        assertThatThrownBy(() -> tx.atomically(catchesAFailureWithoutSavepoint))
                .isInstanceOf(StoreException.class).hasRootCauseInstanceOf(java.sql.SQLException.class);
        assertThat(rows()).isZero();

        // behind another writer: a later member, under a savepoint that takes back only its own work
        CountDownLatch release = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread first = holdingTheWriter(insert(1, "first"), release, NOTHING, failures);
        Thread later = writer(catchesAFailureWithoutSavepoint, failures);
        awaitQueued(tx.groupCommit().orElseThrow(), 1);
        release.countDown();
        first.join(Duration.ofSeconds(10));
        later.join(Duration.ofSeconds(10));

        assertThat(failures).singleElement().isInstanceOf(StoreException.class);
        assertThat(writers()).containsExactly("first");
    }

    @Test
    void aCommitThatFailsFailsEveryMemberAndKeepsNoneOfTheirWork() throws Exception {
        // a deferred foreign key is checked only at COMMIT: the one way to make SQLite refuse a commit
        tx.atomically(c -> Sql.update(c, "CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER"
                + " REFERENCES counter (id) DEFERRABLE INITIALLY DEFERRED)"));
        CountDownLatch release = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread orphaning = holdingTheWriter(c -> Sql.update(c, "INSERT INTO child (id, parent) VALUES (1, 999)"),
                release, NOTHING, failures);
        Thread innocent = writer(insert(1, "innocent"), failures);
        awaitQueued(tx.groupCommit().orElseThrow(), 1);
        release.countDown();
        orphaning.join(Duration.ofSeconds(10));
        innocent.join(Duration.ofSeconds(10));

        assertThat(failures).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(StoreException.class));
        assertThat(rows()).isZero();
        long children = tx.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM child"));
        assertThat(children).isZero();
        // and the writer is usable afterwards
        tx.atomically(c -> Sql.update(c, "INSERT INTO counter (id, writer) VALUES (1, 'after')"));
        assertThat(rows()).isEqualTo(1L);
    }

    @Test
    void statementFailuresSurfaceAsStoreExceptionsAndRollBack() {
        assertThatThrownBy(() -> tx.atomically(c -> {
            Sql.update(c, "INSERT INTO counter (id, writer) VALUES (1, 'a')");
            return Sql.update(c, "INSERT INTO counter (id, writer) VALUES (1, 'b')");
        })).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.uniqueViolation()).isTrue());
        assertThatThrownBy(() -> tx.withConnection(c -> Sql.count(c, "SELECT nonsense FROM nowhere")))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.uniqueViolation()).isFalse());
        assertThat(rows()).isZero();
    }

    /** Starts a writer that runs {@code before}, keeps the write lock until {@code release}, then runs
     * {@code after}; returns once it holds the lock. Its failure, if any, goes to {@code failures}. */
    private Thread holdingTheWriter(SqlWork<?> before, CountDownLatch release, SqlWork<?> after, List<Throwable> failures)
            throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        Thread holder = writer(c -> {
            before.apply(c);
            inside.countDown();
            await(release);
            return after.apply(c);
        }, failures);
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    /** Starts a writer of {@code work}; its failure, if any, goes to {@code failures}. */
    private Thread writer(SqlWork<?> work, List<Throwable> failures) {
        return Thread.ofVirtual().start(() -> {
            try {
                tx.atomically(work);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
    }

    private static SqlWork<Integer> insert(int id, String writer) {
        return c -> Sql.update(c, "INSERT INTO counter (id, writer) VALUES (?, ?)", id, writer);
    }

    private List<String> writers() {
        return tx.withConnection(c -> Sql.list(c, "SELECT writer FROM counter ORDER BY id", r -> r.getString(1)));
    }

    private long rows() {
        return tx.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM counter"));
    }

    private String pragma(String name) {
        return tx.withConnection(c -> Sql.one(c, "PRAGMA " + name, r -> r.getString(1))).orElseThrow();
    }

    private static void awaitQueued(GroupCommit group, int writers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.queuedWriters() < writers && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(group.queuedWriters()).as("writers queued").isEqualTo(writers);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
