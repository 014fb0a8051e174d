package io.strongroom.audit.trails;

import static io.strongroom.audit.trails.CloudTrailCalls.assertError;
import static io.strongroom.audit.trails.CloudTrailCalls.byAttribute;
import static io.strongroom.audit.trails.CloudTrailCalls.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.audit.AuditResource;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.testing.CloudTrailFixture;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.testing.IamFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LookupEvents over the records the pipeline writes: filters, pages, tokens, account isolation, errors. */
class LookupEventsTest {
    private static final String IAM = "iam.amazonaws.com";

    private final CloudTrailFixture fixture = new CloudTrailFixture();
    private final CloudTrailService cloudTrail = fixture.cloudTrail;
    private CallContext alice;
    private StoredAuditRecord createBob;
    private StoredAuditRecord listUsers;
    private StoredAuditRecord getObject;
    private StoredAuditRecord aliceDeletes;

    @BeforeEach
    void someCalls() {
        alice = fixture.iam.newUser("alice");
        fixture.iam.allowUser("alice", "audit-reader", "cloudtrail:LookupEvents");
        String bob = "arn:aws:iam::" + fixture.account + ":user/bob";
        createBob = fixture.record(fixture.admin, IAM, "CreateUser", false,
                new AuditResource(bob, fixture.account, "AWS::IAM::User"));
        tick();
        listUsers = fixture.record(fixture.admin, IAM, "ListUsers", true);
        tick();
        getObject = fixture.record(fixture.admin, "s3.amazonaws.com", "GetObject", true, EventCategory.DATA,
                new AuditResource("arn:aws:s3:::reports/q1.csv", fixture.account, "AWS::S3::Object"));
        tick();
        aliceDeletes = fixture.record(alice, IAM, "DeleteUser", false,
                new AuditResource(bob, fixture.account, "AWS::IAM::User"));
        tick();
    }

    @Test
    void findsTheAccountsManagementEventsNewestFirst() {
        LookupEventsResult result = cloudTrail.lookupEvents(fixture.admin, LookupEventsRequest.all());
        assertThat(result.events()).containsExactly(aliceDeletes, listUsers, createBob);
        assertThat(result.nextToken()).isEmpty();
        assertThat(result.events().getFirst().eventJson()).contains("\"eventName\":\"DeleteUser\"");
        // data events go to the exports only, as in AWS
        assertThat(result.events()).doesNotContain(getObject);
    }

    @Test
    void filtersByEachLookupAttribute() {
        assertThat(lookup("EventName", "CreateUser")).containsExactly(createBob);
        assertThat(lookup("EventSource", IAM)).containsExactly(aliceDeletes, listUsers, createBob);
        assertThat(lookup("EventSource", "s3.amazonaws.com")).isEmpty();
        assertThat(lookup("ReadOnly", "true")).containsExactly(listUsers);
        assertThat(lookup("ReadOnly", "false")).containsExactly(aliceDeletes, createBob);
        assertThat(lookup("Username", "alice")).containsExactly(aliceDeletes);
        assertThat(lookup("AccessKeyId", alice.principal().accessKeyId())).containsExactly(aliceDeletes);
        assertThat(lookup("ResourceType", "AWS::IAM::User")).containsExactly(aliceDeletes, createBob);
        assertThat(lookup("ResourceName", "arn:aws:iam::" + fixture.account + ":user/bob"))
                .containsExactly(aliceDeletes, createBob);
        assertThat(lookup("EventId", listUsers.eventId())).containsExactly(listUsers);
        assertThat(lookup("EventName", "createuser")).as("values match exactly").isEmpty();
    }

    @Test
    void filtersByTimeRangeBothEndsIncluded() {
        LookupEventsRequest range = new LookupEventsRequest(List.of(), Optional.of(listUsers.eventTime()),
                Optional.of(aliceDeletes.eventTime()), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(cloudTrail.lookupEvents(fixture.admin, range).events()).containsExactly(aliceDeletes, listUsers);

        LookupEventsRequest instant = new LookupEventsRequest(List.of(), Optional.of(createBob.eventTime()),
                Optional.of(createBob.eventTime()), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(cloudTrail.lookupEvents(fixture.admin, instant).events()).containsExactly(createBob);
    }

    @Test
    void pagesThroughEverythingWithTokens() {
        for (int i = 0; i < 4; i++) {
            fixture.record(fixture.admin, IAM, "GetUser", true);
        }
        List<StoredAuditRecord> all = cloudTrail.lookupEvents(fixture.admin, LookupEventsRequest.all()).events();
        assertThat(all).hasSize(7);

        List<StoredAuditRecord> paged = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            // the page size may change between pages
            LookupEventsResult result = cloudTrail.lookupEvents(fixture.admin,
                    page(LookupEventsRequest.all(), pages == 0 ? 2 : 3, token));
            paged.addAll(result.events());
            token = result.nextToken();
            pages++;
        } while (token.isPresent());
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aTokenOnlyContinuesTheRequestThatIssuedIt() {
        LookupEventsRequest byName = byAttribute("EventSource", IAM);
        String token = cloudTrail.lookupEvents(fixture.admin, page(byName, 1, Optional.empty())).nextToken()
                .orElseThrow();
        assertThat(cloudTrail.lookupEvents(fixture.admin, page(byName, 1, Optional.of(token))).events())
                .containsExactly(listUsers);

        // another filter, another account, or an edited or made-up token
        assertError(() -> cloudTrail.lookupEvents(fixture.admin,
                page(byAttribute("EventSource", "s3.amazonaws.com"), 1, Optional.of(token))), "InvalidNextTokenException");
        assertError(() -> cloudTrail.lookupEvents(fixture.admin, page(LookupEventsRequest.all(), 1, Optional.of(token))),
                "InvalidNextTokenException");
        CallContext other = CloudTrailCalls.otherAccountRoot(fixture, "999988887777");
        assertError(() -> cloudTrail.lookupEvents(other, page(byName, 1, Optional.of(token))),
                "InvalidNextTokenException");
        for (int i = 0; i < token.length(); i++) {
            String edited = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertError(() -> cloudTrail.lookupEvents(fixture.admin, page(byName, 1, Optional.of(edited))),
                    "InvalidNextTokenException");
        }
        for (String made : List.of("", "x", "not a token!", token + "AA", token.substring(1))) {
            assertError(() -> cloudTrail.lookupEvents(fixture.admin, page(byName, 1, Optional.of(made))),
                    "InvalidNextTokenException");
        }
    }

    @Test
    void eachAccountSeesOnlyItsOwnRecords() {
        CallContext other = CloudTrailCalls.otherAccountRoot(fixture, "999988887777");
        StoredAuditRecord theirs = fixture.record(other, IAM, "CreateUser", false);

        assertThat(cloudTrail.lookupEvents(other, LookupEventsRequest.all()).events()).containsExactly(theirs);
        assertThat(cloudTrail.lookupEvents(fixture.admin, byAttribute("EventName", "CreateUser")).events())
                .containsExactly(createBob);
        assertThat(cloudTrail.lookupEvents(other, byAttribute("EventId", createBob.eventId())).events()).isEmpty();
    }

    @Test
    void refusesBadInputWithCloudTrailsErrors() {
        var two = new LookupEventsRequest(List.of(new LookupEventsRequest.LookupAttribute("EventName", "CreateUser"),
                new LookupEventsRequest.LookupAttribute("Username", "alice")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertError(() -> cloudTrail.lookupEvents(fixture.admin, two), "InvalidLookupAttributesException");
        assertError(() -> cloudTrail.lookupEvents(fixture.admin, byAttribute("EventNames", "CreateUser")),
                "InvalidLookupAttributesException");
        assertError(() -> cloudTrail.lookupEvents(fixture.admin, byAttribute("EventName", "")),
                "InvalidLookupAttributesException");
        assertError(() -> cloudTrail.lookupEvents(fixture.admin, byAttribute("EventName", "x".repeat(2001))),
                "InvalidLookupAttributesException");
        assertError(() -> cloudTrail.lookupEvents(fixture.admin, byAttribute("ReadOnly", "TRUE")),
                "InvalidLookupAttributesException");
        assertThat(cloudTrail.lookupEvents(fixture.admin, byAttribute("EventName", "x".repeat(2000))).events())
                .isEmpty();

        Instant now = fixture.iam.clock.instant();
        var backwards = new LookupEventsRequest(List.of(), Optional.of(now), Optional.of(now.minusMillis(1)),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertError(() -> cloudTrail.lookupEvents(fixture.admin, backwards), "InvalidTimeRangeException");

        for (int bad : new int[] {0, -1, 51}) {
            assertError(() -> cloudTrail.lookupEvents(fixture.admin, page(LookupEventsRequest.all(), bad,
                    Optional.empty())), "InvalidMaxResultsException");
        }
        assertThat(cloudTrail.lookupEvents(fixture.admin, page(LookupEventsRequest.all(), 50, Optional.empty()))
                .events()).hasSize(3);

        assertError(() -> cloudTrail.lookupEvents(fixture.admin, category("management")),
                "InvalidEventCategoryException");
        assertThat(cloudTrail.lookupEvents(fixture.admin, category("insight")).events())
                .as("no Insights events are recorded").isEmpty();
    }

    @Test
    void isAuthorisedAsCloudTrailLookupEvents() {
        CallContext carol = fixture.iam.newUser("carol");
        assertError(() -> cloudTrail.lookupEvents(carol, LookupEventsRequest.all()), "AccessDenied")
                .hasMessageContaining("cloudtrail:LookupEvents");
        // alice may: her policy allows exactly this action
        assertThat(cloudTrail.lookupEvents(alice, byAttribute("EventName", "CreateUser")).events())
                .containsExactly(createBob);
        fixture.iam.iam.putUserPolicy(fixture.admin, "alice", "no-lookup",
                IamFixture.deny("cloudtrail:LookupEvents", "*"));
        fixture.iam.expireCaches();
        assertError(() -> cloudTrail.lookupEvents(alice, LookupEventsRequest.all()), "AccessDenied");
    }

    private List<StoredAuditRecord> lookup(String key, String value) {
        return cloudTrail.lookupEvents(fixture.admin, byAttribute(key, value)).events();
    }

    private static LookupEventsRequest category(String category) {
        return new LookupEventsRequest(List.of(), Optional.empty(), Optional.empty(), Optional.of(category),
                Optional.empty(), Optional.empty());
    }

    private void tick() {
        fixture.iam.clock.advance(Duration.ofSeconds(1));
    }
}
