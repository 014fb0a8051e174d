package io.strongroom.s3.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class GcmWarmUpTest {
    @Test
    void runsInTheBackgroundAtTheLowestPriorityAndFinishesWithoutAWarning() throws InterruptedException {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(GcmWarmUp.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            Thread warmUp = GcmWarmUp.start();
            assertThat(warmUp.isDaemon()).isTrue();
            assertThat(warmUp.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            assertThat(warmUp.join(Duration.ofSeconds(60))).as("finished").isTrue();
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(warnings).isEmpty();
    }
}
