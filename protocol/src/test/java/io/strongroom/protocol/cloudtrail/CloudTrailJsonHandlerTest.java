package io.strongroom.protocol.cloudtrail;

import static io.strongroom.protocol.cloudtrail.CloudTrailCalls.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.audit.AuditResource;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.testing.CloudTrailFixture;
import io.strongroom.audit.trails.CloudTrailService;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.support.BotocoreModel;
import io.strongroom.protocol.support.JsonRequests;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every CloudTrail operation through the handler against the real service, each answer checked
 * against the botocore model's output shape, and each kind of bad input with its exact error.
 */
class CloudTrailJsonHandlerTest {
    private static final Set<String> NOT_OPERATIONS = Set.of("ensureInitialised", "delivery", "exportFilter");

    private final CloudTrailCalls calls = new CloudTrailCalls();
    private final String defaultTrail = calls.fixture.defaultTrailArn();

    @Test
    void identifiesItself() {
        assertThat(calls.handler.signingName()).isEqualTo("cloudtrail");
        assertThat(calls.handler.operationName(JsonRequests.post(CloudTrailJsonHandler.TARGET_PREFIX
                + ".LookupEvents", "{}"))).isEqualTo("LookupEvents");
        assertThat(calls.handler.operationName(JsonRequests.post("CloudTrail_20131101.LookupEvents", "{}")))
                .isEqualTo("Unknown");
    }

    @Test
    void mapsEveryOperationTheServiceOffersAndOnlyOperationsOfTheModel() {
        Set<String> offered = Arrays.stream(CloudTrailService.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .filter(name -> !NOT_OPERATIONS.contains(name))
                .map(name -> Character.toUpperCase(name.charAt(0)) + name.substring(1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(calls.handler.operations()).containsExactlyInAnyOrderElementsOf(offered).hasSize(12);
        CloudTrailCalls.model().ifPresent(model -> assertThat(calls.handler.operations())
                .allSatisfy(operation -> assertThat(model.hasOperation(operation)).as(operation).isTrue()));
        CloudTrailCalls.model().map(BotocoreModel::metadata).ifPresent(metadata -> {
            assertThat(metadata.path("targetPrefix").asText()).isEqualTo(CloudTrailJsonHandler.TARGET_PREFIX);
            assertThat(metadata.path("signingName").asText(metadata.path("endpointPrefix").asText()))
                    .isEqualTo(CloudTrailJsonHandler.SIGNING_NAME);
        });
    }

    @Test
    void everyTrailOperationAnswersItsOutputShape() {
        JsonNode described = calls.ok("DescribeTrails").path("trailList");
        assertThat(described).hasSize(1);
        JsonNode trail = described.get(0);
        assertThat(trail.path("Name").asText()).isEqualTo("strongroom-default");
        assertThat(trail.path("TrailARN").asText()).isEqualTo(defaultTrail);
        assertThat(trail.path("IsMultiRegionTrail").asBoolean()).isTrue();
        assertThat(trail.path("IsOrganizationTrail").asBoolean()).isTrue();
        assertThat(trail.path("HomeRegion").asText()).isEqualTo("us-east-1");
        assertThat(trail.has("S3BucketName")).isFalse();

        JsonNode created = calls.ok("CreateTrail", "Name", "exports", "S3BucketName", "audit-exports",
                "S3KeyPrefix", "team", "IsMultiRegionTrail", true, "EnableLogFileValidation", true, "TagsList", List.of());
        assertThat(created.path("TrailARN").asText()).isEqualTo("arn:aws:cloudtrail:us-east-1:"
                + calls.fixture.account + ":trail/exports");
        assertThat(created.path("S3BucketName").asText()).isEqualTo("audit-exports");
        assertThat(created.path("S3KeyPrefix").asText()).isEqualTo("team");
        assertThat(created.path("IncludeGlobalServiceEvents").asBoolean()).isTrue();
        assertThat(created.path("LogFileValidationEnabled").asBoolean()).isTrue();

        assertThat(calls.ok("GetTrail", "Name", "exports").path("Trail").path("S3KeyPrefix").asText())
                .isEqualTo("team");
        assertThat(calls.ok("DescribeTrails", "trailNameList", List.of("exports"), "includeShadowTrails", false)
                .path("trailList").findValuesAsText("Name")).containsExactly("exports");
        assertThat(calls.ok("ListTrails").path("Trails").findValuesAsText("Name"))
                .containsExactly("exports", "strongroom-default");
        JsonNode updated = calls.ok("UpdateTrail", "Name", "exports", "IncludeGlobalServiceEvents", false);
        assertThat(updated.path("IncludeGlobalServiceEvents").asBoolean()).isFalse();

        JsonNode stopped = calls.ok("GetTrailStatus", "Name", "exports");
        assertThat(stopped.path("IsLogging").asBoolean()).isFalse();
        assertThat(stopped.has("StartLoggingTime")).isFalse();
        calls.fixture.iam.clock.advance(Duration.ofMillis(1500));
        assertThat(calls.ok("StartLogging", "Name", "exports")).isEmpty();
        JsonNode logging = calls.ok("GetTrailStatus", "Name", "exports");
        assertThat(logging.path("IsLogging").asBoolean()).isTrue();
        // the fixture's clock stands at 2030-01-01T00:00:01.500Z
        assertThat(logging.path("StartLoggingTime").decimalValue()).isEqualByComparingTo("1893456001.5");
        assertThat(logging.path("TimeLoggingStarted").asText()).isEqualTo("2030-01-01T00:00:01Z");
        assertThat(calls.ok("StopLogging", "Name", "exports")).isEmpty();
        assertThat(calls.ok("GetTrailStatus", "Name", "exports").path("TimeLoggingStopped").asText())
                .isEqualTo("2030-01-01T00:00:01Z");

        JsonNode selectors = calls.ok("GetEventSelectors", "TrailName", "exports");
        assertThat(selectors.path("TrailARN").asText()).isEqualTo(created.path("TrailARN").asText());
        assertThat(selectors.path("EventSelectors").get(0).path("ReadWriteType").asText()).isEqualTo("All");
        assertThat(selectors.path("EventSelectors").get(0).path("IncludeManagementEvents").asBoolean()).isTrue();
        JsonNode put = calls.ok("PutEventSelectors", "TrailName", "exports", "EventSelectors", List.of(
                Map.of("ReadWriteType", "WriteOnly", "IncludeManagementEvents", true,
                        "DataResources", List.of(Map.of("Type", "AWS::S3::Object",
                                "Values", List.of("arn:aws:s3:::reports/"))),
                        "ExcludeManagementEventSources", List.of("kms.amazonaws.com"))));
        assertThat(put.path("EventSelectors")).isEqualTo(calls.ok("GetEventSelectors", "TrailName", "exports")
                .path("EventSelectors"));
        JsonNode selector = put.path("EventSelectors").get(0);
        assertThat(selector.path("ReadWriteType").asText()).isEqualTo("WriteOnly");
        assertThat(selector.path("DataResources").get(0).path("Values").get(0).asText())
                .isEqualTo("arn:aws:s3:::reports/");
        assertThat(selector.path("ExcludeManagementEventSources").get(0).asText()).isEqualTo("kms.amazonaws.com");
        assertThat(calls.ok("GetTrail", "Name", "exports").path("Trail").path("HasCustomEventSelectors").asBoolean())
                .isTrue();

        assertThat(calls.ok("DeleteTrail", "Name", created.path("TrailARN").asText())).isEmpty();
        assertError(calls.send("GetTrail", "Name", "exports"), "GetTrail", "TrailNotFoundException");
    }

    @Test
    void lookupEventsAnswersEventsAndPages() {
        CloudTrailFixture fixture = calls.fixture;
        String bob = "arn:aws:iam::" + fixture.account + ":user/bob";
        List<StoredAuditRecord> recorded = new ArrayList<>();
        for (String name : List.of("CreateUser", "ListUsers", "DeleteUser")) {
            recorded.add(fixture.record(fixture.admin, "iam.amazonaws.com", name, name.startsWith("List"),
                    new AuditResource(bob, fixture.account, "AWS::IAM::User")));
            fixture.iam.clock.advance(Duration.ofSeconds(1));
        }

        JsonNode byName = calls.ok("LookupEvents", "LookupAttributes", List.of(Map.of("AttributeKey", "EventName",
                "AttributeValue", "ListUsers")));
        assertThat(byName.has("NextToken")).isFalse();
        JsonNode event = byName.path("Events").get(0);
        StoredAuditRecord listUsers = recorded.get(1);
        assertThat(event.path("EventId").asText()).isEqualTo(listUsers.eventId());
        assertThat(event.path("EventName").asText()).isEqualTo("ListUsers");
        assertThat(event.path("ReadOnly").asText()).isEqualTo("true");
        assertThat(event.path("AccessKeyId").asText()).isEqualTo(fixture.admin.principal().accessKeyId());
        assertThat(event.path("EventTime").asLong()).isEqualTo(listUsers.eventTime().getEpochSecond());
        assertThat(event.path("EventSource").asText()).isEqualTo("iam.amazonaws.com");
        assertThat(event.path("Username").asText()).isEqualTo(listUsers.username());
        assertThat(event.path("Resources").get(0).path("ResourceType").asText()).isEqualTo("AWS::IAM::User");
        assertThat(event.path("Resources").get(0).path("ResourceName").asText()).isEqualTo(bob);
        assertThat(event.path("CloudTrailEvent").asText()).isEqualTo(listUsers.eventJson());

        JsonNode first = calls.ok("LookupEvents", "MaxResults", 2);
        assertThat(first.path("Events").findValuesAsText("EventName")).containsExactly("DeleteUser", "ListUsers");
        JsonNode second = calls.ok("LookupEvents", "MaxResults", 2, "NextToken", first.path("NextToken").asText());
        assertThat(second.path("Events").findValuesAsText("EventName")).containsExactly("CreateUser");
        assertThat(second.has("NextToken")).isFalse();

        long from = recorded.get(1).eventTime().getEpochSecond();
        assertThat(calls.ok("LookupEvents", "StartTime", from, "EndTime", from + 0.5).path("Events")
                .findValuesAsText("EventName")).containsExactly("ListUsers");
        assertThat(calls.ok("LookupEvents", "EventCategory", "insight").path("Events")).isEmpty();
    }

    @Test
    void badLookupInputGetsCloudTrailsErrors() {
        String lookup = "LookupEvents";
        assertError(calls.send(lookup, "LookupAttributes", List.of(Map.of("AttributeKey", "Nope",
                "AttributeValue", "x"))), lookup, "InvalidLookupAttributesException");
        assertError(calls.send(lookup, "LookupAttributes", List.of(Map.of("AttributeKey", "EventName"))), lookup,
                "InvalidLookupAttributesException");
        assertError(calls.send(lookup, "LookupAttributes", List.of(
                Map.of("AttributeKey", "EventName", "AttributeValue", "A"),
                Map.of("AttributeKey", "Username", "AttributeValue", "B"))), lookup,
                "InvalidLookupAttributesException");
        assertError(calls.send(lookup, "StartTime", 1_900_000_000, "EndTime", 1_800_000_000), lookup,
                "InvalidTimeRangeException");
        assertError(calls.send(lookup, "MaxResults", 51), lookup, "InvalidMaxResultsException");
        assertError(calls.send(lookup, "MaxResults", 0), lookup, "InvalidMaxResultsException");
        assertError(calls.send(lookup, "EventCategory", "Insight"), lookup, "InvalidEventCategoryException");
        assertError(calls.send(lookup, "NextToken", "bm90IGEgdG9rZW4"), lookup, "InvalidNextTokenException");
        assertThat(JsonRequests.body(calls.send(lookup, "MaxResults", "ten")).path("__type").asText())
                .isEqualTo("SerializationException");
    }

    @Test
    void badTrailInputGetsCloudTrailsErrors() {
        assertError(calls.send("GetTrail"), "GetTrail", "InvalidTrailNameException");
        assertError(calls.send("GetTrail", "Name", "a"), "GetTrail", "InvalidTrailNameException");
        assertError(calls.send("GetTrail", "Name", "arn:aws:cloudtrail:us-east-1:1:trail/x"), "GetTrail",
                "CloudTrailARNInvalidException");
        assertError(calls.send("StopLogging", "Name", "missing"), "StopLogging", "TrailNotFoundException");
        assertError(calls.send("DeleteTrail", "Name", "missing"), "DeleteTrail", "TrailNotFoundException");
        assertError(calls.send("CreateTrail", "Name", "strongroom-default", "S3BucketName", "audit-exports"),
                "CreateTrail", "TrailAlreadyExistsException");
        assertError(calls.send("CreateTrail", "Name", "exports"), "CreateTrail", "InvalidS3BucketNameException");
        assertError(calls.send("CreateTrail", "Name", "exports", "S3BucketName", "Audit_Exports"), "CreateTrail",
                "InvalidS3BucketNameException");
        JsonNode kms = assertError(calls.send("CreateTrail", "Name", "exports", "S3BucketName", "audit-exports",
                "KmsKeyId", "alias/audit"), "CreateTrail", "InvalidParameterException");
        assertThat(kms.path("Message").asText()).contains("KmsKeyId");
        assertError(calls.send("CreateTrail", "Name", "exports", "S3BucketName", "audit-exports",
                "TagsList", List.of(Map.of("Key", "team", "Value", "risk"))), "CreateTrail",
                "InvalidTagParameterException");
        assertError(calls.send("UpdateTrail", "Name", "strongroom-default", "CloudWatchLogsRoleArn",
                "arn:aws:iam::111122223333:role/logs"), "UpdateTrail", "InvalidParameterException");
        assertError(calls.send("PutEventSelectors", "TrailName", "strongroom-default", "AdvancedEventSelectors",
                List.of(Map.of("FieldSelectors", List.of(Map.of("Field", "eventCategory",
                        "Equals", List.of("Management")))))), "PutEventSelectors", "InvalidEventSelectorsException");
        assertError(calls.send("PutEventSelectors", "TrailName", "strongroom-default", "EventSelectors",
                List.of(Map.of("ReadWriteType", "Everything"))), "PutEventSelectors",
                "InvalidEventSelectorsException");
        assertError(calls.send("PutEventSelectors", "TrailName", "strongroom-default"), "PutEventSelectors",
                "InvalidEventSelectorsException");
        assertError(calls.send("ListTrails", "NextToken", "abc"), "ListTrails", "InvalidNextTokenException", false);
        // nothing above changed the default trail
        assertThat(calls.ok("GetEventSelectors", "TrailName", "strongroom-default").path("EventSelectors").get(0)
                .path("ReadWriteType").asText()).isEqualTo("All");
        assertThat(calls.ok("DescribeTrails").path("trailList")).hasSize(1);
    }

    @Test
    void aRefusedCallerGetsAccessDeniedException() {
        CallContext reader = calls.fixture.iam.newUser("reader");
        // a common error of every AWS service, which the model declares for some other operations only
        JsonNode denied = assertError(calls.sendAs(reader, "StopLogging", "Name", defaultTrail), "StopLogging",
                "AccessDeniedException", false);
        assertThat(denied.path("Message").asText()).contains("cloudtrail:StopLogging").contains(defaultTrail);
        assertError(calls.sendAs(reader, "LookupEvents", "MaxResults", 5), "LookupEvents", "AccessDeniedException",
                false);
        assertThat(calls.ok("GetTrailStatus", "Name", defaultTrail).path("IsLogging").asBoolean()).isTrue();
    }
}
