package io.strongroom.s3.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.testing.RecordedLogs;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class GcmWarmUpTest {
    @Test
    void runsInTheBackgroundAtTheLowestPriorityAndFinishesWithoutAWarning() throws InterruptedException {
        try (RecordedLogs warnings = RecordedLogs.of(GcmWarmUp.class.getName(), Level.WARNING)) {
            Thread warmUp = GcmWarmUp.start();
            assertThat(warmUp.isDaemon()).isTrue();
            assertThat(warmUp.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            assertThat(warmUp.join(Duration.ofSeconds(60))).as("finished").isTrue();
            assertThat(warnings.records()).isEmpty();
        }
    }
}
