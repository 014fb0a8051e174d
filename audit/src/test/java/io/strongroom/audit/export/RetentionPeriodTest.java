package io.strongroom.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionPeriodTest {
    private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");

    @Test
    void calendarPeriodsCountInUtc() {
        assertThat(RetentionPeriod.parse("P7Y").cutoff(NOW)).isEqualTo(Instant.parse("2018-03-04T05:06:07Z"));
        assertThat(RetentionPeriod.parse("P18M").cutoff(NOW)).isEqualTo(Instant.parse("2023-09-04T05:06:07Z"));
        assertThat(RetentionPeriod.parse("p90d").cutoff(NOW)).isEqualTo(Instant.parse("2024-12-04T05:06:07Z"));
        assertThat(RetentionPeriod.parse("P1Y").cutoff(Instant.parse("2024-02-29T00:00:00Z")))
                .isEqualTo(Instant.parse("2023-02-28T00:00:00Z"));
    }

    @Test
    void durationsWithATimePart() {
        assertThat(RetentionPeriod.parse("PT36H").cutoff(NOW)).isEqualTo(NOW.minus(Duration.ofHours(36)));
        assertThat(RetentionPeriod.parse("P1DT12H").cutoff(NOW)).isEqualTo(NOW.minus(Duration.ofHours(36)));
        assertThat(RetentionPeriod.parse("P1DT12H").toString()).isEqualTo("P1DT12H");
        assertThat(RetentionPeriod.parse("P1DT12H")).isEqualTo(RetentionPeriod.parse("PT36H"));
    }

    @Test
    void atLeastComparesWithAMinimum() {
        assertThat(RetentionPeriod.parse("PT1H").atLeast(Duration.ofHours(1), NOW)).isTrue();
        assertThat(RetentionPeriod.parse("PT59M").atLeast(Duration.ofHours(1), NOW)).isFalse();
        assertThat(RetentionPeriod.parse("P1D").atLeast(Duration.ofHours(1), NOW)).isTrue();
    }

    @Test
    void badTextIsRefusedWithTheReason() {
        assertThatThrownBy(() -> RetentionPeriod.parse("7 years"))
                .hasMessage("'7 years' is not an ISO-8601 period like P7Y, P90D or PT36H");
        assertThatThrownBy(() -> RetentionPeriod.parse("P0D")).hasMessage("the retention must be longer than zero");
        assertThatThrownBy(() -> RetentionPeriod.parse("PT0S")).hasMessage("the retention must be longer than zero");
        assertThatThrownBy(() -> RetentionPeriod.parse("P1Y-13M")).hasMessage("the retention must be longer than zero");
        assertThatThrownBy(() -> RetentionPeriod.parse("-P1D")).hasMessage("the retention must be longer than zero");
    }
}
