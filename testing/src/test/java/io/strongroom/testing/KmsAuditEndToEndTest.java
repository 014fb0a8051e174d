package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static io.strongroom.testing.KmsTestKeys.symmetricKey;
import static io.strongroom.testing.KmsTestKeys.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * What the audit trail shows of KMS calls, read back through CloudTrail LookupEvents: every call a
 * record naming the key's ARN and the encryption context; never a plaintext nor a data key; the
 * cryptographic calls marked read-only; and the refused use of a key pending deletion recorded with
 * the error its caller got.
 */
@ExtendWith(StrongroomExtension.class)
class KmsAuditEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cryptographicCallsAreRecordedWithTheKeyAndContextButNoSecret(KmsClient kms, CloudTrailClient cloudTrail)
            throws Exception {
        String key = symmetricKey(kms);
        Map<String, String> context = Map.of("dataset", "audit-probe-" + System.nanoTime());
        String secret = "the plaintext that must not be recorded";
        byte[] ciphertext = kms.encrypt(r -> r.keyId(key).plaintext(utf8(secret)).encryptionContext(context))
                .ciphertextBlob().asByteArray();
        GenerateDataKeyResponse dataKey = kms.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)
                .encryptionContext(context));
        kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(ciphertext)).encryptionContext(context));

        List<JsonNode> records = recordsNaming(cloudTrail, key, context.get("dataset"));
        assertThat(records).extracting(r -> r.get("eventName").asText())
                .contains("Encrypt", "GenerateDataKey", "Decrypt");
        for (JsonNode record : records) {
            assertThat(record.get("eventSource").asText()).isEqualTo("kms.amazonaws.com");
            assertThat(record.get("readOnly").asBoolean()).isTrue();
            assertThat(record.get("requestParameters").get("encryptionContext").get("dataset").asText())
                    .isEqualTo(context.get("dataset"));
            String text = record.toString();
            assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes()))
                    .doesNotContain(secret)
                    .doesNotContain(Base64.getEncoder().encodeToString(dataKey.plaintext().asByteArray()))
                    .doesNotContain(Base64.getEncoder().encodeToString(ciphertext));
        }
        JsonNode decrypt = records.stream().filter(r -> r.get("eventName").asText().equals("Decrypt")).findFirst()
                .orElseThrow();
        // Decrypt named no key: the record still names the key used, and, a read, carries no answer
        assertThat(decrypt.get("requestParameters").has("keyId")).isFalse();
        assertThat(decrypt.get("resources")).anySatisfy(resource -> assertThat(resource.get("ARN").asText())
                .isEqualTo(key));
        assertThat(decrypt.get("responseElements").isNull()).isTrue();
        JsonNode encrypt = records.stream().filter(r -> r.get("eventName").asText().equals("Encrypt")).findFirst()
                .orElseThrow();
        assertThat(encrypt.get("resources").get(0).get("ARN").asText()).isEqualTo(key);
        assertThat(encrypt.get("resources").get(0).get("type").asText()).isEqualTo("AWS::KMS::Key");
    }

    @Test
    void aRefusedUseOfAKeyPendingDeletionIsRecordedWithItsError(KmsClient kms, CloudTrailClient cloudTrail)
            throws Exception {
        String key = symmetricKey(kms);
        kms.scheduleKeyDeletion(r -> r.keyId(key).pendingWindowInDays(7));
        String marker = "pending-" + System.nanoTime();
        assertAwsError(() -> kms.encrypt(r -> r.keyId(key).plaintext(utf8("x"))
                .encryptionContext(Map.of("dataset", marker))), "KMSInvalidStateException", 400);

        List<JsonNode> records = recordsNaming(cloudTrail, key, marker);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.get("eventName").asText()).isEqualTo("Encrypt");
            assertThat(record.get("errorCode").asText()).isEqualTo("KMSInvalidStateException");
        });
        assertThat(lookup(cloudTrail, LookupAttributeKey.EVENT_NAME, "ScheduleKeyDeletion"))
                .anySatisfy(record -> assertThat(record.get("requestParameters").get("keyId").asText()).isEqualTo(key));
    }

    /** The KMS records whose resources name the key and whose text carries the marker. */
    private static List<JsonNode> recordsNaming(CloudTrailClient cloudTrail, String keyArn, String marker)
            throws Exception {
        return lookup(cloudTrail, LookupAttributeKey.RESOURCE_NAME, keyArn).stream()
                .filter(record -> record.toString().contains(marker))
                .toList();
    }

    private static List<JsonNode> lookup(CloudTrailClient cloudTrail, LookupAttributeKey attribute, String value)
            throws Exception {
        List<Event> events = cloudTrail.lookupEvents(r -> r.maxResults(50)
                .lookupAttributes(a -> a.attributeKey(attribute).attributeValue(value))).events();
        List<JsonNode> records = new java.util.ArrayList<>();
        for (Event event : events) {
            records.add(JSON.readTree(event.cloudTrailEvent()));
        }
        return records;
    }
}
