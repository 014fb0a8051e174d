package io.strongroom.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExpiredSessionPurgerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void deletesSessionsThatExpiredMoreThanADayAgo() {
        List<Instant> cutoffs = new CopyOnWriteArrayList<>();
        ExpiredSessionPurger purger = new ExpiredSessionPurger(cutoff -> {
            cutoffs.add(cutoff);
            return 3;
        }, clock, ExpiredSessionPurger.RETENTION);
        assertThat(purger.purge()).isEqualTo(3);
        assertThat(cutoffs).containsExactly(Instant.parse("2026-02-28T12:00:00Z"));
        assertThat(ExpiredSessionPurger.INTERVAL).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void runsOnScheduleSurvivesAFailedRunAndStopsWhenClosed() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        List<Instant> cutoffs = new CopyOnWriteArrayList<>();
        ExpiredSessionPurger purger = new ExpiredSessionPurger(cutoff -> {
            cutoffs.add(cutoff);
            threeRuns.countDown();
            if (cutoffs.size() == 1) {
                throw new IllegalStateException("store unavailable"); // the next run must still happen
            }
            return 0;
        }, clock, ExpiredSessionPurger.RETENTION).start(Duration.ofMillis(20));
        assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
        purger.close();
        int runs = cutoffs.size();
        Thread.sleep(100);
        assertThat(cutoffs).hasSize(runs);
    }
}
