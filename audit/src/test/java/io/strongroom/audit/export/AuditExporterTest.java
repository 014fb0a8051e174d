package io.strongroom.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.testing.InMemoryExportCursorRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditExporterTest {
    private static final Instant T0 = Instant.parse("2025-03-04T05:06:07Z");
    private static final Clock CLOCK = Clock.fixed(T0.plusMillis(250), ZoneOffset.UTC);
    /** Fast retries, a long poll (so that only wake() or close() makes an idle export look again). */
    private static final ExportOptions FAST = new ExportOptions(10, Duration.ofMinutes(5), Duration.ofMillis(20),
            Duration.ofMillis(100), Duration.ofSeconds(5));

    private final TestRecords trail = new TestRecords();
    private final InMemoryExportCursorRepository cursors = new InMemoryExportCursorRepository();
    private AuditExporter exporter;

    @AfterEach
    void closeExporter() {
        if (exporter != null) {
            exporter.close();
        }
    }

    private AuditExporter start(DeliveryFilter filter, ExportOptions options, ExportSink... sinks) {
        exporter = new AuditExporter(trail.repository, cursors, List.of(sinks), filter, options, CLOCK).start();
        return exporter;
    }

    private static List<Long> oneTo(long last) {
        return LongStream.rangeClosed(1, last).boxed().toList();
    }

    @Test
    void everyRecordReachesEverySinkInOrderAndTheCursorsFollow() throws Exception {
        trail.append(25, T0);
        RecordingSink file = new RecordingSink("file");
        RecordingSink webhook = new RecordingSink("webhook");
        start(DeliveryFilter.EVERYTHING, FAST, file, webhook);

        Eventually.await("both sinks have 25 records", () -> cursors.deliveredThrough("file") == 25
                && cursors.deliveredThrough("webhook") == 25);
        assertThat(file.sequences()).isEqualTo(oneTo(25));
        assertThat(webhook.sequences()).isEqualTo(oneTo(25));
        assertThat(file.attempts()).isEqualTo(3); // batches of 10, 10 and 5
        assertThat(cursors.find("file").orElseThrow().updated()).isEqualTo(T0.plusMillis(250));
        assertThat(exporter.status().get("file")).isEqualTo(new ExportStatus("file", 25, 0, null));
        assertThat(exporter.exportNames()).containsExactlyInAnyOrder("file", "webhook");
    }

    @Test
    void aFailingSinkHoldsBackNoOtherAndGetsEveryRecordAfterItRecovers() throws Exception {
        trail.append(12, T0);
        RecordingSink healthy = new RecordingSink("file");
        RecordingSink flaky = new RecordingSink("webhook");
        flaky.failing = true;
        start(DeliveryFilter.EVERYTHING, FAST, healthy, flaky);

        Eventually.await("the healthy sink has everything", () -> cursors.deliveredThrough("file") == 12);
        Eventually.await("the flaky sink was retried", () -> flaky.attempts() >= 3);
        assertThat(cursors.deliveredThrough("webhook")).isZero();
        ExportStatus failing = exporter.status().get("webhook");
        assertThat(failing.consecutiveFailures()).isGreaterThanOrEqualTo(3);
        assertThat(failing.lastError()).isEqualTo("IOException: the receiver did not confirm");

        flaky.failing = false;
        Eventually.await("the flaky sink caught up", () -> cursors.deliveredThrough("webhook") == 12);
        // at least once: unconfirmed batches came again, and nothing is missing
        assertThat(flaky.sequences()).containsAll(oneTo(12));
        assertThat(flaky.sequences().size()).isGreaterThan(12);
        assertThat(flaky.sequences().subList(flaky.sequences().size() - 2, flaky.sequences().size()))
                .containsExactly(11L, 12L);
        assertThat(exporter.status().get("webhook")).isEqualTo(new ExportStatus("webhook", 12, 0, null));
        assertThat(healthy.sequences()).isEqualTo(oneTo(12));
    }

    @Test
    void theCursorSurvivesARestartSoNothingIsSentTwiceOrSkipped() throws Exception {
        trail.append(10, T0);
        RecordingSink first = new RecordingSink("syslog");
        start(DeliveryFilter.EVERYTHING, FAST, first);
        Eventually.await("the first run delivered", () -> cursors.deliveredThrough("syslog") == 10);
        exporter.close();
        assertThat(first.closed).isTrue();

        trail.append(5, T0.plusSeconds(1));
        RecordingSink second = new RecordingSink("syslog");
        start(DeliveryFilter.EVERYTHING, FAST, second);
        Eventually.await("the second run delivered", () -> cursors.deliveredThrough("syslog") == 15);
        assertThat(second.sequences()).containsExactly(11L, 12L, 13L, 14L, 15L);
    }

    @Test
    void closeDeliversWhatIsPending() {
        RecordingSink sink = new RecordingSink("file");
        start(DeliveryFilter.EVERYTHING, FAST, sink);
        // the export is idle for five minutes; these arrive without a wake()
        trail.append(23, T0);
        exporter.close();
        assertThat(sink.sequences()).isEqualTo(oneTo(23));
        assertThat(cursors.deliveredThrough("file")).isEqualTo(23);
        assertThat(sink.closed).isTrue();
    }

    @Test
    void closeGivesUpOnAFailingSinkAfterItsTimeout() {
        trail.append(3, T0);
        RecordingSink down = new RecordingSink("webhook");
        down.failing = true;
        start(DeliveryFilter.EVERYTHING, new ExportOptions(10, Duration.ofMinutes(5), Duration.ofMillis(20),
                Duration.ofMillis(50), Duration.ofMillis(300)), down);
        long started = System.nanoTime();
        exporter.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        assertThat(cursors.deliveredThrough("webhook")).isZero();
        assertThat(down.attempts()).isGreaterThan(1); // kept retrying while closing
    }

    @Test
    void wakeMakesAnIdleExportLookAtOnce() throws Exception {
        RecordingSink sink = new RecordingSink("file");
        start(DeliveryFilter.EVERYTHING, FAST, sink);
        Eventually.await("the export read its cursor", () -> exporter.status().get("file").deliveredThrough() == 0
                && sink.attempts() == 0);
        Thread.sleep(100); // now it waits out its five-minute poll
        trail.append(2, T0);
        exporter.wake();
        Eventually.await("woken, it delivered", () -> cursors.deliveredThrough("file") == 2);
    }

    @Test
    void recordsTheFilterHoldsBackAreSkippedButCounted() throws Exception {
        trail.append(9, T0);
        RecordingSink sink = new RecordingSink("file");
        start(record -> record.sequence() % 3 == 0, FAST, sink);
        Eventually.await("the cursor passed every record", () -> cursors.deliveredThrough("file") == 9);
        assertThat(sink.sequences()).containsExactly(3L, 6L, 9L);
    }

    @Test
    void exportsNeedDistinctValidNames() {
        assertThatThrownBy(() -> new AuditExporter(trail.repository, cursors,
                List.of(new RecordingSink("file"), new RecordingSink("file")), DeliveryFilter.EVERYTHING, FAST, CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two exports are named file");
        assertThatThrownBy(() -> new AuditExporter(trail.repository, cursors, List.of(new RecordingSink("My Sink")),
                DeliveryFilter.EVERYTHING, FAST, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an export name is lower-case letters, digits and dashes (at most 64): 'My Sink'");
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        ExportOptions options = new ExportOptions(10, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(List.of(options.backoff(1), options.backoff(2), options.backoff(3), options.backoff(5),
                options.backoff(6), options.backoff(60))).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThatThrownBy(() -> new ExportOptions(0, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ZERO)).hasMessage("batchSize must lie between 1 and 10000");
    }
}
