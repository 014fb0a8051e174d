package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.UserIdentity.SessionAttributes;
import io.strongroom.audit.UserIdentity.SessionContext;
import io.strongroom.audit.UserIdentity.SessionIssuer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventTest {
    static final Instant T = Instant.parse("2025-03-04T05:06:07.891Z");

    /** An assumed-role call over TLS with every field set. */
    static AuditEvent fullEvent() {
        return AuditEvent.builder()
                .userIdentity(new UserIdentity("AssumedRole", "AROAEXAMPLEID:analyst-session",
                        "arn:aws:sts::111122223333:assumed-role/Analyst/analyst-session", "111122223333",
                        "ASIAEXAMPLEKEY", null,
                        new SessionContext(new SessionAttributes(Instant.parse("2025-03-04T05:00:00Z"), true),
                                new SessionIssuer("Role", "AROAEXAMPLEID", "arn:aws:iam::111122223333:role/Analyst",
                                        "111122223333", "Analyst")),
                        null))
                .eventTime(T)
                .eventSource("s3.amazonaws.com")
                .eventName("GetObject")
                .awsRegion("us-east-1")
                .sourceIPAddress("10.1.2.3")
                .userAgent("aws-cli/2.15.0")
                .requestParameters(Map.of("bucketName", "reports", "key", "q1.csv"))
                .responseElements(null)
                .additionalEventData(Map.of("SignatureVersion", "SigV4", "bytesTransferredOut", 1024))
                .requestId("REQ123")
                .eventId("6f1c1c7e-0000-4000-8000-000000000001")
                .readOnly(true)
                .resource(new AuditResource("arn:aws:s3:::reports/q1.csv", null, "AWS::S3::Object"))
                .resource(new AuditResource("arn:aws:s3:::reports", "111122223333", "AWS::S3::Bucket"))
                .eventCategory(EventCategory.DATA)
                .recipientAccountId("111122223333")
                .tlsDetails(new TlsDetails("TLSv1.3", "TLS_AES_128_GCM_SHA256", "s3.strongroom.internal"))
                .build();
    }

    @Test
    void writesTheCloudTrailRecordShapeCanonically() {
        assertThat(fullEvent().toCanonicalJson()).isEqualTo("{"
                + "\"additionalEventData\":{\"SignatureVersion\":\"SigV4\",\"bytesTransferredOut\":1024},"
                + "\"awsRegion\":\"us-east-1\","
                + "\"eventCategory\":\"Data\","
                + "\"eventID\":\"6f1c1c7e-0000-4000-8000-000000000001\","
                + "\"eventName\":\"GetObject\","
                + "\"eventSource\":\"s3.amazonaws.com\","
                + "\"eventTime\":\"2025-03-04T05:06:07Z\","
                + "\"eventType\":\"AwsApiCall\","
                + "\"eventVersion\":\"1.09\","
                + "\"managementEvent\":false,"
                + "\"readOnly\":true,"
                + "\"recipientAccountId\":\"111122223333\","
                + "\"requestID\":\"REQ123\","
                + "\"requestParameters\":{\"bucketName\":\"reports\",\"key\":\"q1.csv\"},"
                + "\"resources\":[{\"ARN\":\"arn:aws:s3:::reports/q1.csv\",\"type\":\"AWS::S3::Object\"},"
                + "{\"ARN\":\"arn:aws:s3:::reports\",\"accountId\":\"111122223333\",\"type\":\"AWS::S3::Bucket\"}],"
                + "\"responseElements\":null,"
                + "\"sourceIPAddress\":\"10.1.2.3\","
                + "\"tlsDetails\":{\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\","
                + "\"clientProvidedHostHeader\":\"s3.strongroom.internal\",\"tlsVersion\":\"TLSv1.3\"},"
                + "\"userAgent\":\"aws-cli/2.15.0\","
                + "\"userIdentity\":{\"accessKeyId\":\"ASIAEXAMPLEKEY\",\"accountId\":\"111122223333\","
                + "\"arn\":\"arn:aws:sts::111122223333:assumed-role/Analyst/analyst-session\","
                + "\"principalId\":\"AROAEXAMPLEID:analyst-session\","
                + "\"sessionContext\":{\"attributes\":{\"creationDate\":\"2025-03-04T05:00:00Z\","
                + "\"mfaAuthenticated\":\"true\"},"
                + "\"sessionIssuer\":{\"accountId\":\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:role/Analyst\","
                + "\"principalId\":\"AROAEXAMPLEID\",\"type\":\"Role\",\"userName\":\"Analyst\"}},"
                + "\"type\":\"AssumedRole\"}"
                + "}");
    }

    @Test
    void aFailedAuthenticationRecordCarriesTheClaimedAccessKeyAndTheError() {
        AuditEvent event = AuditEvent.builder()
                .userIdentity(UserIdentity.unauthenticated("AKIAFORGEDKEY0000000", "111122223333"))
                .eventTime(T).eventSource("iam.amazonaws.com").eventName("ListUsers").awsRegion("us-east-1")
                .sourceIPAddress("203.0.113.9").requestId("REQ9").eventId("e-9").readOnly(true)
                .error("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.")
                .recipientAccountId("111122223333")
                .build();

        Map<String, Object> json = asTree(event);
        assertThat(json.get("userIdentity")).isEqualTo(Map.of("type", "Unknown", "accountId", "111122223333",
                "accessKeyId", "AKIAFORGEDKEY0000000"));
        assertThat(json).containsEntry("errorCode", "SignatureDoesNotMatch")
                .containsEntry("errorMessage",
                        "The request signature we calculated does not match the signature you provided.")
                .containsEntry("requestParameters", null).containsEntry("responseElements", null)
                .containsEntry("managementEvent", true).containsEntry("eventCategory", "Management")
                .doesNotContainKeys("resources", "tlsDetails", "additionalEventData", "userAgent");
        assertThat(event.userIdentity().lookupUsername()).isNull();
    }

    @Test
    void aSuccessfulCallHasNoErrorMembers() {
        assertThat(asTree(fullEvent())).doesNotContainKeys("errorCode", "errorMessage");
    }

    @Test
    void anErrorMessageNeedsAnErrorCode() {
        assertThatThrownBy(() -> AuditEvent.builder().userIdentity(UserIdentity.unauthenticated("AKIA", null))
                .eventTime(T).eventSource("iam.amazonaws.com").eventName("ListUsers").awsRegion("us-east-1")
                .sourceIPAddress("1.2.3.4").requestId("r").recipientAccountId("111122223333")
                .error(null, "message").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsEventTimeToWholeSeconds() {
        assertThat(fullEvent().eventTime()).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
        assertThat(AuditEvent.formatTime(Instant.parse("2025-03-04T05:06:07.999Z"))).isEqualTo("2025-03-04T05:06:07Z");
    }

    @Test
    void freezesPayloadsAndTurnsSmallIntegersIntoLongs() {
        Map<String, Object> parameters = new HashMap<>();
        List<Object> items = new ArrayList<>(List.of(1, "a"));
        parameters.put("items", items);
        parameters.put("count", 3);
        AuditEvent event = builder().requestParameters(parameters).build();
        items.add("changed later");
        parameters.put("added", true);

        assertThat(event.requestParameters()).isEqualTo(Map.of("items", List.of(1L, "a"), "count", 3L));
        assertThatThrownBy(() -> event.requestParameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesPayloadValuesOutsideTheModel() {
        assertThatThrownBy(() -> builder().requestParameters(Map.of("ratio", 0.5)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Double");
        assertThatThrownBy(() -> builder().responseElements(Map.of("when", Instant.EPOCH)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().requestParameters(Map.of("huge", Long.MAX_VALUE)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^53");
    }

    @Test
    void generatesATimeOrderedEventIdWhenNoneIsGiven() {
        AuditEvent a = builder().build();
        AuditEvent b = builder().build();
        assertThat(a.eventId()).hasSize(36).isNotEqualTo(b.eventId());
        assertThat(java.util.UUID.fromString(a.eventId()).version()).isEqualTo(7);
    }

    @Test
    void lookupUsernameFollowsTheIdentityType() {
        assertThat(UserIdentity.iamUser("AIDA1", "arn:aws:iam::111122223333:user/alice", "111122223333", "AKIA1",
                "alice").lookupUsername()).isEqualTo("alice");
        assertThat(fullEvent().userIdentity().lookupUsername()).isEqualTo("analyst-session");
        assertThat(new UserIdentity("Root", "111122223333", "arn:aws:iam::111122223333:root", "111122223333",
                "AKIAROOT", null, null, null).lookupUsername()).isEqualTo("root");
        assertThat(new UserIdentity("AWSService", null, null, null, null, null, null, "s3.amazonaws.com")
                .lookupUsername()).isNull();
    }

    @Test
    void writesTheInvokedByOfAServiceCall() {
        AuditEvent event = builder().userIdentity(new UserIdentity("AWSService", null, null, null, null, null, null,
                "s3.amazonaws.com")).build();
        assertThat(asTree(event).get("userIdentity"))
                .isEqualTo(Map.of("type", "AWSService", "invokedBy", "s3.amazonaws.com"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asTree(AuditEvent event) {
        return (Map<String, Object>) CanonicalJson.parseCanonical(event.toCanonicalJson());
    }

    static AuditEvent.Builder builder() {
        return AuditEvent.builder()
                .userIdentity(UserIdentity.iamUser("AIDAEXAMPLE", "arn:aws:iam::111122223333:user/alice",
                        "111122223333", "AKIAIOSFODNN7EXAMPLE", "alice"))
                .eventTime(T).eventSource("iam.amazonaws.com").eventName("CreateUser").awsRegion("us-east-1")
                .sourceIPAddress("127.0.0.1").userAgent("test").requestId("REQ")
                .recipientAccountId("111122223333");
    }
}
