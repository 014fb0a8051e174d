package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.audit.JdbcAuditRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * For each service and each failure class, one call through a real SDK client leaves
 * exactly one record, with the caller, the operation and the error code the client saw.
 */
@ExtendWith(StrongroomExtension.class)
class AuditRecordPerCallEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Database store;
    private static JdbcAuditRepository records;
    private static String account;
    private static String adminArn;
    private static TestUsers.Caller limited;
    private static Credentials session;

    @BeforeAll
    static void setUp(StrongroomTestServer server) {
        store = Database.openExisting(server.server().config().dbUrl());
        records = new JdbcAuditRepository(store.transactor(), store.vendor());
        var admin = server.sts().getCallerIdentity();
        account = admin.account();
        adminArn = admin.arn();
        limited = new TestUsers(server).create("audited-limited");
        server.iam().createRole(r -> r.roleName("audited-role").assumeRolePolicyDocument(Policies.trustAccount(account)));
        session = server.sts().assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/audited-role")
                .roleSessionName("investigator")).credentials();
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    /** One row of the table: a call, and what its one record must say. */
    private record Case(String description, Supplier<AwsResponse> call, String eventSource, String eventName,
                        String errorCode, String identityType, String identityArn, String accessKeyId) {
    }

    @Test
    void everyCallLeavesExactlyOneRecordWithItsIdentityNameAndError(StrongroomTestServer server) {
        AwsClients admin = server.adminClients();
        String adminKey = server.admin().accessKeyId();
        String limitedArn = "arn:aws:iam::" + account + ":user/audited-limited";
        String limitedKey = limited.key().accessKeyId();
        AwsClients wrongSecret = server.clientsFor(limitedKey, "x".repeat(40));
        AwsClients unknownKey = server.clientsFor("AKIAUNKNOWNUNKNOWN12", "x".repeat(40));
        AwsClients assumed = server.clientsFor(session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken());
        String sessionArn = "arn:aws:sts::" + account + ":assumed-role/audited-role/investigator";
        String iam = "iam.amazonaws.com";
        String sts = "sts.amazonaws.com";
        String orgs = "organizations.amazonaws.com";
        String trails = "cloudtrail.amazonaws.com";

        List<Case> cases = List.of(
                new Case("IAM change", () -> admin.iam().createUser(r -> r.userName("audited-1")),
                        iam, "CreateUser", null, "IAMUser", adminArn, adminKey),
                new Case("IAM conflict", () -> admin.iam().createUser(r -> r.userName("audited-1")),
                        iam, "CreateUser", "EntityAlreadyExists", "IAMUser", adminArn, adminKey),
                new Case("IAM not found", () -> admin.iam().getUser(r -> r.userName("nobody-here")),
                        iam, "GetUser", "NoSuchEntity", "IAMUser", adminArn, adminKey),
                new Case("IAM validation", () -> admin.iam().createUser(r -> r.userName("bad name!")),
                        iam, "CreateUser", "ValidationError", "IAMUser", adminArn, adminKey),
                new Case("IAM read", () -> admin.iam().listUsers(),
                        iam, "ListUsers", null, "IAMUser", adminArn, adminKey),
                new Case("IAM denied", () -> limited.iam().listUsers(),
                        iam, "ListUsers", "AccessDenied", "IAMUser", limitedArn, limitedKey),
                new Case("bad signature", () -> wrongSecret.iam().listUsers(),
                        iam, "ListUsers", "SignatureDoesNotMatch", "Unknown", null, limitedKey),
                new Case("unknown key", () -> unknownKey.sts().getCallerIdentity(),
                        sts, "GetCallerIdentity", "InvalidClientTokenId", "Unknown", null, "AKIAUNKNOWNUNKNOWN12"),
                new Case("STS read", () -> limited.clients().sts().getCallerIdentity(),
                        sts, "GetCallerIdentity", null, "IAMUser", limitedArn, limitedKey),
                new Case("STS denied", () -> limited.clients().sts().assumeRole(r -> r.roleSessionName("denied-session")
                        .roleArn("arn:aws:iam::" + account + ":role/audited-role")),
                        sts, "AssumeRole", "AccessDenied", "IAMUser", limitedArn, limitedKey),
                new Case("assumed role", () -> assumed.sts().getCallerIdentity(),
                        sts, "GetCallerIdentity", null, "AssumedRole", sessionArn, session.accessKeyId()),
                new Case("Organizations read", () -> admin.organizations().describeOrganization(),
                        orgs, "DescribeOrganization", null, "IAMUser", adminArn, adminKey),
                new Case("Organizations not found",
                        () -> admin.organizations().describeAccount(r -> r.accountId("000000000000")),
                        orgs, "DescribeAccount", "AccountNotFoundException", "IAMUser", adminArn, adminKey),
                new Case("Organizations denied", () -> limited.clients().organizations().listAccounts(),
                        orgs, "ListAccounts", "AccessDeniedException", "IAMUser", limitedArn, limitedKey),
                new Case("CloudTrail read", () -> admin.cloudTrail().lookupEvents(r -> r.maxResults(1)),
                        trails, "LookupEvents", null, "IAMUser", adminArn, adminKey),
                new Case("CloudTrail validation", () -> admin.cloudTrail().lookupEvents(r -> r.maxResults(500)),
                        trails, "LookupEvents", "InvalidMaxResultsException", "IAMUser", adminArn, adminKey),
                new Case("CloudTrail not found", () -> admin.cloudTrail().stopLogging(r -> r.name("no-such-trail")),
                        trails, "StopLogging", "TrailNotFoundException", "IAMUser", adminArn, adminKey),
                new Case("CloudTrail denied", () -> limited.clients().cloudTrail().lookupEvents(r -> r.maxResults(1)),
                        trails, "LookupEvents", "AccessDeniedException", "IAMUser", limitedArn, limitedKey));
        assertOneRecordEach(cases);
    }

    /** KMS's bad input: the exact error, exactly one record of it, and the key as it was. */
    @Test
    void everyKmsRefusalLeavesExactlyOneRecordWithItsError(StrongroomTestServer server) {
        AwsClients admin = server.adminClients();
        KmsClient kms = admin.kms();
        String adminKey = server.admin().accessKeyId();
        String limitedArn = "arn:aws:iam::" + account + ":user/audited-limited";
        String limitedKey = limited.key().accessKeyId();
        String source = "kms.amazonaws.com";
        String key = kms.createKey(r -> r.description("audited")).keyMetadata().arn();
        String other = kms.createKey(r -> r.description("audited other")).keyMetadata().arn();
        String disabled = kms.createKey(r -> r.description("audited disabled")).keyMetadata().arn();
        kms.disableKey(r -> r.keyId(disabled));
        String pending = kms.createKey(r -> r.description("audited pending")).keyMetadata().arn();
        kms.scheduleKeyDeletion(r -> r.keyId(pending).pendingWindowInDays(7));
        Map<String, String> context = Map.of("purpose", "audit");
        byte[] ciphertext = kms.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromUtf8String("secret"))
                .encryptionContext(context)).ciphertextBlob().asByteArray();
        byte[] tampered = ciphertext.clone();
        tampered[tampered.length - 1] ^= 1;

        List<Case> cases = List.of(
                new Case("KMS success", () -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                        .encryptionContext(context)), source, "Decrypt", null, "IAMUser", adminArn, adminKey),
                new Case("KMS tampered ciphertext", () -> kms.decrypt(r -> r.ciphertextBlob(
                        SdkBytes.fromByteArray(tampered)).encryptionContext(context)),
                        source, "Decrypt", "InvalidCiphertextException", "IAMUser", adminArn, adminKey),
                new Case("KMS wrong context", () -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                        .encryptionContext(Map.of("purpose", "other"))),
                        source, "Decrypt", "InvalidCiphertextException", "IAMUser", adminArn, adminKey),
                new Case("KMS missing context", () -> kms.decrypt(r -> r.ciphertextBlob(
                        SdkBytes.fromByteArray(ciphertext))),
                        source, "Decrypt", "InvalidCiphertextException", "IAMUser", adminArn, adminKey),
                new Case("KMS another key", () -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                        .encryptionContext(context).keyId(other)),
                        source, "Decrypt", "IncorrectKeyException", "IAMUser", adminArn, adminKey),
                new Case("KMS unknown alias", () -> kms.encrypt(r -> r.keyId("alias/no-such-alias")
                        .plaintext(SdkBytes.fromUtf8String("x"))),
                        source, "Encrypt", "NotFoundException", "IAMUser", adminArn, adminKey),
                new Case("KMS oversized plaintext", () -> kms.encrypt(r -> r.keyId(key)
                        .plaintext(SdkBytes.fromByteArray(new byte[4097]))),
                        source, "Encrypt", "ValidationException", "IAMUser", adminArn, adminKey),
                new Case("KMS disabled key", () -> kms.encrypt(r -> r.keyId(disabled)
                        .plaintext(SdkBytes.fromUtf8String("x"))),
                        source, "Encrypt", "DisabledException", "IAMUser", adminArn, adminKey),
                new Case("KMS key pending deletion", () -> kms.generateDataKey(r -> r.keyId(pending).numberOfBytes(32)),
                        source, "GenerateDataKey", "KMSInvalidStateException", "IAMUser", adminArn, adminKey),
                new Case("KMS invalid key spec", () -> kms.createKey(r -> r.keySpec("RSA_1024")),
                        source, "CreateKey", "ValidationException", "IAMUser", adminArn, adminKey),
                new Case("KMS grant token", () -> kms.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromUtf8String("x"))
                        .grantTokens("not-a-grant-token")),
                        source, "Encrypt", "InvalidGrantTokenException", "IAMUser", adminArn, adminKey),
                new Case("KMS denied", () -> limited.clients().kms().encrypt(r -> r.keyId(key)
                        .plaintext(SdkBytes.fromUtf8String("x"))),
                        source, "Encrypt", "AccessDeniedException", "IAMUser", limitedArn, limitedKey));
        int keysBefore = kms.listKeys(r -> r.limit(1000)).keys().size();
        assertOneRecordEach(cases);
        assertThat(kms.listKeys(r -> r.limit(1000)).keys()).hasSize(keysBefore);
        assertThat(kms.describeKey(r -> r.keyId(disabled)).keyMetadata().keyStateAsString()).isEqualTo("Disabled");
        assertThat(kms.describeKey(r -> r.keyId(pending)).keyMetadata().keyStateAsString()).isEqualTo("PendingDeletion");
    }

    private void assertOneRecordEach(List<Case> cases) {
        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases) {
            long before = records.chainHead().sequence();
            String requestId;
            String clientErrorCode = null;
            try {
                requestId = c.call().get().responseMetadata().requestId();
            } catch (AwsServiceException e) {
                requestId = e.requestId();
                clientErrorCode = e.awsErrorDetails().errorCode();
            }
            List<StoredAuditRecord> left = records.readRange(before + 1, Long.MAX_VALUE, 10);
            softly.assertThat(left).as(c.description() + ": records left").hasSize(1);
            if (left.size() != 1) {
                continue;
            }
            JsonNode json = read(left.getFirst());
            softly.assertThat(clientErrorCode).as(c.description() + ": the client's error").isEqualTo(c.errorCode());
            softly.assertThat(json.path("requestID").asText()).as(c.description() + ": requestID").isEqualTo(requestId);
            softly.assertThat(json.path("eventSource").asText()).as(c.description()).isEqualTo(c.eventSource());
            softly.assertThat(json.path("eventName").asText()).as(c.description()).isEqualTo(c.eventName());
            softly.assertThat(json.path("errorCode").isMissingNode() ? null : json.path("errorCode").asText())
                    .as(c.description() + ": errorCode").isEqualTo(c.errorCode());
            JsonNode identity = json.path("userIdentity");
            softly.assertThat(identity.path("type").asText()).as(c.description() + ": type").isEqualTo(c.identityType());
            softly.assertThat(identity.path("arn").isMissingNode() ? null : identity.path("arn").asText())
                    .as(c.description() + ": arn").isEqualTo(c.identityArn());
            softly.assertThat(identity.path("accessKeyId").asText()).as(c.description() + ": key")
                    .isEqualTo(c.accessKeyId());
            softly.assertThat(json.path("recipientAccountId").asText()).as(c.description()).isEqualTo(account);
            softly.assertThat(json.path("awsRegion").asText()).as(c.description()).isEqualTo("us-east-1");
        }
        softly.assertAll();
    }

    @Test
    void anAssumedRolesRecordCarriesItsSessionIssuer(StrongroomTestServer server) {
        long before = records.chainHead().sequence();
        server.clientsFor(session.accessKeyId(), session.secretAccessKey(), session.sessionToken()).sts().getCallerIdentity();
        JsonNode identity = read(records.readRange(before + 1, before + 1, 1).getFirst()).path("userIdentity");
        assertThat(identity.path("principalId").asText()).startsWith("AROA").endsWith(":investigator");
        JsonNode issuer = identity.path("sessionContext").path("sessionIssuer");
        assertThat(issuer.path("type").asText()).isEqualTo("Role");
        assertThat(issuer.path("arn").asText()).isEqualTo("arn:aws:iam::" + account + ":role/audited-role");
        assertThat(issuer.path("userName").asText()).isEqualTo("audited-role");
        assertThat(identity.path("sessionContext").path("attributes").path("mfaAuthenticated").asText())
                .isEqualTo("false");
    }

    @Test
    void secretsReturnedByAChangeAreRedactedInItsRecord(StrongroomTestServer server) {
        server.iam().createUser(r -> r.userName("audited-keys"));
        long before = records.chainHead().sequence();
        var key = server.iam().createAccessKey(r -> r.userName("audited-keys")).accessKey();
        StoredAuditRecord record = records.readRange(before + 1, before + 1, 1).getFirst();
        JsonNode created = read(record).path("responseElements").path("accessKey");
        assertThat(created.path("accessKeyId").asText()).isEqualTo(key.accessKeyId());
        assertThat(created.path("secretAccessKey").asText()).isEqualTo("HIDDEN_DUE_TO_SECURITY_REASONS");
        assertThat(record.eventJson()).doesNotContain(key.secretAccessKey());
        assertThat(record.resources()).extracting(r -> r.type() + " " + r.name())
                .containsExactly("AWS::IAM::User arn:aws:iam::" + account + ":user/audited-keys");

        long beforeAssume = records.chainHead().sequence();
        Credentials issued = server.sts().assumeRole(r -> r.roleSessionName("redacted")
                .roleArn("arn:aws:iam::" + account + ":role/audited-role")).credentials();
        StoredAuditRecord assumeRecord = records.readRange(beforeAssume + 1, beforeAssume + 1, 1).getFirst();
        assertThat(assumeRecord.eventName()).isEqualTo("AssumeRole");
        assertThat(assumeRecord.eventJson()).doesNotContain(issued.secretAccessKey(), issued.sessionToken())
                .contains(issued.accessKeyId());
    }

    private static JsonNode read(StoredAuditRecord record) {
        try {
            return JSON.readTree(record.eventJson());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
