package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static io.strongroom.testing.KmsTestKeys.decrypt;
import static io.strongroom.testing.KmsTestKeys.encrypt;
import static io.strongroom.testing.KmsTestKeys.symmetricKey;
import static io.strongroom.testing.KmsTestKeys.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.organizations.guardrails.BaselineGuardrails;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Who may use a key, as AWS decides it: the default key policy that hands the decision to IAM, key
 * policies that name principals themselves, the lockout safety check, grants (with their tokens,
 * constraints, retirement and revocation) and IAM conditions on the key's tags.
 */
@ExtendWith(StrongroomExtension.class)
class KmsAccessEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestUsers users;
    private static String account;

    @BeforeAll
    static void users(StrongroomTestServer server) {
        users = new TestUsers(server);
        account = users.accountId();
    }

    @Test
    void theDefaultKeyPolicyDelegatesToIam(KmsClient kms) throws Exception {
        String key = symmetricKey(kms);
        assertThat(kms.listKeyPolicies(r -> r.keyId(key)).policyNames()).containsExactly("default");

        var got = kms.getKeyPolicy(r -> r.keyId(key).policyName("default"));
        JsonNode policy = JSON.readTree(got.policy());
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.path("Id").asText()).isEqualTo("key-default-1");
        JsonNode statements = policy.path("Statement");
        assertThat(statements.size()).isEqualTo(1);
        JsonNode root = statements.get(0);
        assertThat(root.path("Sid").asText()).isEqualTo("Enable IAM User Permissions");
        assertThat(root.path("Effect").asText()).isEqualTo("Allow");
        assertThat(root.path("Principal").path("AWS").asText()).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(root.path("Action").asText()).isEqualTo("kms:*");
        assertThat(root.path("Resource").asText()).isEqualTo("*");
    }

    @Test
    void aUserWithNeitherPolicyNorGrantIsDenied(KmsClient kms) {
        String key = symmetricKey(kms);
        TestUsers.Caller stranger = users.create("kms-stranger");
        var denied = assertAwsError(() -> encrypt(stranger.clients().kms(), key, "no", Map.of()),
                "AccessDeniedException", 400);
        assertThat(denied.awsErrorDetails().errorMessage()).contains(users.userArn("kms-stranger"))
                .contains("kms:Encrypt").contains(key);
        assertAwsError(() -> stranger.clients().kms().describeKey(r -> r.keyId(key)), "AccessDeniedException", 400);
    }

    @Test
    void anIamPolicyAllowsUseUnderTheDefaultKeyPolicy(KmsClient kms, IamClient iam) {
        String key = symmetricKey(kms);
        TestUsers.Caller app = users.create("kms-iam-app");
        iam.putUserPolicy(r -> r.userName("kms-iam-app").policyName("use-key").policyDocument(Policies.document(
                Policies.statement("Allow", "kms:Encrypt", key, ""),
                Policies.statement("Allow", "kms:Decrypt", key, ""))));
        byte[] ciphertext = encrypt(app.clients().kms(), key, "allowed by iam", Map.of());
        assertThat(decrypt(app.clients().kms(), ciphertext, Map.of())).isEqualTo("allowed by iam");
        assertAwsError(() -> app.clients().kms().generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)),
                "AccessDeniedException", 400);
        String other = symmetricKey(kms);
        assertAwsError(() -> encrypt(app.clients().kms(), other, "other key", Map.of()), "AccessDeniedException", 400);
    }

    @Test
    void aKeyPolicyCanAllowAPrincipalDirectly(KmsClient kms) throws Exception {
        String key = symmetricKey(kms);
        TestUsers.Caller reader = users.create("kms-policy-reader");
        String policy = Policies.document(rootStatement(), "{\"Sid\":\"reader\",\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"" + users.userArn("kms-policy-reader") + "\"},\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\"],"
                + "\"Resource\":\"*\"}");
        kms.putKeyPolicy(r -> r.keyId(key).policyName("default").policy(policy));
        assertThat(JSON.readTree(kms.getKeyPolicy(r -> r.keyId(key).policyName("default")).policy()))
                .isEqualTo(JSON.readTree(policy));

        byte[] ciphertext = encrypt(reader.clients().kms(), key, "allowed by key policy", Map.of());
        assertThat(decrypt(reader.clients().kms(), ciphertext, Map.of())).isEqualTo("allowed by key policy");
        assertAwsError(() -> reader.clients().kms().scheduleKeyDeletion(r -> r.keyId(key)), "AccessDeniedException", 400);
    }

    @Test
    void aPolicyThatLocksTheCallerOutIsRefusedUnlessTheCheckIsBypassed(KmsClient kms) {
        users.create("kms-only-user");
        String lockout = Policies.document("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + users.userArn("kms-only-user") + "\"},\"Action\":\"kms:Encrypt\",\"Resource\":\"*\"}");

        int keysBefore = kms.listKeysPaginator(r -> { }).keys().stream().toList().size();
        assertAwsError(() -> kms.createKey(r -> r.policy(lockout)), "MalformedPolicyDocumentException", 400);
        assertThat(kms.listKeysPaginator(r -> { }).keys().stream().toList()).hasSize(keysBefore);

        String key = symmetricKey(kms);
        assertAwsError(() -> kms.putKeyPolicy(r -> r.keyId(key).policyName("default").policy(lockout)),
                "MalformedPolicyDocumentException", 400);
        assertThat(kms.getKeyPolicy(r -> r.keyId(key).policyName("default")).policy()).contains(":root");

        // with the check bypassed the policy is taken, and the administrator is locked out as AWS warns
        kms.putKeyPolicy(r -> r.keyId(key).policyName("default").policy(lockout).bypassPolicyLockoutSafetyCheck(true));
        assertAwsError(() -> kms.describeKey(r -> r.keyId(key)), "AccessDeniedException", 400);
        assertAwsError(() -> kms.getKeyPolicy(r -> r.keyId(key).policyName("default")), "AccessDeniedException", 400);

        String bypassed = kms.createKey(r -> r.policy(lockout).bypassPolicyLockoutSafetyCheck(true)).keyMetadata().arn();
        assertAwsError(() -> encrypt(kms, bypassed, "locked out", Map.of()), "AccessDeniedException", 400);
    }

    @Test
    void aGrantLetsAUserWithoutPoliciesUseTheKeyUntilItIsRetired(KmsClient kms) {
        String key = symmetricKey(kms);
        TestUsers.Caller grantee = users.create("kms-grantee");
        TestUsers.Caller retiree = users.create("kms-retiree");
        KmsClient asGrantee = grantee.clients().kms();
        assertAwsError(() -> encrypt(asGrantee, key, "before the grant", Map.of()), "AccessDeniedException", 400);

        CreateGrantResponse grant = kms.createGrant(r -> r.keyId(key).name("app-encryption")
                .granteePrincipal(users.userArn("kms-grantee")).retiringPrincipal(users.userArn("kms-retiree"))
                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT, GrantOperation.GENERATE_DATA_KEY));
        assertThat(grant.grantId()).isNotBlank();
        assertThat(grant.grantToken()).isNotBlank();

        // the grant token takes effect at once, and so does the grant itself
        byte[] ciphertext = asGrantee.encrypt(r -> r.keyId(key).plaintext(utf8("under a grant"))
                .grantTokens(grant.grantToken())).ciphertextBlob().asByteArray();
        assertThat(decrypt(asGrantee, ciphertext, Map.of())).isEqualTo("under a grant");
        assertThat(asGrantee.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)).keyId()).isEqualTo(key);
        // only the granted operations
        assertAwsError(() -> asGrantee.describeKey(r -> r.keyId(key)), "AccessDeniedException", 400);
        assertAwsError(() -> asGrantee.reEncrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                .destinationKeyId(key)), "AccessDeniedException", 400);

        List<GrantListEntry> grants = kms.listGrants(r -> r.keyId(key)).grants();
        assertThat(grants).hasSize(1);
        GrantListEntry listed = grants.getFirst();
        assertThat(listed.grantId()).isEqualTo(grant.grantId());
        assertThat(listed.keyId()).isEqualTo(key);
        assertThat(listed.name()).isEqualTo("app-encryption");
        assertThat(listed.granteePrincipal()).isEqualTo(users.userArn("kms-grantee"));
        assertThat(listed.retiringPrincipal()).isEqualTo(users.userArn("kms-retiree"));
        assertThat(listed.issuingAccount()).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(listed.operations()).containsExactlyInAnyOrder(GrantOperation.ENCRYPT, GrantOperation.DECRYPT,
                GrantOperation.GENERATE_DATA_KEY);
        assertThat(listed.creationDate()).isNotNull();
        assertThat(kms.listRetirableGrants(r -> r.retiringPrincipal(users.userArn("kms-retiree"))).grants())
                .extracting(GrantListEntry::grantId).containsExactly(grant.grantId());

        // the retiring principal needs no policy to retire the grant
        retiree.clients().kms().retireGrant(r -> r.keyId(key).grantId(grant.grantId()));
        assertThat(kms.listGrants(r -> r.keyId(key)).grants()).isEmpty();
        assertThat(kms.listRetirableGrants(r -> r.retiringPrincipal(users.userArn("kms-retiree"))).grants()).isEmpty();
        assertAwsError(() -> encrypt(asGrantee, key, "after retirement", Map.of()), "AccessDeniedException", 400);
        assertAwsError(() -> decrypt(asGrantee, ciphertext, Map.of()), "AccessDeniedException", 400);
    }

    @Test
    void aRevokedGrantDeniesAtOnceAndAGrantTokenRetiresItsGrant(KmsClient kms) {
        String key = symmetricKey(kms);
        TestUsers.Caller grantee = users.create("kms-revoked");
        KmsClient asGrantee = grantee.clients().kms();
        CreateGrantResponse revoked = kms.createGrant(r -> r.keyId(key).granteePrincipal(users.userArn("kms-revoked"))
                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT));
        byte[] ciphertext = encrypt(asGrantee, key, "soon revoked", Map.of());

        kms.revokeGrant(r -> r.keyId(key).grantId(revoked.grantId()));
        assertThat(kms.listGrants(r -> r.keyId(key)).grants()).isEmpty();
        assertAwsError(() -> encrypt(asGrantee, key, "revoked", Map.of()), "AccessDeniedException", 400);
        assertAwsError(() -> decrypt(asGrantee, ciphertext, Map.of()), "AccessDeniedException", 400);

        // a grantee allowed RetireGrant may retire its own grant with the token
        CreateGrantResponse retirable = kms.createGrant(r -> r.keyId(key).granteePrincipal(users.userArn("kms-revoked"))
                .operations(GrantOperation.ENCRYPT, GrantOperation.RETIRE_GRANT));
        encrypt(asGrantee, key, "again", Map.of());
        asGrantee.retireGrant(r -> r.grantToken(retirable.grantToken()));
        assertThat(kms.listGrants(r -> r.keyId(key)).grants()).isEmpty();
        assertAwsError(() -> encrypt(asGrantee, key, "retired", Map.of()), "AccessDeniedException", 400);
    }

    @Test
    void aGrantWithAnEncryptionContextConstraintAllowsOnlyMatchingContexts(KmsClient kms) {
        String key = symmetricKey(kms);
        TestUsers.Caller grantee = users.create("kms-constrained");
        KmsClient asGrantee = grantee.clients().kms();
        kms.createGrant(r -> r.keyId(key).granteePrincipal(users.userArn("kms-constrained"))
                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("project", "alpha"))));

        Map<String, String> alpha = Map.of("project", "alpha", "file", "report.pdf");
        byte[] ciphertext = encrypt(asGrantee, key, "alpha data", alpha);
        assertThat(decrypt(asGrantee, ciphertext, alpha)).isEqualTo("alpha data");
        assertAwsError(() -> encrypt(asGrantee, key, "beta data", Map.of("project", "beta")),
                "AccessDeniedException", 400);
        assertAwsError(() -> encrypt(asGrantee, key, "no context", Map.of()), "AccessDeniedException", 400);

        assertThat(kms.listGrants(r -> r.keyId(key)).grants().getFirst().constraints().encryptionContextSubset())
                .containsExactlyEntriesOf(Map.of("project", "alpha"));
    }

    @Test
    void anIamConditionOnTheKeysTagsDecidesAccess(KmsClient kms, IamClient iam) {
        String blue = kms.createKey(r -> r.tags(Tag.builder().tagKey("team").tagValue("blue").build()))
                .keyMetadata().arn();
        String red = kms.createKey(r -> r.tags(Tag.builder().tagKey("team").tagValue("red").build()))
                .keyMetadata().arn();
        TestUsers.Caller member = users.create("kms-blue-member");
        String condition = "{\"StringEquals\":{\"aws:ResourceTag/team\":\"blue\"}}";
        iam.putUserPolicy(r -> r.userName("kms-blue-member").policyName("blue-keys").policyDocument(Policies.document(
                Policies.statement("Allow", "kms:Encrypt", "arn:aws:kms:*:" + account + ":key/*", condition),
                Policies.statement("Allow", "kms:Decrypt", "arn:aws:kms:*:" + account + ":key/*", condition))));
        KmsClient asMember = member.clients().kms();

        byte[] ciphertext = encrypt(asMember, blue, "blue team data", Map.of());
        assertThat(decrypt(asMember, ciphertext, Map.of())).isEqualTo("blue team data");
        assertAwsError(() -> encrypt(asMember, red, "red team data", Map.of()), "AccessDeniedException", 400);

        // re-tagging takes effect on the next call
        kms.tagResource(r -> r.keyId(red).tags(Tag.builder().tagKey("team").tagValue("blue").build()));
        assertThat(decrypt(asMember, encrypt(asMember, red, "now blue", Map.of()), Map.of())).isEqualTo("now blue");
        kms.untagResource(r -> r.keyId(blue).tagKeys("team"));
        assertAwsError(() -> decrypt(asMember, ciphertext, Map.of()), "AccessDeniedException", 400);
    }

    private static String rootStatement() {
        return "{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + account + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}";
    }

    @Test
    void theBaselineGuardrailKeepsAMemberAccountsRestrictedKeysAlive(OrganizationsClient organizations, StsClient sts,
                                                                    StrongroomTestServer server) {
        String member = organizations.createAccount(r -> r.email("keys@example.com").accountName("keys"))
                .createAccountStatus().accountId();
        BaselineGuardrails.Guardrail protect = BaselineGuardrails.all().stream()
                .filter(g -> g.name().equals("ProtectRestrictedKeys")).findFirst().orElseThrow();
        String policyId = organizations.createPolicy(r -> r.name(protect.name()).description(protect.description())
                .type(PolicyType.SERVICE_CONTROL_POLICY).content(protect.document())).policy().policySummary().id();
        organizations.attachPolicy(r -> r.policyId(policyId).targetId(member));
        Credentials credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + member
                + ":role/OrganizationAccountAccessRole").roleSessionName("platform")).credentials();
        KmsClient memberKms = server.clientsFor(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken()).kms();

        String restricted = memberKms.createKey(r -> r.description("customer records").tags(
                Tag.builder().tagKey("DataClassification").tagValue("restricted").build())).keyMetadata().arn();
        var denied = assertAwsError(() -> memberKms.disableKey(r -> r.keyId(restricted)), "AccessDeniedException", 400);
        assertThat(denied.awsErrorDetails().errorMessage()).contains("kms:DisableKey")
                .contains("explicit deny in a service control policy");
        assertAwsError(() -> memberKms.scheduleKeyDeletion(r -> r.keyId(restricted).pendingWindowInDays(7)),
                "AccessDeniedException", 400);
        // declassifying the key first is refused too
        assertAwsError(() -> memberKms.untagResource(r -> r.keyId(restricted).tagKeys("DataClassification")),
                "AccessDeniedException", 400);
        assertAwsError(() -> memberKms.tagResource(r -> r.keyId(restricted).tags(
                Tag.builder().tagKey("DataClassification").tagValue("public").build())), "AccessDeniedException", 400);
        memberKms.tagResource(r -> r.keyId(restricted).tags(Tag.builder().tagKey("Owner").tagValue("risk").build()));
        assertThat(memberKms.describeKey(r -> r.keyId(restricted)).keyMetadata().enabled()).isTrue();
        assertThat(decrypt(memberKms, encrypt(memberKms, restricted, "still usable", Map.of()), Map.of()))
                .isEqualTo("still usable");

        String ordinary = memberKms.createKey(r -> r.description("scratch")).keyMetadata().arn();
        memberKms.disableKey(r -> r.keyId(ordinary));
        memberKms.scheduleKeyDeletion(r -> r.keyId(ordinary).pendingWindowInDays(7));
    }
}
