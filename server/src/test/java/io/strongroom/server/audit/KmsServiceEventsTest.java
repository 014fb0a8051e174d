package io.strongroom.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.audit.AuditTrail;
import io.strongroom.audit.Redaction;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.kms.KeySpec;
import io.strongroom.kms.KeyState;
import io.strongroom.kms.KeyUsage;
import io.strongroom.kms.KmsKey;
import io.strongroom.kms.RotationSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The key service's scheduled rotations and deletions, as the records CloudTrail makes of them. */
class KmsServiceEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2027-03-01T10:15:30Z");
    private static final KmsKey KEY = new KmsKey("1234abcd-12ab-34cd-56ef-1234567890ab", "111122223333", "eu-central-1",
            "", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, KeyState.ENABLED, NOW.minusSeconds(86_400),
            Optional.empty(), Optional.empty(), "{}", RotationSettings.DISABLED, 2, Optional.of(NOW), 0, Map.of());

    private final InMemoryAuditRepository repository = new InMemoryAuditRepository();
    private final KmsServiceEvents events = new KmsServiceEvents(new AuditTrail(repository, Redaction.withDefaults()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anAutomaticRotationIsAServiceEventInTheKeysAccount() throws Exception {
        events.keyRotated(KEY);

        JsonNode record = onlyRecord();
        assertThat(record.get("eventType").asText()).isEqualTo("AwsServiceEvent");
        assertThat(record.get("eventName").asText()).isEqualTo("RotateKey");
        assertThat(record.get("eventSource").asText()).isEqualTo("kms.amazonaws.com");
        assertThat(record.get("userIdentity").get("type").asText()).isEqualTo("AWSService");
        assertThat(record.get("userIdentity").get("invokedBy").asText()).isEqualTo("kms.amazonaws.com");
        assertThat(record.get("userIdentity").get("accountId").asText()).isEqualTo("111122223333");
        assertThat(record.get("recipientAccountId").asText()).isEqualTo("111122223333");
        assertThat(record.get("awsRegion").asText()).isEqualTo("eu-central-1");
        assertThat(record.get("eventTime").asText()).isEqualTo("2027-03-01T10:15:30Z");
        assertThat(record.get("resources").get(0).get("ARN").asText()).isEqualTo(KEY.arn());
        assertThat(record.get("resources").get(0).get("type").asText()).isEqualTo("AWS::KMS::Key");
        assertThat(record.get("additionalEventData").get("rotationType").asText()).isEqualTo("AUTOMATIC");
    }

    @Test
    void aDeletionAtTheDeadlineIsAServiceEventNamingTheKey() throws Exception {
        events.keyDeleted(KEY.withState(KeyState.DESTROYED));

        JsonNode record = onlyRecord();
        assertThat(record.get("eventType").asText()).isEqualTo("AwsServiceEvent");
        assertThat(record.get("eventName").asText()).isEqualTo("DeleteKey");
        assertThat(record.get("additionalEventData").get("keyId").asText()).isEqualTo(KEY.arn());
        assertThat(record.get("readOnly").asBoolean()).isFalse();
    }

    private JsonNode onlyRecord() throws Exception {
        List<StoredAuditRecord> records = repository.readRange(1, Long.MAX_VALUE, 10);
        assertThat(records).hasSize(1);
        return JSON.readTree(records.getFirst().eventJson());
    }
}
