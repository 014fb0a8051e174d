package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.audit.JdbcAuditRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * What the audit trail shows of S3 calls, read from the store (LookupEvents, as in AWS, returns
 * management events only): object reads and writes as data events naming the object and its bucket,
 * bucket calls as management events, a refused read with the code its caller got, and never an
 * object's body.
 */
@ExtendWith(StrongroomExtension.class)
class S3AuditEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void objectCallsAreDataEventsAndBucketCallsManagementEvents(S3Client s3, CloudTrailClient cloudTrail,
                                                                StrongroomTestServer server) throws Exception {
        String body = "a body that must never be recorded " + System.nanoTime();
        s3.createBucket(r -> r.bucket("e2e-audited"));
        s3.putObject(r -> r.bucket("e2e-audited").key("reports/q3.csv"), RequestBody.fromString(body));
        s3.getObjectAsBytes(r -> r.bucket("e2e-audited").key("reports/q3.csv"));
        try {
            s3.getObject(r -> r.bucket("e2e-audited").key("reports/absent.csv"));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException expected) {
            // recorded below
        }

        List<JsonNode> objectRecords = stored(server, "arn:aws:s3:::e2e-audited/reports/q3.csv");
        assertThat(objectRecords).extracting(r -> r.get("eventName").asText()).contains("PutObject", "GetObject");
        for (JsonNode record : objectRecords) {
            assertThat(record.get("eventSource").asText()).isEqualTo("s3.amazonaws.com");
            assertThat(record.get("eventCategory").asText()).isEqualTo("Data");
            assertThat(record.get("requestParameters").get("bucketName").asText()).isEqualTo("e2e-audited");
            assertThat(record.get("requestParameters").get("key").asText()).isEqualTo("reports/q3.csv");
            assertThat(record.get("resources").toString()).contains("AWS::S3::Object").contains("AWS::S3::Bucket");
            assertThat(record.toString()).doesNotContain(body);
        }
        assertThat(objectRecords).filteredOn(r -> r.get("eventName").asText().equals("GetObject"))
                .allSatisfy(r -> assertThat(r.get("readOnly").asBoolean()).isTrue());
        assertThat(objectRecords).filteredOn(r -> r.get("eventName").asText().equals("PutObject"))
                .allSatisfy(r -> assertThat(r.get("readOnly").asBoolean()).isFalse());

        JsonNode refused = stored(server, "arn:aws:s3:::e2e-audited/reports/absent.csv").getFirst();
        assertThat(refused.get("errorCode").asText()).isEqualTo("NoSuchKey");

        JsonNode created = lookup(cloudTrail, "arn:aws:s3:::e2e-audited").stream()
                .filter(r -> r.get("eventName").asText().equals("CreateBucket")).findFirst().orElseThrow();
        assertThat(created.get("eventCategory").asText()).isEqualTo("Management");
        assertThat(created.get("readOnly").asBoolean()).isFalse();
        assertThat(lookup(cloudTrail, "arn:aws:s3:::e2e-audited/reports/q3.csv")).isEmpty();
    }

    @Test
    void objectLockConfigurationIsManagementAndRetentionAndLegalHoldAreData(S3Client s3, CloudTrailClient cloudTrail,
                                                                          StrongroomTestServer server) throws Exception {
        s3.createBucket(r -> r.bucket("e2e-audited-lock").objectLockEnabledForBucket(true));
        s3.putObjectLockConfiguration(r -> r.bucket("e2e-audited-lock").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)));
        s3.getObjectLockConfiguration(r -> r.bucket("e2e-audited-lock"));
        s3.putObject(r -> r.bucket("e2e-audited-lock").key("held"), RequestBody.fromString("held"));
        s3.putObjectLegalHold(r -> r.bucket("e2e-audited-lock").key("held")
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
        s3.getObjectLegalHold(r -> r.bucket("e2e-audited-lock").key("held"));
        s3.putObjectRetention(r -> r.bucket("e2e-audited-lock").key("held").retention(t -> t
                .mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(Instant.now().plusSeconds(3600))));
        s3.getObjectRetention(r -> r.bucket("e2e-audited-lock").key("held"));

        List<JsonNode> objectRecords = stored(server, "arn:aws:s3:::e2e-audited-lock/held");
        for (String name : List.of("PutObjectLegalHold", "GetObjectLegalHold", "PutObjectRetention",
                "GetObjectRetention")) {
            JsonNode record = objectRecords.stream().filter(r -> r.get("eventName").asText().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no record of " + name));
            assertThat(record.get("eventCategory").asText()).as(name).isEqualTo("Data");
            assertThat(record.get("readOnly").asBoolean()).as(name).isEqualTo(name.startsWith("Get"));
        }
        List<JsonNode> bucketRecords = lookup(cloudTrail, "arn:aws:s3:::e2e-audited-lock");
        for (String name : List.of("PutObjectLockConfiguration", "GetObjectLockConfiguration")) {
            JsonNode record = bucketRecords.stream().filter(r -> r.get("eventName").asText().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no record of " + name));
            assertThat(record.get("eventCategory").asText()).as(name).isEqualTo("Management");
            assertThat(record.get("readOnly").asBoolean()).as(name).isEqualTo(name.startsWith("Get"));
        }
    }

    /** Every stored record naming {@code arn} among its resources. */
    private static List<JsonNode> stored(StrongroomTestServer server, String arn) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        try (Database store = Database.openExisting(server.server().config().dbUrl())) {
            JdbcAuditRepository records = new JdbcAuditRepository(store.transactor(), store.vendor());
            for (StoredAuditRecord record : records.readRange(1, Long.MAX_VALUE, 100_000)) {
                JsonNode json = JSON.readTree(record.eventJson());
                if (json.path("resources").toString().contains("\"" + arn + "\"")) {
                    found.add(json);
                }
            }
        }
        return found;
    }

    private static List<JsonNode> lookup(CloudTrailClient cloudTrail, String resource) throws Exception {
        List<Event> events = cloudTrail.lookupEvents(r -> r.maxResults(50).lookupAttributes(a -> a
                .attributeKey(LookupAttributeKey.RESOURCE_NAME).attributeValue(resource))).events();
        List<JsonNode> records = new ArrayList<>();
        for (Event event : events) {
            records.add(JSON.readTree(event.cloudTrailEvent()));
        }
        return records;
    }
}
