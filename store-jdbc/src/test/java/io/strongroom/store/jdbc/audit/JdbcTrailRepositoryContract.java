package io.strongroom.store.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.testing.TrailRepositoryContract;
import io.strongroom.audit.trails.TrailRepository;
import io.strongroom.audit.trails.TrailSettings;
import io.strongroom.audit.trails.TrailVersion;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.StoreException;
import io.strongroom.store.jdbc.Vendor;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The trail repository contract on one vendor, plus what only the JDBC store has to show. */
abstract class JdbcTrailRepositoryContract extends TrailRepositoryContract {
    Database database;

    /** Opens the store on an empty database. */
    abstract Database openEmptyDatabase() throws Exception;

    /** Opens a second store on the same database, as another node (its own pool and locks) would. */
    abstract Database openSecondNode() throws Exception;

    @Override
    protected Stores openEmpty() throws Exception {
        database = openEmptyDatabase();
        JdbcTransactor tx = database.transactor();
        return new Stores(new JdbcTrailRepository(tx), tx);
    }

    @Override
    protected void close() {
        database.close();
    }

    @Test
    public void theDatabaseRefusesToChangeOrDeleteVersionsAndSettings() {
        TrailVersion version = new TrailVersion(trail(ACCOUNT, "audit"), 1, T0, false);
        repository.append(version);
        repository.initialise(new TrailSettings("o-abcdefghij", key(1), T0));

        assertRefused("UPDATE audit_trail_versions SET logging = " + falseLiteral());
        assertRefused("DELETE FROM audit_trail_versions");
        assertRefused("UPDATE audit_trail_settings SET organization_id = 'o-klmnopqrst'");
        assertRefused("DELETE FROM audit_trail_settings");
        if (database.vendor() == Vendor.POSTGRESQL) {
            assertRefused("TRUNCATE audit_trail_versions");
            assertRefused("TRUNCATE audit_trail_settings");
        }
        assertThat(repository.latest(version.trail().arn())).contains(version);
        assertThat(repository.settings().orElseThrow().organizationId()).isEqualTo("o-abcdefghij");
    }

    @Test
    public void aRefusedAppendInsideACallersTransactionLeavesItUsable() {
        TrailVersion first = new TrailVersion(trail(ACCOUNT, "audit"), 1, T0, false);
        transactor.run(() -> {
            repository.append(first);
            assertThat(repository.append(first)).isFalse();
            assertThat(repository.initialise(new TrailSettings("o-abcdefghij", key(1), T0))).isTrue();
            assertThat(repository.initialise(new TrailSettings("o-abcdefghij", key(2), T0))).isFalse();
            // PostgreSQL refuses every later statement of a transaction whose statement failed
            repository.append(new TrailVersion(stopped(first.trail()), 2, T0.plusSeconds(1), false));
        });
        assertThat(repository.latest(first.trail().arn()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    public void twoNodesAppendingTheSameVersionLetOnlyOneIn() throws Exception {
        TrailVersion first = new TrailVersion(trail(ACCOUNT, "audit"), 1, T0, false);
        repository.append(first);
        try (Database secondNode = openSecondNode()) {
            JdbcTrailRepository second = new JdbcTrailRepository(secondNode.transactor());
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CountDownLatch ready = new CountDownLatch(2);
            try {
                Callable<Boolean> stopHere = () -> appendAfter(ready, repository,
                        new TrailVersion(stopped(first.trail()), 2, T0.plusSeconds(1), false));
                Callable<Boolean> deleteThere = () -> appendAfter(ready, second,
                        new TrailVersion(first.trail(), 2, T0.plusSeconds(1), true));
                Future<Boolean> here = threads.submit(stopHere);
                Future<Boolean> there = threads.submit(deleteThere);
                assertThat(List.of(here.get(), there.get())).containsExactlyInAnyOrder(true, false);
            } finally {
                threads.shutdownNow();
            }
        }
        assertThat(repository.history(T0)).hasSize(2);
    }

    @Test
    public void instantsFinerThanAMillisecondAreRefusedNotTruncated() {
        assertThatThrownBy(() -> repository.append(new TrailVersion(trail(ACCOUNT, "audit"), 1, T0.plusNanos(1),
                false))).isInstanceOf(IllegalArgumentException.class);
        assertThat(repository.current()).isEmpty();
    }

    private static boolean appendAfter(CountDownLatch ready, TrailRepository target, TrailVersion version)
            throws InterruptedException {
        ready.countDown();
        ready.await();
        return target.append(version);
    }

    private String falseLiteral() {
        return database.vendor() == Vendor.POSTGRESQL ? "false" : "0";
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> database.transactor().withConnection(c -> Sql.update(c, sql)))
                .as(sql).isInstanceOf(StoreException.class)
                .rootCause().hasMessageMatching("(?s).*(append-only|written once).*");
    }
}
