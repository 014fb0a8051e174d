package io.strongroom.store.jdbc.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.kms.Grant;
import io.strongroom.kms.KeyVersion;
import io.strongroom.kms.KmsKey;
import io.strongroom.kms.testing.KmsRepositoryContract;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The KMS repository contract on one vendor, plus what only the JDBC store has to show. */
abstract class JdbcKmsRepositoryContract extends KmsRepositoryContract {
    Database database;

    /** Opens the store on an empty database. */
    abstract Database openEmptyDatabase() throws Exception;

    @Override
    protected Stores openEmpty() throws Exception {
        database = openEmptyDatabase();
        JdbcTransactor tx = database.transactor();
        return new Stores(new JdbcKmsRepository(tx, database.vendor()), tx);
    }

    @Override
    protected void close() {
        database.close();
    }

    @Test
    public void aSecondLockerWaitsForTheFirstAndSeesWhatItCommitted() throws Exception {
        repository.insertKey(key(KEY_A).withTags(Map.of("stage", "one")));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> stores.transactor().run(() -> {
                KmsKey key = repository.findKeyForUpdate(KEY_A).orElseThrow();
                locked.countDown();
                await(release);
                repository.updateKey(key.withDescription("first").withTags(Map.of("stage", "two")));
            }), threads);
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<KmsKey> second = CompletableFuture.supplyAsync(() -> stores.transactor().inTransaction(
                    () -> {
                        KmsKey key = repository.findKeyForUpdate(KEY_A).orElseThrow();
                        repository.updateKey(key.withDescription(key.description() + "+second"));
                        return key;
                    }), threads);
            assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            KmsKey seen = second.get(10, TimeUnit.SECONDS);
            assertThat(seen.description()).isEqualTo("first");
            assertThat(seen.tags()).isEqualTo(Map.of("stage", "two"));
            assertThat(repository.findKey(KEY_A).orElseThrow().description()).isEqualTo("first+second");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    public void aCollisionOrMissingKeyInsideACallersTransactionLeavesItUsable() {
        repository.insertKey(key(KEY_A));
        repository.insertVersion(version(KEY_A, 1, bytes("m"), Optional.empty(), Optional.empty()));
        stores.transactor().run(() -> {
            assertThatThrownBy(() -> repository.insertVersion(version(KEY_A, 1, bytes("x"), Optional.empty(),
                    Optional.empty()))).isInstanceOf(DuplicateEntityException.class);
            assertThatThrownBy(() -> repository.insertGrant(grant("1".repeat(64), KEY_B, T0, Optional.empty(),
                    sha256Like(1)))).isInstanceOf(IllegalArgumentException.class);
            // PostgreSQL refuses every later statement of a transaction whose statement failed, unless
            // the failure was confined to a savepoint.
            repository.insertVersion(version(KEY_A, 2, bytes("n"), Optional.empty(), Optional.empty()));
        });
        assertThat(repository.listVersions(KEY_A)).extracting(KeyVersion::version).containsExactly(1, 2);
    }

    @Test
    public void grantListsAndConstraintsAreStoredAsJsonText() {
        repository.insertKey(key(KEY_A));
        repository.insertGrant(new Grant("1".repeat(64), KEY_A, Optional.empty(), "arn:aws:iam::111122223333:role/a",
                Optional.empty(), "arn:aws:iam::111122223333:root", List.of("Encrypt", "Re\"Encrypt"),
                Optional.of(Map.of()), Optional.empty(), T0, sha256Like(1)));

        List<List<String>> stored = database.transactor().withConnection(c -> Sql.list(c,
                "SELECT operations, encryption_context_subset, encryption_context_equals FROM kms_grants",
                row -> java.util.Arrays.asList(row.getString(1), row.getString(2), row.getString(3))));
        assertThat(stored).containsExactly(java.util.Arrays.asList("[\"Encrypt\",\"Re\\\"Encrypt\"]", "{}", null));
    }

    @Test
    public void tagsLiveInTheirOwnTable() {
        repository.insertKey(key(KEY_A).withTags(Map.of("a", "1", "b", "2")));
        assertThat(countRows("kms_key_tags")).isEqualTo(2);
        repository.updateKey(key(KEY_A).withTags(Map.of("c", "3")));
        assertThat(countRows("kms_key_tags")).isEqualTo(1);
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
