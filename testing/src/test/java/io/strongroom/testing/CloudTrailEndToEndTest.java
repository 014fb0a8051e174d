package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.organizations.guardrails.BaselineGuardrails;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * CloudTrail through the SDK's CloudTrailClient: the organization's default trail, logging switched
 * off and on, event selectors, LookupEvents over the records every call leaves, and the baseline
 * guardrail that keeps a member account's administrators from stopping their trail.
 */
@ExtendWith(StrongroomExtension.class)
class CloudTrailEndToEndTest {
    private static final String DEFAULT_TRAIL = "strongroom-default";

    private static String management;

    @BeforeAll
    static void managementAccount(StsClient sts) {
        management = sts.getCallerIdentity().account();
    }

    @Test
    void theOrganizationHasALoggingDefaultTrail(CloudTrailClient cloudTrail) {
        List<Trail> trails = cloudTrail.describeTrails().trailList();
        assertThat(trails).extracting(Trail::name).contains(DEFAULT_TRAIL);
        Trail trail = trails.stream().filter(t -> t.name().equals(DEFAULT_TRAIL)).findFirst().orElseThrow();
        assertThat(trail.trailARN()).isEqualTo("arn:aws:cloudtrail:us-east-1:" + management + ":trail/" + DEFAULT_TRAIL);
        assertThat(trail.isMultiRegionTrail()).isTrue();
        assertThat(trail.isOrganizationTrail()).isTrue();
        assertThat(trail.homeRegion()).isEqualTo("us-east-1");
        assertThat(cloudTrail.getTrail(r -> r.name(DEFAULT_TRAIL)).trail()).isEqualTo(trail);
        assertThat(cloudTrail.listTrails(r -> { }).trails()).anySatisfy(info -> assertThat(info.trailARN())
                .isEqualTo(trail.trailARN()));
    }

    @Test
    void loggingStopsAndStartsAndEveryCallIsStillRecorded(CloudTrailClient cloudTrail, IamClient iam) {
        String trail = cloudTrail.createTrail(r -> r.name("switched").s3BucketName("audit-exports")).trailARN();
        assertThat(cloudTrail.getTrailStatus(r -> r.name(trail)).isLogging()).isFalse();
        cloudTrail.startLogging(r -> r.name("switched"));
        GetTrailStatusResponse logging = cloudTrail.getTrailStatus(r -> r.name(trail));
        assertThat(logging.isLogging()).isTrue();
        assertThat(logging.startLoggingTime()).isNotNull();
        assertThat(logging.timeLoggingStarted()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        cloudTrail.stopLogging(r -> r.name(trail));
        GetTrailStatusResponse stopped = cloudTrail.getTrailStatus(r -> r.name("switched"));
        assertThat(stopped.isLogging()).isFalse();
        assertThat(stopped.stopLoggingTime()).isNotNull();

        // a stopped trail stops no record: LookupEvents reads the hash-chained records themselves
        iam.createUser(r -> r.userName("while-stopped"));
        assertThat(lookup(cloudTrail, LookupAttributeKey.EVENT_NAME, "StopLogging"))
                .anySatisfy(event -> assertThat(event.cloudTrailEvent()).contains(trail));
        assertThat(lookup(cloudTrail, LookupAttributeKey.EVENT_NAME, "CreateUser"))
                .anySatisfy(event -> assertThat(event.cloudTrailEvent()).contains("while-stopped"));

        cloudTrail.deleteTrail(r -> r.name("switched"));
        assertAwsError(() -> cloudTrail.getTrail(r -> r.name("switched")), "TrailNotFoundException", 400);
    }

    @Test
    void unknownTrailsAndBadInputGetCloudTrailsErrors(CloudTrailClient cloudTrail) {
        assertAwsError(() -> cloudTrail.deleteTrail(r -> r.name("no-such-trail")), "TrailNotFoundException", 400);
        assertAwsError(() -> cloudTrail.stopLogging(r -> r.name("arn:aws:cloudtrail:us-east-1:" + management
                + ":trail/no-such-trail")), "TrailNotFoundException", 400);
        assertAwsError(() -> cloudTrail.createTrail(r -> r.name("x").s3BucketName("audit-exports")),
                "InvalidTrailNameException", 400);
        assertAwsError(() -> cloudTrail.createTrail(r -> r.name(DEFAULT_TRAIL).s3BucketName("audit-exports")),
                "TrailAlreadyExistsException", 400);
        assertAwsError(() -> cloudTrail.lookupEvents(r -> r.maxResults(51)), "InvalidMaxResultsException", 400);
        assertAwsError(() -> cloudTrail.lookupEvents(r -> r.nextToken("forged")), "InvalidNextTokenException", 400);
        assertAwsError(() -> cloudTrail.lookupEvents(r -> r.lookupAttributes(
                a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("CreateUser"),
                a -> a.attributeKey(LookupAttributeKey.USERNAME).attributeValue("admin"))),
                "InvalidLookupAttributesException", 400);
    }

    @Test
    void eventSelectorsRoundTrip(CloudTrailClient cloudTrail) {
        cloudTrail.createTrail(r -> r.name("selective").s3BucketName("audit-exports"));
        EventSelector writesAndReports = EventSelector.builder().readWriteType(ReadWriteType.WRITE_ONLY)
                .includeManagementEvents(true)
                .dataResources(DataResource.builder().type("AWS::S3::Object").values("arn:aws:s3:::reports/").build())
                .build();
        var put = cloudTrail.putEventSelectors(r -> r.trailName("selective").eventSelectors(writesAndReports));
        assertThat(put.trailARN()).endsWith(":trail/selective");
        var got = cloudTrail.getEventSelectors(r -> r.trailName("selective"));
        assertThat(got.eventSelectors()).containsExactly(put.eventSelectors().getFirst());
        assertThat(got.eventSelectors().getFirst().readWriteType()).isEqualTo(ReadWriteType.WRITE_ONLY);
        assertThat(got.eventSelectors().getFirst().dataResources().getFirst().values())
                .containsExactly("arn:aws:s3:::reports/");
        assertThat(cloudTrail.getTrail(r -> r.name("selective")).trail().hasCustomEventSelectors()).isTrue();
        assertAwsError(() -> cloudTrail.putEventSelectors(r -> r.trailName("selective").advancedEventSelectors(
                a -> a.fieldSelectors(f -> f.field("eventCategory").equalsValue("Management")))),
                "InvalidEventSelectorsException", 400);
        cloudTrail.deleteTrail(r -> r.name("selective"));
    }

    @Test
    void lookupEventsFindsTheRecordsOfIamCalls(CloudTrailClient cloudTrail, IamClient iam) {
        iam.createUser(r -> r.userName("looked-up-1"));
        iam.createUser(r -> r.userName("looked-up-2"));
        iam.createUser(r -> r.userName("looked-up-3"));

        List<Event> created = lookup(cloudTrail, LookupAttributeKey.EVENT_NAME, "CreateUser");
        assertThat(created).extracting(Event::cloudTrailEvent)
                .anySatisfy(json -> assertThat(json).contains("looked-up-1"))
                .anySatisfy(json -> assertThat(json).contains("looked-up-3"));
        Event newest = created.getFirst();
        assertThat(newest.eventSource()).isEqualTo("iam.amazonaws.com");
        assertThat(newest.readOnly()).isEqualTo("false");
        assertThat(newest.eventId()).isNotBlank();
        assertThat(newest.eventTime()).isNotNull();

        // paged with MaxResults 1, the SDK's paginator follows the NextToken of each page
        List<Event> paged = cloudTrail.lookupEventsPaginator(LookupEventsRequest.builder().maxResults(1)
                .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("CreateUser"))
                .build()).events().stream().toList();
        assertThat(paged).extracting(Event::eventId).containsSubsequence(created.stream().map(Event::eventId).toList());
        assertThat(lookup(cloudTrail, LookupAttributeKey.EVENT_ID, newest.eventId())).extracting(Event::eventId)
                .containsExactly(newest.eventId());
    }

    @Test
    void theBaselineGuardrailKeepsAMemberAccountsTrailLogging(OrganizationsClient organizations, StsClient sts,
                                                              StrongroomTestServer server) {
        String member = organizations.createAccount(r -> r.email("trails@example.com").accountName("trails"))
                .createAccountStatus().accountId();
        assertThat(organizations.describeAccount(r -> r.accountId(member)).account().id()).isEqualTo(member);
        BaselineGuardrails.Guardrail protect = BaselineGuardrails.all().stream()
                .filter(g -> g.name().equals("ProtectAuditTrail")).findFirst().orElseThrow();
        String policyId = organizations.createPolicy(r -> r.name(protect.name()).description(protect.description())
                .type(PolicyType.SERVICE_CONTROL_POLICY).content(protect.document())).policy().policySummary().id();
        organizations.attachPolicy(r -> r.policyId(policyId).targetId(member));

        Credentials credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + member
                + ":role/OrganizationAccountAccessRole").roleSessionName("platform")).credentials();
        CloudTrailClient memberTrails = server.clientsFor(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken()).cloudTrail();
        memberTrails.createTrail(r -> r.name("team").s3BucketName("team-audit"));
        memberTrails.startLogging(r -> r.name("team"));

        var denied = assertAwsError(() -> memberTrails.stopLogging(r -> r.name("team")), "AccessDeniedException", 400);
        assertThat(denied.awsErrorDetails().errorMessage()).contains("cloudtrail:StopLogging")
                .contains("explicit deny in a service control policy");
        assertAwsError(() -> memberTrails.deleteTrail(r -> r.name("team")), "AccessDeniedException", 400);
        assertAwsError(() -> memberTrails.putEventSelectors(r -> r.trailName("team").eventSelectors(
                EventSelector.builder().readWriteType(ReadWriteType.READ_ONLY).build())), "AccessDeniedException", 400);
        assertThat(memberTrails.getTrailStatus(r -> r.name("team")).isLogging()).isTrue();
        // the member sees the organization's trail beside its own, and cannot stop it either
        assertThat(memberTrails.describeTrails().trailList()).extracting(Trail::name)
                .contains("team", DEFAULT_TRAIL);
        assertAwsError(() -> memberTrails.stopLogging(r -> r.name("arn:aws:cloudtrail:us-east-1:" + management
                + ":trail/" + DEFAULT_TRAIL)), "AccessDeniedException", 400);
        assertThat(organizations.listCreateAccountStatus(r -> r.states(CreateAccountState.SUCCEEDED))
                .createAccountStatuses()).isNotEmpty();
    }

    private static List<Event> lookup(CloudTrailClient cloudTrail, LookupAttributeKey key, String value) {
        return cloudTrail.lookupEvents(r -> r.lookupAttributes(a -> a.attributeKey(key).attributeValue(value)))
                .events();
    }
}
