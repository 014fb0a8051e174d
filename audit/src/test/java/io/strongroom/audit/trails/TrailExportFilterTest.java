package io.strongroom.audit.trails;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.testing.CloudTrailFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exporter's filter reloads the trails only when a record may be newer than what it loaded. */
class TrailExportFilterTest {
    private final CloudTrailFixture fixture = new CloudTrailFixture();
    private final List<Instant> loads = new ArrayList<>();
    private final TrailExportFilter filter = new TrailExportFilter(since -> {
        loads.add(since);
        return fixture.cloudTrail.delivery(since);
    }, fixture.iam.clock);

    @Test
    void settledRecordsShareOneLoadAndFreshOrOlderOnesReload() {
        StoredAuditRecord first = record("CreateUser");
        StoredAuditRecord second = record("CreateGroup");
        fixture.iam.clock.advance(Duration.ofSeconds(10));

        assertThat(filter.delivers(second)).isTrue();
        assertThat(filter.delivers(second)).isTrue();
        assertThat(loads).containsExactly(second.eventTime());
        assertThat(filter.delivers(first)).as("older than what was loaded").isTrue();
        assertThat(loads).containsExactly(second.eventTime(), first.eventTime());
        assertThat(filter.delivers(second)).isTrue();
        assertThat(loads).hasSize(2);

        StoredAuditRecord fresh = record("DeleteUser");
        assertThat(filter.delivers(fresh)).isTrue();
        assertThat(loads).hasSize(3);
    }

    @Test
    void aTrailStartedJustBeforeAFreshRecordIsSeen() {
        fixture.cloudTrail.stopLogging(fixture.admin, CloudTrailService.DEFAULT_TRAIL_NAME);
        fixture.iam.clock.advance(Duration.ofSeconds(5));
        StoredAuditRecord whileStopped = record("CreateUser");
        fixture.iam.clock.advance(Duration.ofSeconds(5));
        assertThat(filter.delivers(whileStopped)).isFalse();

        fixture.cloudTrail.startLogging(fixture.admin, CloudTrailService.DEFAULT_TRAIL_NAME);
        fixture.iam.clock.advance(Duration.ofMillis(1500));
        StoredAuditRecord afterStart = record("CreateGroup");
        assertThat(filter.delivers(afterStart)).isTrue();
        assertThat(filter.delivers(whileStopped)).isFalse();
    }

    private StoredAuditRecord record(String eventName) {
        fixture.iam.clock.advance(Duration.ofSeconds(1));
        return fixture.record(fixture.admin, "iam.amazonaws.com", eventName, false);
    }
}
