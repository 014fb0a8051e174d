package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.audit.testing.InMemoryAuditTransactor;
import io.strongroom.core.spi.Transactor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AuditGroupCommitterTest {
    private final InMemoryAuditRepository repository = new InMemoryAuditRepository();
    private final AuditTrail trail = new AuditTrail(repository, Redaction.withDefaults());

    /** The in-memory transactor, counting transactions and optionally held or failing. */
    private final class ControlledTransactor implements Transactor {
        final InMemoryAuditTransactor delegate = new InMemoryAuditTransactor(repository);
        final AtomicInteger transactions = new AtomicInteger();
        final AtomicInteger failuresLeft = new AtomicInteger();
        volatile CountDownLatch hold = new CountDownLatch(0);
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            entered.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            transactions.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("the store is down");
            }
            return delegate.inTransaction(work);
        }
    }

    private final ControlledTransactor transactor = new ControlledTransactor();

    private static AuditEvent event(String name) {
        return AuditEventTest.builder().eventName(name).build();
    }

    @Test
    void concurrentCallersShareCommitsAndEveryRecordIsChainedOnce() throws Exception {
        int callers = 64;
        int perCaller = 50;
        try (AuditGroupCommitter committer = new AuditGroupCommitter(trail, transactor);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                results.add(pool.submit(() -> {
                    List<Long> sequences = new ArrayList<>();
                    for (int i = 0; i < perCaller; i++) {
                        sequences.add(committer.append(event("Call" + caller + "x" + i)).sequence());
                    }
                    return sequences;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(callers * perCaller);
        }
        assertThat(repository.chainHead().sequence()).isEqualTo(callers * perCaller);
        List<StoredAuditRecord> stored = repository.readRange(1, Long.MAX_VALUE, callers * perCaller);
        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).previousHash()).isEqualTo(stored.get(i - 1).hash());
        }
        assertThat(transactor.transactions.get()).as("group commits").isLessThan(callers * perCaller);
    }

    @Test
    void aFullQueueMakesCallersWaitAndDropsNothing() throws Exception {
        transactor.hold = new CountDownLatch(1);
        try (AuditGroupCommitter committer = new AuditGroupCommitter(trail, transactor, 2, 200);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<StoredAuditRecord> first = pool.submit(() -> committer.append(event("First")));
            assertThat(transactor.entered.await(10, TimeUnit.SECONDS)).isTrue(); // the writer holds "First"
            List<Future<StoredAuditRecord>> waiting = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String name = "Waiting" + i;
                waiting.add(pool.submit(() -> committer.append(event(name))));
            }
            Thread.sleep(200);
            assertThat(first).isNotDone();
            assertThat(waiting).allMatch(f -> !f.isDone());
            assertThat(repository.chainHead().sequence()).isZero();

            transactor.hold.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).sequence()).isEqualTo(1);
            for (Future<StoredAuditRecord> f : waiting) {
                assertThat(f.get(10, TimeUnit.SECONDS).sequence()).isBetween(2L, 6L);
            }
        }
        assertThat(repository.chainHead().sequence()).isEqualTo(6);
    }

    @Test
    void aFailedGroupIsRetriedRecordByRecord() throws Exception {
        transactor.hold = new CountDownLatch(1);
        transactor.failuresLeft.set(1);
        try (AuditGroupCommitter committer = new AuditGroupCommitter(trail, transactor);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<StoredAuditRecord> blocker = pool.submit(() -> committer.append(event("Blocker")));
            assertThat(transactor.entered.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<StoredAuditRecord>> group = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "Grouped" + i;
                group.add(pool.submit(() -> committer.append(event(name))));
            }
            Thread.sleep(200);
            transactor.hold.countDown(); // "Blocker" alone fails: it is a batch of one
            assertThatThrownBy(() -> blocker.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(AuditUnavailableException.class);
            for (Future<StoredAuditRecord> f : group) {
                assertThat(f.get(10, TimeUnit.SECONDS).eventName()).startsWith("Grouped");
            }
        }
        assertThat(repository.chainHead().sequence()).isEqualTo(4);
    }

    @Test
    void aStoreThatStaysDownFailsTheCallerInsteadOfPretending() {
        transactor.failuresLeft.set(Integer.MAX_VALUE);
        try (AuditGroupCommitter committer = new AuditGroupCommitter(trail, transactor)) {
            assertThatThrownBy(() -> committer.append(event("Lost")))
                    .isInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining("could not be written");
        }
        assertThat(repository.chainHead().sequence()).isZero();
    }

    @Test
    void closeWritesEverythingQueuedThenRefusesNewRecords() throws Exception {
        transactor.hold = new CountDownLatch(1);
        AuditGroupCommitter committer = new AuditGroupCommitter(trail, transactor);
        List<Future<StoredAuditRecord>> queued = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                String name = "Queued" + i;
                queued.add(pool.submit(() -> committer.append(event(name))));
            }
            assertThat(transactor.entered.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100);
            Thread release = Thread.ofVirtual().start(() -> {
                sleepQuietly();
                transactor.hold.countDown();
            });
            committer.close();
            release.join();
            for (Future<StoredAuditRecord> f : queued) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isNotNull();
            }
        }
        assertThat(repository.chainHead().sequence()).isEqualTo(10);
        assertThatThrownBy(() -> committer.append(event("TooLate"))).isInstanceOf(AuditUnavailableException.class);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
