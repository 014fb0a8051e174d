package io.strongroom.audit.trails;

import static io.strongroom.audit.trails.CloudTrailCalls.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.audit.testing.CloudTrailFixture;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.testing.IamFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Trails as resources: the default trail, each operation, its errors and its authorisation. */
class TrailOperationsTest {
    private static final String BUCKET = "audit-exports";

    private final CloudTrailFixture fixture = new CloudTrailFixture();
    private final CloudTrailService cloudTrail = fixture.cloudTrail;
    private final CallContext admin = fixture.admin;

    @Test
    void theOrganizationHasALoggingDefaultTrail() {
        Instant setUp = fixture.iam.clock.instant();
        List<Trail> trails = cloudTrail.describeTrails(admin, List.of(), true);
        assertThat(trails).singleElement().satisfies(trail -> {
            assertThat(trail.name()).isEqualTo("strongroom-default");
            assertThat(trail.arn()).isEqualTo(fixture.defaultTrailArn());
            assertThat(trail.ownerAccountId()).isEqualTo(fixture.account);
            assertThat(trail.homeRegion()).isEqualTo("us-east-1");
            assertThat(trail.multiRegion()).isTrue();
            assertThat(trail.organizationTrail()).isTrue();
            assertThat(trail.includeGlobalServiceEvents()).isTrue();
            assertThat(trail.logFileValidation()).isTrue();
            assertThat(trail.s3BucketName()).isEmpty();
            assertThat(trail.eventSelectors()).containsExactly(EventSelector.ALL_MANAGEMENT_EVENTS);
            assertThat(trail.customEventSelectors()).isFalse();
        });
        assertThat(cloudTrail.getTrailStatus(admin, "strongroom-default"))
                .isEqualTo(new TrailStatus(true, Optional.of(setUp), Optional.empty()));
        assertThat(cloudTrail.ensureInitialised()).isFalse();
        assertThat(cloudTrail.listTrails(admin, Optional.empty())).extracting(Trail::arn)
                .containsExactly(fixture.defaultTrailArn());
    }

    @Test
    void aDeletedDefaultTrailIsNotRecreatedAtTheNextStart() {
        cloudTrail.deleteTrail(admin, fixture.defaultTrailArn());
        assertThat(cloudTrail.ensureInitialised()).isFalse();
        assertThat(cloudTrail.describeTrails(admin, List.of(), true)).isEmpty();
        assertError(() -> cloudTrail.getTrail(admin, "strongroom-default"), "TrailNotFoundException");
    }

    @Test
    void createsATrailWithAwsDefaultsNotYetLogging() {
        Trail created = cloudTrail.createTrail(admin, CreateTrailRequest.of("Team.audit-1", BUCKET));
        assertThat(created.arn()).isEqualTo("arn:aws:cloudtrail:us-east-1:" + fixture.account + ":trail/Team.audit-1");
        assertThat(created.s3BucketName()).contains(BUCKET);
        assertThat(created.includeGlobalServiceEvents()).isTrue();
        assertThat(created.multiRegion()).isFalse();
        assertThat(created.organizationTrail()).isFalse();
        assertThat(created.logging()).isFalse();
        assertThat(cloudTrail.getTrail(admin, "Team.audit-1")).isEqualTo(created);
        assertThat(cloudTrail.getTrail(admin, created.arn())).isEqualTo(created);
        assertThat(cloudTrail.getTrailStatus(admin, created.arn()).logging()).isFalse();

        Trail full = cloudTrail.createTrail(admin, new CreateTrailRequest("org-wide", BUCKET, Optional.of("exports"),
                Optional.of(false), Optional.of(true), Optional.of(true), Optional.of(true)));
        assertThat(full.s3KeyPrefix()).contains("exports");
        assertThat(full.includeGlobalServiceEvents()).isFalse();
        assertThat(full.multiRegion()).isTrue();
        assertThat(full.logFileValidation()).isTrue();
        assertThat(full.organizationTrail()).isTrue();
        assertThat(cloudTrail.describeTrails(admin, List.of("org-wide", created.arn(), "unknown-trail"), true))
                .extracting(Trail::name).containsExactlyInAnyOrder("org-wide", "Team.audit-1");
    }

    @Test
    void refusesBadNamesBucketsAndPrefixes() {
        for (String name : List.of("", "  ", "ab", "x".repeat(129), "has space", "trail/slash", "-starts", "ends_",
                "two--dashes", "dot._under", "192.168.5.4")) {
            assertError(() -> cloudTrail.createTrail(admin, CreateTrailRequest.of(name, BUCKET)),
                    "InvalidTrailNameException").as(name);
        }
        assertThat(cloudTrail.createTrail(admin, CreateTrailRequest.of("abc", BUCKET)).name()).isEqualTo("abc");
        assertThat(cloudTrail.createTrail(admin, CreateTrailRequest.of("a".repeat(128), BUCKET)).name()).hasSize(128);
        for (String bucket : List.of("ab", "Upper", "under_score", "-dash", "dot.", "a..b", "a.-b", "10.0.0.1",
                "x".repeat(64))) {
            assertError(() -> cloudTrail.createTrail(admin, CreateTrailRequest.of("bucket-test", bucket)),
                    "InvalidS3BucketNameException").as(bucket);
        }
        assertError(() -> cloudTrail.createTrail(admin, new CreateTrailRequest("prefix-test", BUCKET,
                Optional.of("p".repeat(201)), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())),
                "InvalidS3PrefixException");
        assertError(() -> cloudTrail.getTrail(admin, "arn:aws:s3:::bucket"), "CloudTrailARNInvalidException");
        assertError(() -> cloudTrail.getTrail(admin, "arn:aws:cloudtrail:us-east-1:12345:trail/x"),
                "CloudTrailARNInvalidException");
        assertError(() -> cloudTrail.stopLogging(admin, "no"), "InvalidTrailNameException");
        assertThat(cloudTrail.describeTrails(admin, List.of(), true)).extracting(Trail::name)
                .containsExactlyInAnyOrder("strongroom-default", "abc", "a".repeat(128));
    }

    @Test
    void refusesASecondTrailOfTheSameNameAndASixthTrail() {
        cloudTrail.createTrail(admin, CreateTrailRequest.of("audit", BUCKET));
        assertError(() -> cloudTrail.createTrail(admin, CreateTrailRequest.of("audit", BUCKET)),
                "TrailAlreadyExistsException");
        for (int i = 2; i <= 4; i++) {
            cloudTrail.createTrail(admin, CreateTrailRequest.of("audit" + i, BUCKET));
        }
        // the default trail is the fifth
        assertError(() -> cloudTrail.createTrail(admin, CreateTrailRequest.of("audit6", BUCKET)),
                "MaximumNumberOfTrailsExceededException");
        cloudTrail.deleteTrail(admin, "audit");
        assertThat(cloudTrail.createTrail(admin, CreateTrailRequest.of("audit", BUCKET)).logging())
                .as("a name is free again once its trail is deleted").isFalse();
    }

    @Test
    void onlyTheManagementAccountMakesOrganizationTrails() {
        CallContext member = CloudTrailCalls.otherAccountRoot(fixture, "999988887777");
        assertError(() -> cloudTrail.createTrail(member, new CreateTrailRequest("org", BUCKET, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true))),
                "NotOrganizationMasterAccountException");
        Trail own = cloudTrail.createTrail(member, CreateTrailRequest.of("own", BUCKET));
        assertError(() -> cloudTrail.updateTrail(member, new UpdateTrailRequest("own", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true))),
                "NotOrganizationMasterAccountException");

        // a member sees its own trails and the organization's trail, but not as its own
        assertThat(cloudTrail.describeTrails(member, List.of(), true)).extracting(Trail::arn)
                .containsExactly(fixture.defaultTrailArn(), own.arn());
        assertThat(cloudTrail.describeTrails(member, List.of(), false)).extracting(Trail::arn)
                .containsExactly(own.arn());
        assertThat(cloudTrail.describeTrails(admin, List.of(), true)).extracting(Trail::arn)
                .containsExactly(fixture.defaultTrailArn());
        // another account's trail is its own business, even for the management account
        assertError(() -> cloudTrail.getTrail(admin, own.arn()), "AccessDenied");
        assertError(() -> cloudTrail.stopLogging(member, fixture.defaultTrailArn()), "AccessDenied");
        assertError(() -> cloudTrail.getTrail(member, "strongroom-default"), "TrailNotFoundException");
    }

    @Test
    void startsAndStopsLogging() {
        Trail trail = cloudTrail.createTrail(admin, CreateTrailRequest.of("audit", BUCKET));
        fixture.iam.clock.advance(Duration.ofSeconds(5));
        Instant started = fixture.iam.clock.instant();
        cloudTrail.startLogging(admin, "audit");
        assertThat(cloudTrail.getTrailStatus(admin, "audit"))
                .isEqualTo(new TrailStatus(true, Optional.of(started), Optional.empty()));

        fixture.iam.clock.advance(Duration.ofSeconds(5));
        cloudTrail.startLogging(admin, trail.arn()); // already logging: nothing changes
        assertThat(cloudTrail.getTrailStatus(admin, "audit").startLoggingTime()).contains(started);

        Instant stopped = fixture.iam.clock.instant();
        cloudTrail.stopLogging(admin, trail.arn());
        assertThat(cloudTrail.getTrailStatus(admin, "audit"))
                .isEqualTo(new TrailStatus(false, Optional.of(started), Optional.of(stopped)));
        cloudTrail.stopLogging(admin, "audit");
        assertThat(cloudTrail.getTrailStatus(admin, "audit").stopLoggingTime()).contains(stopped);
    }

    @Test
    void unknownTrailsAreNotFound() {
        for (String name : List.of("missing", "arn:aws:cloudtrail:us-east-1:" + fixture.account + ":trail/missing",
                "arn:aws:cloudtrail:eu-west-1:" + fixture.account + ":trail/strongroom-default")) {
            assertError(() -> cloudTrail.getTrail(admin, name), "TrailNotFoundException")
                    .hasMessageContaining(name);
            assertError(() -> cloudTrail.getTrailStatus(admin, name), "TrailNotFoundException");
            assertError(() -> cloudTrail.startLogging(admin, name), "TrailNotFoundException");
            assertError(() -> cloudTrail.stopLogging(admin, name), "TrailNotFoundException");
            assertError(() -> cloudTrail.deleteTrail(admin, name), "TrailNotFoundException");
            assertError(() -> cloudTrail.getEventSelectors(admin, name), "TrailNotFoundException");
            assertError(() -> cloudTrail.putEventSelectors(admin, name,
                    Optional.of(List.of(allWrites())), false), "TrailNotFoundException");
            assertError(() -> cloudTrail.updateTrail(admin, new UpdateTrailRequest(name, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())),
                    "TrailNotFoundException");
        }
        assertError(() -> cloudTrail.listTrails(admin, Optional.of("token")), "InvalidNextTokenException");
    }

    @Test
    void putsAndGetsEventSelectors() {
        TrailSelectors initial = cloudTrail.getEventSelectors(admin, "strongroom-default");
        assertThat(initial).isEqualTo(new TrailSelectors(fixture.defaultTrailArn(),
                List.of(EventSelector.ALL_MANAGEMENT_EVENTS)));

        EventSelectorRequest dataToo = new EventSelectorRequest(Optional.of("ReadOnly"), Optional.of(false),
                List.of(new EventSelectorRequest.DataResourceRequest(Optional.of("AWS::S3::Object"),
                        List.of("arn:aws:s3:::reports/", "arn:aws:s3"))), List.of("kms.amazonaws.com"));
        TrailSelectors put = cloudTrail.putEventSelectors(admin, fixture.defaultTrailArn(),
                Optional.of(List.of(allWrites(), dataToo)), false);
        List<EventSelector> expected = List.of(new EventSelector(ReadWriteType.WRITE_ONLY, true, List.of(), List.of()),
                new EventSelector(ReadWriteType.READ_ONLY, false, List.of(new DataResource("AWS::S3::Object",
                        List.of("arn:aws:s3:::reports/", "arn:aws:s3"))), List.of("kms.amazonaws.com")));
        assertThat(put).isEqualTo(new TrailSelectors(fixture.defaultTrailArn(), expected));
        assertThat(cloudTrail.getEventSelectors(admin, "strongroom-default")).isEqualTo(put);
        assertThat(cloudTrail.getTrail(admin, "strongroom-default").customEventSelectors()).isTrue();

        // no selectors at all: the trail delivers nothing
        assertThat(cloudTrail.putEventSelectors(admin, "strongroom-default", Optional.of(List.of()), false)
                .eventSelectors()).isEmpty();
    }

    @Test
    void refusesInvalidEventSelectors() {
        String trail = "strongroom-default";
        List<List<EventSelectorRequest>> invalid = List.of(
                List.of(selector(Optional.of("Writes"), List.of(), List.of())),
                List.of(allWrites(), allWrites(), allWrites(), allWrites(), allWrites(), allWrites()),
                List.of(selector(Optional.empty(), List.of(data("AWS::EC2::Instance", "arn:aws:ec2")), List.of())),
                List.of(selector(Optional.empty(), List.of(new EventSelectorRequest.DataResourceRequest(
                        Optional.empty(), List.of("arn:aws:s3"))), List.of())),
                List.of(selector(Optional.empty(), List.of(data("AWS::S3::Object")), List.of())),
                List.of(selector(Optional.empty(), List.of(data("AWS::S3::Object", "arn:aws:s3x")), List.of())),
                List.of(selector(Optional.empty(), List.of(data("AWS::Lambda::Function", "arn:aws:s3:::b/")),
                        List.of())),
                List.of(selector(Optional.empty(), List.of(), List.of("iam.amazonaws.com"))),
                List.of(selector(Optional.empty(), List.of(data("AWS::S3::Object",
                        java.util.Collections.nCopies(251, "arn:aws:s3:::b/").toArray(String[]::new))), List.of())));
        for (List<EventSelectorRequest> selectors : invalid) {
            assertError(() -> cloudTrail.putEventSelectors(admin, trail, Optional.of(selectors), false),
                    "InvalidEventSelectorsException");
        }
        assertError(() -> cloudTrail.putEventSelectors(admin, trail, Optional.of(List.of(allWrites())), true),
                "InvalidEventSelectorsException").hasMessageContaining("AdvancedEventSelectors");
        assertError(() -> cloudTrail.putEventSelectors(admin, trail, Optional.empty(), false),
                "InvalidEventSelectorsException");
        assertThat(cloudTrail.getEventSelectors(admin, trail).eventSelectors())
                .containsExactly(EventSelector.ALL_MANAGEMENT_EVENTS);
    }

    @Test
    void updatesATrailsSettings() {
        cloudTrail.createTrail(admin, new CreateTrailRequest("audit", BUCKET, Optional.of("before"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        Trail updated = cloudTrail.updateTrail(admin, new UpdateTrailRequest("audit", Optional.of("other-bucket"),
                Optional.of(""), Optional.of(false), Optional.of(true), Optional.of(true), Optional.empty()));
        assertThat(updated.s3BucketName()).contains("other-bucket");
        assertThat(updated.s3KeyPrefix()).isEmpty();
        assertThat(updated.includeGlobalServiceEvents()).isFalse();
        assertThat(updated.multiRegion()).isTrue();
        assertThat(updated.logFileValidation()).isTrue();
        assertThat(cloudTrail.getTrail(admin, "audit")).isEqualTo(updated);
        assertError(() -> cloudTrail.updateTrail(admin, new UpdateTrailRequest("audit", Optional.of("Bad_Bucket"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())),
                "InvalidS3BucketNameException");
    }

    @Test
    void eachOperationIsAuthorisedOnTheTrailArn() {
        CallContext reader = fixture.iam.newUser("reader");
        fixture.iam.iam.putUserPolicy(admin, "reader", "read", IamFixture.allow("cloudtrail:Get*", "*"));
        fixture.iam.iam.putUserPolicy(admin, "reader", "describe", IamFixture.allow("cloudtrail:DescribeTrails", "*"));
        assertThat(cloudTrail.getTrailStatus(reader, fixture.defaultTrailArn()).logging()).isTrue();
        assertThat(cloudTrail.describeTrails(reader, List.of(), true)).hasSize(1);
        assertError(() -> cloudTrail.stopLogging(reader, fixture.defaultTrailArn()), "AccessDenied")
                .hasMessageContaining("cloudtrail:StopLogging")
                .hasMessageContaining(fixture.defaultTrailArn());
        assertError(() -> cloudTrail.listTrails(reader, Optional.empty()), "AccessDenied");
        // denied before it is looked up: refusals do not reveal which trails exist
        assertError(() -> cloudTrail.deleteTrail(reader, "missing"), "AccessDenied");

        CallContext operator = fixture.iam.newUser("operator");
        fixture.iam.allowUser("operator", "all", "cloudtrail:*");
        fixture.iam.iam.putUserPolicy(admin, "operator", "keep-default", IamFixture.deny("cloudtrail:*",
                fixture.defaultTrailArn()));
        assertError(() -> cloudTrail.stopLogging(operator, "strongroom-default"), "AccessDenied");
        assertError(() -> cloudTrail.deleteTrail(operator, "strongroom-default"), "AccessDenied");
        assertError(() -> cloudTrail.putEventSelectors(operator, "strongroom-default", Optional.of(List.of()), false),
                "AccessDenied");
        assertThat(cloudTrail.getTrailStatus(admin, "strongroom-default").logging()).isTrue();
        assertThat(cloudTrail.createTrail(operator, CreateTrailRequest.of("operators", BUCKET)).ownerAccountId())
                .isEqualTo(fixture.account);
    }

    private static EventSelectorRequest allWrites() {
        return selector(Optional.of("WriteOnly"), List.of(), List.of());
    }

    private static EventSelectorRequest selector(Optional<String> readWrite,
                                                 List<EventSelectorRequest.DataResourceRequest> data,
                                                 List<String> excluded) {
        return new EventSelectorRequest(readWrite, Optional.empty(), data, excluded);
    }

    private static EventSelectorRequest.DataResourceRequest data(String type, String... values) {
        return new EventSelectorRequest.DataResourceRequest(Optional.of(type), List.of(values));
    }
}
