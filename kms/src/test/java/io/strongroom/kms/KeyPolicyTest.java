package io.strongroom.kms;

import static io.strongroom.kms.KmsFixture.assertDenied;
import static io.strongroom.kms.KmsFixture.assertKmsError;
import static io.strongroom.kms.KmsFixture.request;
import static io.strongroom.kms.KmsFixture.statement;
import static io.strongroom.kms.KmsFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Key policies as AWS weighs them: the default policy delegates to IAM, a policy that does not name
 * the account shuts IAM out, the lockout safety check, and tags reaching IAM conditions as
 * {@code aws:ResourceTag/…}.
 */
class KeyPolicyTest {
    private static final String ENCRYPT_DECRYPT_WHEN_BLUE = "{\"Version\":\"2012-10-17\",\"Statement\":[{"
            + "\"Effect\":\"Allow\",\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\"],\"Resource\":\"*\","
            + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"blue\"}}}]}";

    private final KmsFixture f = new KmsFixture();
    private final KmsKey key = f.newKey("policy");

    @Test
    void theDefaultPolicyDelegatesToIam() {
        CallContext allowed = f.userAllowed("app", "kms:Encrypt");
        CallContext notAllowed = f.user("stranger");

        assertThat(f.kms.encrypt(allowed, key.keyId(), utf8("x"), Map.of(), Optional.empty(), List.of()).keyArn())
                .isEqualTo(key.arn());
        assertDenied(() -> f.encrypt(notAllowed, key.keyId(), utf8("x"), Map.of()));
        assertDenied(() -> f.kms.decrypt(allowed, f.encrypt(f.root, key.keyId(), utf8("x"), Map.of()), Map.of(),
                Optional.empty(), Optional.empty(), List.of()));
    }

    @Test
    void eachCryptographicOperationNeedsItsOwnPermission() {
        KmsKey destination = f.newKey("destination");
        CallContext encryptDecrypt = f.user("encrypt-decrypt");
        f.iam.iam.putUserPolicy(f.admin, "encrypt-decrypt", "p", actions("kms:Encrypt", "kms:Decrypt"));
        CallContext reEncrypter = f.user("re-encrypter");
        f.iam.iam.putUserPolicy(f.admin, "re-encrypter", "p", actions("kms:ReEncrypt*"));
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("x"), Map.of());
        KmsService.ReEncryptRequest reEncrypt = new KmsService.ReEncryptRequest(blob, Map.of(), Optional.empty(),
                destination.keyId(), Map.of(), Optional.empty(), Optional.empty(), List.of());

        assertDenied(() -> f.kms.reEncrypt(encryptDecrypt, reEncrypt));
        assertDenied(() -> f.kms.generateDataKey(encryptDecrypt, key.keyId(), Map.of(), Optional.of("AES_256"),
                Optional.empty(), List.of(), false));
        assertDenied(() -> f.decrypt(reEncrypter, blob, Map.of()));
        byte[] moved = f.kms.reEncrypt(reEncrypter, reEncrypt).ciphertext();
        assertThat(f.decrypt(encryptDecrypt, moved, Map.of())).isEqualTo(utf8("x"));
    }

    @Test
    void aKeyPolicyConditionOnTheEncryptionContextIsHonoured() {
        CallContext tenantApp = f.user("tenant-app");
        f.kms.putKeyPolicy(f.root, key.keyId(), "default", f.policyWithRootAnd("{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"" + tenantApp.principal().arn() + "\"},\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:EncryptionContext:tenant\":\"acme\"}}}"),
                false);

        byte[] blob = f.encrypt(tenantApp, key.keyId(), utf8("acme data"), Map.of("tenant", "acme"));
        assertThat(f.decrypt(tenantApp, blob, Map.of("tenant", "acme"))).isEqualTo(utf8("acme data"));
        assertDenied(() -> f.encrypt(tenantApp, key.keyId(), utf8("x"), Map.of("tenant", "globex")));
        assertDenied(() -> f.encrypt(tenantApp, key.keyId(), utf8("x"), Map.of()));
    }

    @Test
    void aKeyPolicyThatDoesNotNameTheAccountShutsIamOut() {
        CallContext app = f.userAllowed("app", "kms:*");
        f.encrypt(app, key.keyId(), utf8("x"), Map.of());
        String adminOnly = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + statement("Allow", f.admin.principal().arn(), "kms:*") + "]}";

        f.kms.putKeyPolicy(f.admin, key.keyId(), "default", adminOnly, false);

        assertDenied(() -> f.encrypt(app, key.keyId(), utf8("x"), Map.of()));
        assertDenied(() -> f.kms.describeKey(app, key.keyId(), List.of()));
        assertThat(f.kms.describeKey(f.admin, key.keyId(), List.of()).policy()).isEqualTo(adminOnly);
        f.encrypt(f.admin, key.keyId(), utf8("x"), Map.of());
    }

    @Test
    void aKeyPolicyNamingAUserAllowsThemWithoutAnyIamPolicy() {
        CallContext reader = f.user("reader");
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("for the reader"), Map.of());

        f.kms.putKeyPolicy(f.root, key.keyId(), "default",
                f.policyWithRootAnd(statement("Allow", reader.principal().arn(), "kms:Decrypt")), false);

        assertThat(f.decrypt(reader, blob, Map.of())).isEqualTo(utf8("for the reader"));
        assertDenied(() -> f.encrypt(reader, key.keyId(), utf8("x"), Map.of()));
    }

    @Test
    void anotherAccountNamedInTheKeyPolicyMayUseTheKeyByArnOnly() {
        String partner = "999988887777";
        CallContext partnerRoot = f.asRoot(partner);
        assertDenied(() -> f.encrypt(partnerRoot, key.arn(), utf8("x"), Map.of()));

        f.kms.putKeyPolicy(f.root, key.keyId(), "default", f.policyWithRootAnd(
                statement("Allow", "arn:aws:iam::" + partner + ":root", "kms:Encrypt"),
                statement("Allow", "arn:aws:iam::" + partner + ":root", "kms:Decrypt")), false);

        byte[] blob = f.encrypt(partnerRoot, key.arn(), utf8("shared"), Map.of());
        assertThat(f.decrypt(partnerRoot, blob, Map.of())).isEqualTo(utf8("shared"));
        assertThat(f.decrypt(f.root, blob, Map.of())).isEqualTo(utf8("shared"));
        assertKmsError(() -> f.encrypt(partnerRoot, key.keyId(), utf8("x"), Map.of()), "NotFoundException");
        assertDenied(() -> f.kms.describeKey(partnerRoot, key.arn(), List.of()));
        assertDenied(() -> f.kms.disableKey(partnerRoot, key.arn()));
    }

    @Test
    void aPolicyThatLocksTheCallerOutIsRefusedUnlessTheCheckIsBypassed() {
        CallContext other = f.user("other");
        String lockout = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + statement("Allow", other.principal().arn(), "kms:Encrypt") + "]}";

        assertKmsError(() -> f.kms.putKeyPolicy(f.admin, key.keyId(), "default", lockout, false),
                "MalformedPolicyDocumentException");
        assertThat(f.kms.getKeyPolicy(f.admin, key.keyId(), "default")).isEqualTo(KeyPolicies.defaultPolicy(f.account));
        assertKmsError(() -> f.kms.createKey(f.admin, request("", Optional.of(lockout), false, Map.of())),
                "MalformedPolicyDocumentException");
        assertThat(f.repository.listKeys(f.account, KmsFixture.REGION, Optional.empty(), 10)).hasSize(1);

        f.kms.putKeyPolicy(f.admin, key.keyId(), "default", lockout, true);
        KmsKey created = f.kms.createKey(f.admin, request("", Optional.of(lockout), true, Map.of()));

        assertDenied(() -> f.kms.getKeyPolicy(f.admin, key.keyId(), "default"));
        assertThat(f.repository.findKey(key.keyId()).orElseThrow().policy()).isEqualTo(lockout);
        assertThat(created.policy()).isEqualTo(lockout);
    }

    @Test
    void aMalformedOrUnknownPolicyIsRefused() {
        assertKmsError(() -> f.kms.putKeyPolicy(f.root, key.keyId(), "default", "{not json", false),
                "MalformedPolicyDocumentException");
        assertKmsError(() -> f.kms.putKeyPolicy(f.root, key.keyId(), "default",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\","
                        + "\"Resource\":\"*\"}]}", false), "MalformedPolicyDocumentException");
        assertKmsError(() -> f.kms.putKeyPolicy(f.root, key.keyId(), "custom", KeyPolicies.defaultPolicy(f.account),
                false), "NotFoundException");
        assertKmsError(() -> f.kms.getKeyPolicy(f.root, key.keyId(), "custom"), "NotFoundException");
    }

    @Test
    void tagsAreListedAndChangedAndReachIamAsResourceTags() {
        KmsKey blue = f.newKeyTagged(Map.of("team", "blue", "env", "prod"));
        KmsKey red = f.newKeyTagged(Map.of("team", "red"));
        CallContext member = f.userAllowed("blue-member", "kms:ListKeys");
        f.iam.iam.putUserPolicy(f.admin, "blue-member", "blue", ENCRYPT_DECRYPT_WHEN_BLUE);

        assertThat(f.kms.listResourceTags(f.root, blue.keyId(), Optional.empty(), 10).items())
                .containsExactly(Map.entry("env", "prod"), Map.entry("team", "blue"));
        byte[] blob = f.encrypt(member, blue.keyId(), utf8("blue data"), Map.of());
        assertThat(f.decrypt(member, blob, Map.of())).isEqualTo(utf8("blue data"));
        assertDenied(() -> f.encrypt(member, red.keyId(), utf8("x"), Map.of()));

        f.kms.tagResource(f.root, red.keyId(), Map.of("team", "blue"));
        f.encrypt(member, red.keyId(), utf8("now blue"), Map.of());

        f.kms.untagResource(f.root, blue.keyId(), List.of("team"));
        assertDenied(() -> f.decrypt(member, blob, Map.of()));
        assertThat(f.kms.listResourceTags(f.root, blue.keyId(), Optional.empty(), 10).items())
                .containsExactly(Map.entry("env", "prod"));
    }

    @Test
    void reservedOrOversizedTagsAreRefused() {
        assertKmsError(() -> f.kms.tagResource(f.root, key.keyId(), Map.of("aws:owner", "x")), "TagException");
        assertKmsError(() -> f.kms.tagResource(f.root, key.keyId(), Map.of("k", "v".repeat(257))), "TagException");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("t" + i, "v");
        }
        assertKmsError(() -> f.kms.tagResource(f.root, key.keyId(), many), "LimitExceededException");
        assertThat(f.kms.listResourceTags(f.root, key.keyId(), Optional.empty(), 100).items()).isEmpty();
    }

    @Test
    void creatingATaggedKeyAlsoNeedsTagResource() {
        CallContext creator = f.user("creator");
        f.iam.iam.putUserPolicy(f.admin, "creator", "create", actions("kms:CreateKey", "kms:PutKeyPolicy"));

        assertDenied(() -> f.kms.createKey(creator, request("", Optional.empty(), false, Map.of("team", "blue"))));
        KmsKey untagged = f.kms.createKey(creator, request("", Optional.empty(), false, Map.of()));
        assertThat(untagged.tags()).isEmpty();
        assertThat(f.repository.listKeys(f.account, KmsFixture.REGION, Optional.empty(), 10)).hasSize(2);
    }

    @Test
    void kmsCreateKeyAloneSufficesForAKeyWithTheDefaultPolicy() {
        CallContext creator = f.userAllowed("creator", "kms:CreateKey");

        KmsKey created = f.kms.createKey(creator, request("", Optional.empty(), false, Map.of()));

        assertThat(created.policy()).isEqualTo(KeyPolicies.defaultPolicy(f.account));
    }

    private static String actions(String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"*\"}]}";
    }
}
