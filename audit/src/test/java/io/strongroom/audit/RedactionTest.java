package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.RedactionRule.Section;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private static final String HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";
    private final Redaction redaction = Redaction.withDefaults();

    @Test
    void thePlaceholderIsCloudTrailsWording() {
        assertThat(Redaction.PLACEHOLDER).isEqualTo(HIDDEN);
    }

    // ---- one test per default field

    @Test
    void hidesTheSecretAccessKeyOfCreateAccessKey() {
        AuditEvent event = redaction.apply(event("iam.amazonaws.com", "CreateAccessKey", Map.of("userName", "bob"),
                Map.of("accessKey", Map.of("accessKeyId", "AKIANEW", "secretAccessKey", "wJalrXUtnFEMI/K7MDENG",
                        "status", "Active", "userName", "bob"))));
        assertThat(event.responseElements()).isEqualTo(Map.of("accessKey", Map.of("accessKeyId", "AKIANEW",
                "secretAccessKey", HIDDEN, "status", "Active", "userName", "bob")));
        assertThat(event.toCanonicalJson()).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void hidesTheSessionTokenAndSecretOfStsCredentials() {
        AuditEvent event = redaction.apply(event("sts.amazonaws.com", "AssumeRole",
                Map.of("roleArn", "arn:aws:iam::111122223333:role/Analyst", "roleSessionName", "s"),
                Map.of("credentials", Map.of("accessKeyId", "ASIATEMP", "secretAccessKey", "tempSecret",
                        "sessionToken", "FwoGZXIvYXdzEJr", "expiration", "2025-03-04T06:06:07Z"))));
        Map<?, ?> credentials = (Map<?, ?>) event.responseElements().get("credentials");
        assertThat(credentials.get("sessionToken")).isEqualTo(HIDDEN);
        assertThat(credentials.get("secretAccessKey")).isEqualTo(HIDDEN);
        assertThat(credentials.get("accessKeyId")).isEqualTo("ASIATEMP");
        assertThat(credentials.get("expiration")).isEqualTo("2025-03-04T06:06:07Z");
    }

    @Test
    void hidesTheSessionTokenOfGetSessionToken() {
        AuditEvent event = redaction.apply(event("sts.amazonaws.com", "GetSessionToken", null,
                Map.of("credentials", Map.of("sessionToken", "token"))));
        assertThat(event.responseElements()).isEqualTo(Map.of("credentials", Map.of("sessionToken", HIDDEN)));
    }

    @Test
    void hidesThePasswordOfALoginProfile() {
        AuditEvent event = redaction.apply(event("iam.amazonaws.com", "CreateLoginProfile",
                Map.of("userName", "bob", "password", "Hunter2!", "passwordResetRequired", true), null));
        assertThat(event.requestParameters()).isEqualTo(Map.of("userName", "bob", "password", HIDDEN,
                "passwordResetRequired", true));
    }

    @Test
    void hidesTheOldAndNewPasswordOfChangePassword() {
        AuditEvent event = redaction.apply(event("iam.amazonaws.com", "ChangePassword",
                Map.of("oldPassword", "old-secret", "newPassword", "new-secret"), null));
        assertThat(event.requestParameters()).isEqualTo(Map.of("oldPassword", HIDDEN, "newPassword", HIDDEN));
    }

    @Test
    void hidesThePrivateKeyOfAServerCertificate() {
        AuditEvent event = redaction.apply(event("iam.amazonaws.com", "UploadServerCertificate",
                Map.of("serverCertificateName", "web", "privateKey", "-----BEGIN PRIVATE KEY-----"), null));
        assertThat(event.requestParameters()).containsEntry("privateKey", HIDDEN)
                .containsEntry("serverCertificateName", "web");
    }

    @Test
    void hidesTheKmsEncryptPlaintext() {
        AuditEvent event = redaction.apply(event("kms.amazonaws.com", "Encrypt",
                Map.of("keyId", "alias/data", "plaintext", "c2VjcmV0"), null));
        assertThat(event.requestParameters()).isEqualTo(Map.of("keyId", "alias/data", "plaintext", HIDDEN));
    }

    @Test
    void hidesTheKmsDecryptPlaintextWhateverItsCasing() {
        AuditEvent event = redaction.apply(event("kms.amazonaws.com", "Decrypt", Map.of("keyId", "k1"),
                Map.of("KeyId", "arn:aws:kms:us-east-1:111122223333:key/k1", "Plaintext", "c2VjcmV0")));
        assertThat(event.responseElements()).containsEntry("Plaintext", HIDDEN)
                .containsEntry("KeyId", "arn:aws:kms:us-east-1:111122223333:key/k1");
    }

    @Test
    void hidesTheDataKeyPlaintextOfGenerateDataKey() {
        AuditEvent event = redaction.apply(event("kms.amazonaws.com", "GenerateDataKey", Map.of("keySpec", "AES_256"),
                Map.of("plaintext", "ZGF0YWtleQ==", "ciphertextBlob", "AQIDAHh", "keyId", "k1")));
        assertThat(event.responseElements()).isEqualTo(Map.of("plaintext", HIDDEN, "ciphertextBlob", "AQIDAHh",
                "keyId", "k1"));
    }

    @Test
    void hidesThePrivateKeyPlaintextOfGenerateDataKeyPair() {
        AuditEvent event = redaction.apply(event("kms.amazonaws.com", "GenerateDataKeyPair", null,
                Map.of("privateKeyPlaintext", "MIIEvQ", "privateKeyCiphertextBlob", "AQID", "publicKey", "MIIBIj")));
        assertThat(event.responseElements()).isEqualTo(Map.of("privateKeyPlaintext", HIDDEN,
                "privateKeyCiphertextBlob", "AQID", "publicKey", "MIIBIj"));
    }

    @Test
    void hidesTheRandomBytesOfGenerateRandom() {
        AuditEvent event = redaction.apply(event("kms.amazonaws.com", "GenerateRandom", Map.of("numberOfBytes", 32),
                Map.of("plaintext", "cmFuZG9t")));
        assertThat(event.responseElements()).isEqualTo(Map.of("plaintext", HIDDEN));
    }

    // ---- how rules apply

    @Test
    void hidesAMatchedSubtreeWholeAndInsideLists() {
        AuditEvent event = redaction.apply(event("iam.amazonaws.com", "Batch",
                Map.of("users", List.of(Map.of("name", "a", "password", Map.of("value", "p1")),
                        Map.of("name", "b", "password", List.of("p2", "p3"))))
                , null));
        assertThat(event.requestParameters()).isEqualTo(Map.of("users", List.of(
                Map.of("name", "a", "password", HIDDEN), Map.of("name", "b", "password", HIDDEN))));
    }

    @Test
    void leavesANullSecretNullAndKeepsTheMember() {
        AuditEvent event = redaction.apply(event("iam.amazonaws.com", "CreateLoginProfile",
                nullable("password", null), null));
        assertThat(event.requestParameters()).containsEntry("password", null);
    }

    @Test
    void returnsTheSameEventWhenNothingIsSecret() {
        AuditEvent event = event("iam.amazonaws.com", "CreateUser", Map.of("userName", "bob", "tags", List.of()),
                Map.of("user", Map.of("userName", "bob")));
        assertThat(redaction.apply(event)).isSameAs(event);
    }

    @Test
    void aPathRuleHidesOnlyThatMemberOfThatOperationAndSection() {
        Redaction withPath = Redaction.withDefaults()
                .register(RedactionRule.at("sns.amazonaws.com", "Publish", Section.REQUEST_PARAMETERS, "message"))
                .register(RedactionRule.at("ssm.amazonaws.com", "SendCommand", Section.REQUEST_PARAMETERS,
                        "parameters.commands"));

        AuditEvent publish = withPath.apply(event("sns.amazonaws.com", "Publish",
                Map.of("topicArn", "arn:aws:sns:us-east-1:111122223333:t", "message", "account 123 balance",
                        "nested", Map.of("message", "stays")),
                Map.of("message", "response section stays")));
        assertThat(publish.requestParameters()).isEqualTo(Map.of("topicArn", "arn:aws:sns:us-east-1:111122223333:t",
                "message", HIDDEN, "nested", Map.of("message", "stays")));
        assertThat(publish.responseElements()).isEqualTo(Map.of("message", "response section stays"));

        AuditEvent otherOperation = withPath.apply(event("sns.amazonaws.com", "CreateTopic",
                Map.of("message", "not a secret here"), null));
        assertThat(otherOperation.requestParameters()).containsEntry("message", "not a secret here");

        AuditEvent command = withPath.apply(event("ssm.amazonaws.com", "SendCommand",
                Map.of("documentName", "AWS-RunShellScript",
                        "parameters", List.of(Map.of("commands", List.of("echo $DB_PASSWORD"), "workingDirectory", "/"))),
                null));
        assertThat(command.requestParameters()).isEqualTo(Map.of("documentName", "AWS-RunShellScript",
                "parameters", List.of(Map.of("commands", HIDDEN, "workingDirectory", "/"))));
    }

    @Test
    void aPathRuleForAdditionalEventDataAppliesThere() {
        Redaction withPath = new Redaction().register(RedactionRule.at("s3.amazonaws.com", "PutObject",
                Section.ADDITIONAL_EVENT_DATA, "x-amz-server-side-encryption-customer-key"));
        AuditEvent event = AuditEventTest.builder().eventSource("s3.amazonaws.com").eventName("PutObject")
                .additionalEventData(Map.of("x-amz-server-side-encryption-customer-key", "a2V5",
                        "SignatureVersion", "SigV4"))
                .build();
        assertThat(withPath.apply(event).additionalEventData()).isEqualTo(Map.of(
                "x-amz-server-side-encryption-customer-key", HIDDEN, "SignatureVersion", "SigV4"));
    }

    @Test
    void aRegisteredMemberNameAppliesEverywhere() {
        Redaction custom = new Redaction().register(RedactionRule.anywhere("SecretString"));
        AuditEvent event = custom.apply(event("secretsmanager.amazonaws.com", "PutSecretValue",
                Map.of("secretId", "db", "secretString", "pw"), Map.of("deep", List.of(Map.of("SECRETSTRING", "pw2")))));
        assertThat(event.requestParameters()).isEqualTo(Map.of("secretId", "db", "secretString", HIDDEN));
        assertThat(event.responseElements()).isEqualTo(Map.of("deep", List.of(Map.of("SECRETSTRING", HIDDEN))));
        assertThat(new Redaction().apply(event("x.amazonaws.com", "Y", Map.of("password", "p"), null))
                .requestParameters()).containsEntry("password", "p");
    }

    @Test
    void refusesMalformedRules() {
        assertThatThrownBy(() -> RedactionRule.anywhere("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedactionRule.at("s", "n", Section.REQUEST_PARAMETERS, "a..b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedactionRule.at("s", "n", Section.REQUEST_PARAMETERS, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultsCoverEveryListedMember() {
        for (String member : Redaction.DEFAULT_MEMBERS) {
            AuditEvent event = redaction.apply(event("any.amazonaws.com", "Any", Map.of(member, "secret"),
                    Map.of("wrapped", Map.of(member, "secret"))));
            assertThat(event.toCanonicalJson()).as(member).doesNotContain("\"secret\"");
        }
    }

    private static Map<String, Object> nullable(String key, Object value) {
        java.util.HashMap<String, Object> map = new java.util.HashMap<>();
        map.put(key, value);
        return map;
    }

    private static AuditEvent event(String source, String name, Map<String, ?> request, Map<String, ?> response) {
        return AuditEventTest.builder().eventSource(source).eventName(name)
                .requestParameters(request).responseElements(response).build();
    }
}
