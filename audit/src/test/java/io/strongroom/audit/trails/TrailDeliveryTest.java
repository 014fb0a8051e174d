package io.strongroom.audit.trails;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.audit.AuditResource;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.testing.CloudTrailFixture;
import io.strongroom.iam.auth.CallContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the export sinks deliver: each record under the trail configuration in effect when its call
 * was made, so stopping, narrowing or deleting a trail never takes back what was made before.
 */
class TrailDeliveryTest {
    private static final String IAM = "iam.amazonaws.com";
    private static final String KMS = "kms.amazonaws.com";

    private final CloudTrailFixture fixture = new CloudTrailFixture();
    private final CloudTrailService cloudTrail = fixture.cloudTrail;
    private final CallContext admin = fixture.admin;
    private final Instant start = fixture.iam.clock.instant();

    @Test
    void theDefaultTrailDeliversEveryManagementEventOfEveryAccount() {
        StoredAuditRecord write = record(admin, IAM, "CreateUser", false);
        StoredAuditRecord read = record(admin, KMS, "ListKeys", true);
        StoredAuditRecord member = record(CloudTrailCalls.otherAccountRoot(fixture, "999988887777"), IAM, "CreateRole",
                false);
        StoredAuditRecord data = fixture.record(admin, "s3.amazonaws.com", "GetObject", true, EventCategory.DATA,
                new AuditResource("arn:aws:s3:::reports/q1.csv", fixture.account, "AWS::S3::Object"));

        TrailDelivery delivery = cloudTrail.delivery(start);
        assertThat(delivery.anyLogging()).isTrue();
        assertThat(delivery.delivers(write)).isTrue();
        assertThat(delivery.delivers(read)).isTrue();
        assertThat(delivery.delivers(member)).isTrue();
        assertThat(delivery.delivers(data)).as("no data event without a data resource selector").isFalse();
    }

    @Test
    void stoppingKeepsWhatWasMadeBeforeIncludingTheStopLoggingCall() {
        StoredAuditRecord before = record(admin, IAM, "CreateUser", false);
        tick();
        // the pipeline records StopLogging with the time the request was received
        StoredAuditRecord stopCall = record(admin, "cloudtrail.amazonaws.com", "StopLogging", false);
        fixture.iam.clock.advance(Duration.ofMillis(300));
        cloudTrail.stopLogging(admin, "strongroom-default");
        fixture.iam.clock.advance(Duration.ofSeconds(2));
        StoredAuditRecord after = record(admin, IAM, "DeleteUser", false);

        TrailDelivery delivery = cloudTrail.delivery(start);
        assertThat(delivery.delivers(before)).isTrue();
        assertThat(delivery.delivers(stopCall)).isTrue();
        assertThat(delivery.delivers(after)).isFalse();

        tick();
        cloudTrail.startLogging(admin, "strongroom-default");
        tick();
        StoredAuditRecord restarted = record(admin, IAM, "CreateGroup", false);
        assertThat(cloudTrail.delivery(start).delivers(restarted)).isTrue();
        assertThat(cloudTrail.delivery(start).delivers(after)).isFalse();
        assertThat(cloudTrail.delivery(after.eventTime()).delivers(restarted)).isTrue();
    }

    @Test
    void narrowedSelectorsApplyFromTheChangeOn() {
        StoredAuditRecord readBefore = record(admin, IAM, "ListUsers", true);
        tick();
        cloudTrail.putEventSelectors(admin, "strongroom-default", Optional.of(List.of(new EventSelectorRequest(
                Optional.of("WriteOnly"), Optional.empty(), List.of(), List.of()))), false);
        tick();
        StoredAuditRecord readAfter = record(admin, IAM, "ListUsers", true);
        StoredAuditRecord writeAfter = record(admin, IAM, "CreateUser", false);

        TrailDelivery delivery = cloudTrail.delivery(start);
        assertThat(delivery.delivers(readBefore)).isTrue();
        assertThat(delivery.delivers(readAfter)).isFalse();
        assertThat(delivery.delivers(writeAfter)).isTrue();
    }

    @Test
    void selectorsTakeDataEventsAndLeaveOutExcludedSources() {
        cloudTrail.putEventSelectors(admin, "strongroom-default", Optional.of(List.of(new EventSelectorRequest(
                Optional.empty(), Optional.empty(), List.of(new EventSelectorRequest.DataResourceRequest(
                        Optional.of("AWS::S3::Object"), List.of("arn:aws:s3:::reports/"))), List.of(KMS)))), false);
        tick();
        StoredAuditRecord reports = data("arn:aws:s3:::reports/q1.csv");
        StoredAuditRecord other = data("arn:aws:s3:::other/q1.csv");
        StoredAuditRecord kms = record(admin, KMS, "CreateKey", false);
        StoredAuditRecord iam = record(admin, IAM, "CreateUser", false);

        TrailDelivery delivery = cloudTrail.delivery(start);
        assertThat(delivery.delivers(reports)).isTrue();
        assertThat(delivery.delivers(other)).isFalse();
        assertThat(delivery.delivers(kms)).isFalse();
        assertThat(delivery.delivers(iam)).isTrue();
    }

    @Test
    void nothingIsDeliveredWithoutALoggingTrail() {
        cloudTrail.deleteTrail(admin, "strongroom-default");
        fixture.iam.clock.advance(Duration.ofSeconds(2));
        StoredAuditRecord afterDeletion = record(admin, IAM, "CreateUser", false);
        Trail created = cloudTrail.createTrail(admin, CreateTrailRequest.of("not-yet-logging", "audit-exports"));
        assertThat(created.logging()).isFalse();

        TrailDelivery fromNow = cloudTrail.delivery(afterDeletion.eventTime().plusSeconds(1));
        assertThat(fromNow.anyLogging()).isFalse();
        assertThat(fromNow.delivers(afterDeletion)).isFalse();
        assertThat(cloudTrail.delivery(start).delivers(afterDeletion)).isFalse();
    }

    @Test
    void anAccountTrailTakesOnlyItsAccountAndRegionAndGlobalEventsWhenAsked() {
        CallContext member = CloudTrailCalls.otherAccountRoot(fixture, "999988887777");
        cloudTrail.deleteTrail(admin, "strongroom-default");
        cloudTrail.createTrail(admin, new CreateTrailRequest("regional", "audit-exports", Optional.empty(),
                Optional.of(false), Optional.empty(), Optional.empty(), Optional.empty()));
        cloudTrail.startLogging(admin, "regional");
        tick();

        TrailDelivery delivery = cloudTrail.delivery(start);
        assertThat(delivery.delivers(record(admin, KMS, "CreateKey", false))).isTrue();
        assertThat(delivery.delivers(record(member, KMS, "CreateKey", false))).as("another account").isFalse();
        assertThat(delivery.delivers(record(admin, IAM, "CreateUser", false))).as("a global service").isFalse();
        StoredAuditRecord elsewhere = inRegion(record(admin, KMS, "CreateKey", false), "eu-west-1");
        assertThat(delivery.delivers(elsewhere)).as("another region").isFalse();

        cloudTrail.updateTrail(admin, new UpdateTrailRequest("regional", Optional.empty(), Optional.empty(),
                Optional.of(true), Optional.of(true), Optional.empty(), Optional.empty()));
        tick();
        TrailDelivery widened = cloudTrail.delivery(start);
        assertThat(widened.delivers(record(admin, IAM, "CreateUser", false))).isTrue();
        assertThat(widened.delivers(inRegion(record(admin, KMS, "CreateKey", false), "eu-west-1"))).isTrue();
    }

    private StoredAuditRecord record(CallContext caller, String source, String name, boolean readOnly) {
        return fixture.record(caller, source, name, readOnly);
    }

    private StoredAuditRecord data(String objectArn) {
        return fixture.record(admin, "s3.amazonaws.com", "GetObject", true, EventCategory.DATA,
                new AuditResource(objectArn, fixture.account, "AWS::S3::Object"));
    }

    private static StoredAuditRecord inRegion(StoredAuditRecord record, String region) {
        return new StoredAuditRecord(record.sequence(), record.eventTime(), record.eventId(), record.eventSource(),
                record.eventName(), region, record.recipientAccountId(), record.username(), record.accessKeyId(),
                record.readOnly(), record.eventCategory(), record.resources(), record.eventJson(),
                record.previousHash(), record.hash());
    }

    private void tick() {
        fixture.iam.clock.advance(Duration.ofSeconds(2));
    }
}
