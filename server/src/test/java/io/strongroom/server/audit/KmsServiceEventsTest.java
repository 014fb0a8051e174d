package io.strongroom.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.audit.AuditTrail;
import io.strongroom.audit.Redaction;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
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

    @Test
    void aKeyUsedByS3ForACallerIsTheCallersKmsCallInvokedByS3() throws Exception {
        Principal analyst = new Principal(PrincipalType.IAM_USER, "111122223333",
                "arn:aws:iam::111122223333:user/analyst", "arn:aws:iam::111122223333:user/analyst",
                "AIDAEXAMPLEANALYST01", "analyst", "AKIAEXAMPLEANALYST01", Map.of(), Optional.empty());
        CallContext call = new CallContext("req-1", analyst, "10.0.0.7", "aws-sdk-java", true, "eu-central-1", NOW);
        events.usedViaService(call, "s3", "GenerateDataKey", KEY, Map.of("aws:s3:arn", "arn:aws:s3:::reports"));

        JsonNode record = onlyRecord();
        assertThat(record.get("eventType").asText()).isEqualTo("AwsApiCall");
        assertThat(record.get("eventSource").asText()).isEqualTo("kms.amazonaws.com");
        assertThat(record.get("eventName").asText()).isEqualTo("GenerateDataKey");
        assertThat(record.get("userIdentity").get("type").asText()).isEqualTo("IAMUser");
        assertThat(record.get("userIdentity").get("arn").asText()).isEqualTo(analyst.arn());
        assertThat(record.get("userIdentity").get("invokedBy").asText()).isEqualTo("s3.amazonaws.com");
        assertThat(record.get("sourceIPAddress").asText()).isEqualTo("s3.amazonaws.com");
        assertThat(record.get("requestParameters").get("keyId").asText()).isEqualTo(KEY.arn());
        assertThat(record.get("requestParameters").get("encryptionContext").get("aws:s3:arn").asText())
                .isEqualTo("arn:aws:s3:::reports");
        assertThat(record.get("readOnly").asBoolean()).isTrue();
        assertThat(record.get("resources").get(0).get("ARN").asText()).isEqualTo(KEY.arn());
    }

    private JsonNode onlyRecord() throws Exception {
        List<StoredAuditRecord> records = repository.readRange(1, Long.MAX_VALUE, 10);
        assertThat(records).hasSize(1);
        return JSON.readTree(records.getFirst().eventJson());
    }
}
