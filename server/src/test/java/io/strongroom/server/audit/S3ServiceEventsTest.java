package io.strongroom.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.audit.AuditTrail;
import io.strongroom.audit.Redaction;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.s3.Bucket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle scheduler's actions, as the records the audit trail makes of them. */
class S3ServiceEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2027-03-01T10:15:30Z");
    private static final Bucket BUCKET = new Bucket("training-data", "111122223333", "eu-central-1",
            NOW.minusSeconds(86_400), Bucket.Versioning.ENABLED, false);

    private final InMemoryAuditRepository repository = new InMemoryAuditRepository();
    private final S3ServiceEvents events = new S3ServiceEvents(new AuditTrail(repository, Redaction.withDefaults()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aLifecycleActionIsADataEventOfS3InTheBucketOwnersAccount() throws Exception {
        events.lifecycleAction(BUCKET, "tmp/a.csv", "v1", "S3.CREATE.DELETEMARKER");

        List<StoredAuditRecord> records = repository.readRange(1, Long.MAX_VALUE, 10);
        assertThat(records).hasSize(1);
        JsonNode record = JSON.readTree(records.getFirst().eventJson());
        assertThat(record.get("eventType").asText()).isEqualTo("AwsServiceEvent");
        assertThat(record.get("eventSource").asText()).isEqualTo("s3.amazonaws.com");
        assertThat(record.get("eventCategory").asText()).isEqualTo("Data");
        assertThat(record.get("userIdentity").get("invokedBy").asText()).isEqualTo("s3.amazonaws.com");
        assertThat(record.get("recipientAccountId").asText()).isEqualTo("111122223333");
        assertThat(record.get("awsRegion").asText()).isEqualTo("eu-central-1");
        assertThat(record.get("eventTime").asText()).isEqualTo("2027-03-01T10:15:30Z");
        assertThat(record.get("requestParameters").get("key").asText()).isEqualTo("tmp/a.csv");
        assertThat(record.get("requestParameters").get("versionId").asText()).isEqualTo("v1");
        assertThat(record.get("additionalEventData").get("lifecycleAction").asText())
                .isEqualTo("S3.CREATE.DELETEMARKER");
        assertThat(record.get("resources").toString()).contains("arn:aws:s3:::training-data/tmp/a.csv")
                .contains("AWS::S3::Bucket");
    }
}
