package io.strongroom.kms;

import static io.strongroom.kms.KmsFixture.assertDenied;
import static io.strongroom.kms.KmsFixture.assertKmsError;
import static io.strongroom.kms.KmsFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The AWS managed key {@code alias/aws/s3}: made once per account on first need, used by the account
 * only through S3 ({@code kms:ViaService}), never administered by the customer, rotated yearly.
 */
class AwsManagedKeyTest {
    private static final Map<String, String> OBJECT = Map.of("aws:s3:arn", "arn:aws:s3:::bucket/key");

    private final KmsFixture f = new KmsFixture();

    @Test
    void isMadeOnceWithAwsMetadataItsAliasAndAYearlyRotation() {
        String arn = f.kms.awsManagedKeyArn(f.account, "s3");
        assertThat(f.kms.awsManagedKeyArn(f.account, "s3")).isEqualTo(arn);

        KmsKey key = f.kms.describeKey(f.admin, "alias/aws/s3", List.of());
        assertThat(key.arn()).isEqualTo(arn);
        assertThat(key.keyManager()).isEqualTo(KeyManager.AWS);
        assertThat(key.description()).isEqualTo("Default key that protects my S3 objects when no other key is defined");
        assertThat(key.rotation().enabled()).isTrue();
        assertThat(key.rotation().periodDays()).contains(365);
        assertThat(f.kms.listKeys(f.root, Optional.empty(), 100).items()).hasSize(1);
        assertThat(f.kms.listAliases(f.root, Optional.empty(), Optional.empty(), 100).items())
                .singleElement().satisfies(alias -> {
                    assertThat(alias.aliasName()).isEqualTo("alias/aws/s3");
                    assertThat(alias.targetKeyId()).isEqualTo(key.keyId());
                });
        assertThat(f.kms.getKeyPolicy(f.admin, arn, "default")).contains("\"kms:ViaService\" : \"s3.us-east-1.amazonaws.com\"")
                .contains("\"kms:CallerAccount\" : \"" + f.account + "\"");

        f.clock.advance(Duration.ofDays(366));
        assertThat(f.kms.runScheduledWork().rotated()).isEqualTo(1);
        assertThat(f.kms.describeKey(f.admin, arn, List.of()).currentVersion()).isEqualTo(2);
    }

    @Test
    void theAccountUsesItThroughS3OnlyAndNeverDirectly() {
        String arn = f.kms.awsManagedKeyArn(f.account, "s3");
        CallContext analyst = f.userAllowed("analyst", "s3:*"); // no KMS permission of its own: the key policy suffices

        KmsService.DataKeyResult made = f.kms.generateDataKeyViaService(analyst, "s3", arn, OBJECT);
        assertThat(f.kms.decryptViaService(f.admin, "s3", made.ciphertext(), OBJECT, arn).plaintext())
                .isEqualTo(made.plaintext().orElseThrow());

        String keyId = arn.substring(arn.lastIndexOf('/') + 1);
        assertThat(f.events.usedViaService).containsExactly(
                "s3 GenerateDataKey " + keyId + " " + analyst.principal().arn(),
                "s3 Decrypt " + keyId + " " + f.admin.principal().arn());
        assertDenied(() -> f.kms.generateDataKey(f.admin, arn, OBJECT, Optional.of("AES_256"), Optional.empty(),
                List.of(), true));
        assertDenied(() -> f.kms.decrypt(f.root, made.ciphertext(), OBJECT, Optional.empty(), Optional.empty(),
                List.of()));
        assertDenied(() -> f.kms.encrypt(f.admin, arn, utf8("x"), OBJECT, Optional.empty(), List.of()));
        assertThat(f.events.usedViaService).hasSize(2); // refused and direct calls are not uses via a service
    }

    @Test
    void noOneMayAdministerItOrItsAlias() {
        String arn = f.kms.awsManagedKeyArn(f.account, "s3");
        for (CallContext caller : List.of(f.root, f.admin)) {
            assertDenied(() -> f.kms.disableKey(caller, arn));
            assertDenied(() -> f.kms.scheduleKeyDeletion(caller, arn, Optional.of(7)));
            assertDenied(() -> f.kms.putKeyPolicy(caller, arn, "default", f.policyWithRootAnd(), true));
            assertDenied(() -> f.kms.tagResource(caller, arn, Map.of("k", "v")));
            assertDenied(() -> f.kms.disableKeyRotation(caller, arn));
            assertDenied(() -> f.kms.enableKeyRotation(caller, arn, Optional.of(90)));
            assertDenied(() -> f.kms.rotateKeyOnDemand(caller, arn));
            assertDenied(() -> f.kms.updateKeyDescription(caller, arn, "mine now"));
            assertDenied(() -> f.kms.createAlias(caller, "alias/mine", arn));
            assertKmsError(() -> f.kms.deleteAlias(caller, "alias/aws/s3"), "InvalidAliasNameException");
            assertKmsError(() -> f.kms.updateAlias(caller, "alias/aws/s3", f.newKey().keyId()),
                    "InvalidAliasNameException");
        }
        KmsKey key = f.kms.describeKey(f.admin, arn, List.of());
        assertThat(key.state()).isEqualTo(KeyState.ENABLED);
        assertThat(key.tags()).isEmpty();
        assertThat(key.description()).startsWith("Default key");
        assertThat(f.kms.getKeyRotationStatus(f.admin, arn).rotation().enabled()).isTrue();
    }

    @Test
    void aCustomerKeyPolicyMayAllowDecryptOnlyThroughS3() {
        CallContext reader = f.user("reader");
        String readerArn = reader.principal().arn();
        KmsKey key = f.kms.createKey(f.root, KmsFixture.request("via s3", Optional.of(f.policyWithRootAnd(
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + readerArn + "\"},\"Action\":\"kms:Decrypt\","
                        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":"
                        + "\"s3.us-east-1.amazonaws.com\"}}}")), false, Map.of()));
        byte[] ciphertext = f.encrypt(f.root, key.keyId(), utf8("secret"), OBJECT);

        assertDenied(() -> f.kms.decrypt(reader, ciphertext, OBJECT, Optional.empty(), Optional.empty(), List.of()));
        assertThat(f.kms.decryptViaService(reader, "s3", ciphertext, OBJECT, key.arn()).plaintext())
                .isEqualTo(utf8("secret"));
        assertThat(f.kms.keyEnabled(key.arn())).isTrue();
        f.kms.disableKey(f.root, key.keyId());
        assertThat(f.kms.keyEnabled(key.arn())).isFalse();
        assertKmsError(() -> f.kms.decryptViaService(reader, "s3", ciphertext, OBJECT, key.arn()),
                "DisabledException");
    }
}
