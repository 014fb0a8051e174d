package io.strongroom.store.jdbc.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.s3.ObjectVersion;
import io.strongroom.s3.testing.S3RepositoryContract;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The S3 repository contract on one vendor, plus what only the JDBC store has to show. */
abstract class JdbcS3RepositoryContract extends S3RepositoryContract {
    Database database;

    /** Opens the store on an empty database. */
    abstract Database openEmptyDatabase() throws Exception;

    @Override
    protected Stores openEmpty() throws Exception {
        database = openEmptyDatabase();
        JdbcTransactor tx = database.transactor();
        return new Stores(new JdbcS3Repository(tx, database.vendor()), tx);
    }

    @Override
    protected void close() {
        database.close();
    }

    @Test
    public void mapsAreStoredAsJsonTextWithSortedKeys() {
        repository.insertBucket(bucket(BUCKET));
        repository.putVersion(new ObjectVersion(BUCKET, "k", "v1", false, T0, 1, "e",
                Map.of("Content-Type", "text/plain", "Cache-Control", "no-cache"), Map.of(), Optional.empty(),
                Map.of("b", "line\nbreak", "a", "q\"uote"), "STANDARD", sseS3(), "blob"));

        List<List<String>> stored = database.transactor().withConnection(c -> Sql.list(c,
                "SELECT headers, user_metadata, tags FROM s3_object_versions",
                row -> List.of(row.getString(1), row.getString(2), row.getString(3))));
        assertThat(stored).containsExactly(List.of("{\"Cache-Control\":\"no-cache\",\"Content-Type\":\"text/plain\"}",
                "{}", "{\"a\":\"q\\\"uote\",\"b\":\"line\\nbreak\"}"));
    }

    @Test
    public void eachKeyHasExactlyOneLatestRowWhateverHappens() {
        putVersionHistory();
        repository.putVersion(version(BUCKET, "a", "4"));
        repository.deleteVersion(BUCKET, "a", "4");
        repository.deleteVersion(BUCKET, "a", "1");
        repository.putVersion(version(BUCKET, "c", ObjectVersion.NULL_VERSION));
        repository.updateVersion(version(BUCKET, "b", "v1").withTags(Map.of("t", "v")));
        repository.deleteVersion(BUCKET, "d/e", "d1");

        assertThat(latestRows()).containsExactly("a@3", "b@v1", "c@null");
        assertThat(countRows("s3_object_versions")).isEqualTo(5);
    }

    @Test
    public void aSecondLatestRowIsRefusedByTheSchema() {
        repository.insertBucket(bucket(BUCKET));
        repository.putVersion(version(BUCKET, "k", "v1"));
        // a delete marker of the same key, also marked latest
        assertThatThrownBy(() -> database.transactor().atomically(c -> Sql.update(c, "INSERT INTO s3_object_versions (bucket, object_key, version_id, latest, delete_marker,"
                        + " last_modified, size, etag, headers, user_metadata, tags, storage_class, bucket_key_enabled)"
                        + " VALUES (?, 'k', 'v2', ?, ?, 0, 0, '', '{}', '{}', '{}', 'STANDARD', ?)",
                BUCKET, true, true, false)))
                .isInstanceOf(StoreException.class).matches(e -> ((StoreException) e).uniqueViolation());
        assertThat(latestRows()).containsExactly("k@v1");
    }

    @Test
    public void aCorruptMapIsAStoreFailure() {
        repository.insertBucket(bucket(BUCKET));
        repository.putVersion(version(BUCKET, "k", "v1"));
        database.transactor().atomically(c -> Sql.update(c, "UPDATE s3_object_versions SET tags = '{\"a\":1}'"));

        assertThatThrownBy(() -> repository.latestVersion(BUCKET, "k")).isInstanceOf(StoreException.class);
    }

    @Test
    public void concurrentPutsOfOneKeyLeaveOneLatestAndOneNullVersion() throws Exception {
        repository.insertBucket(bucket(BUCKET));
        int threads = 8;
        int puts = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                writers.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    for (int i = 0; i < puts; i++) {
                        repository.putVersion(withEtag(version(BUCKET, "null-key", ObjectVersion.NULL_VERSION),
                                writer + "-" + i));
                        repository.putVersion(version(BUCKET, "versioned", writer + "-" + i));
                    }
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(repository.listVersions(BUCKET, "null-key", "", "", 1000)).hasSize(1);
        assertThat(repository.listVersions(BUCKET, "versioned", "", "", 1000)).hasSize(threads * puts);
        assertThat(latestRows()).containsExactly("null-key@null", "versioned@"
                + repository.listVersions(BUCKET, "versioned", "", "", 1).getFirst().versionId());
    }

    @Test
    public void ofRacingCheckThenPutTransactionsOnlyOneSeesTheKeyFree() throws Exception {
        repository.insertBucket(bucket(BUCKET));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Boolean>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                writers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return database.transactor().inTransaction(() -> {
                        if (repository.latestVersionForUpdate(BUCKET, "once").isPresent()) {
                            return false;
                        }
                        repository.putVersion(version(BUCKET, "once", "w" + writer));
                        return true;
                    });
                }, pool));
            }
            start.countDown();
            long won = 0;
            for (CompletableFuture<Boolean> writer : writers) {
                won += writer.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(repository.listVersions(BUCKET, "once", "", "", 1000)).hasSize(1);
    }

    @Test
    public void keyLockIdsDependOnBucketAndKey() {
        assertThat(JdbcS3Repository.keyLockId(BUCKET, "k")).isEqualTo(JdbcS3Repository.keyLockId(BUCKET, "k"));
        assertThat(JdbcS3Repository.keyLockId(BUCKET, "k")).isNotEqualTo(JdbcS3Repository.keyLockId(BUCKET, "j"));
        assertThat(JdbcS3Repository.keyLockId(BUCKET, "k")).isNotEqualTo(JdbcS3Repository.keyLockId(OTHER_BUCKET, "k"));
    }

    /** Each key's row marked latest, as {@code key@versionId}, by key. */
    List<String> latestRows() {
        return database.transactor().withConnection(c -> Sql.list(c,
                "SELECT object_key, version_id FROM s3_object_versions WHERE latest ORDER BY object_key",
                row -> row.getString(1) + "@" + row.getString(2)));
    }

    long countRows(String table) {
        return database.transactor().withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM " + table));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
