package io.strongroom.kms;

import static io.strongroom.kms.KmsFixture.assertDenied;
import static io.strongroom.kms.KmsFixture.assertKmsError;
import static io.strongroom.kms.KmsFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CreateAlias, UpdateAlias, DeleteAlias, ListAliases, and aliases as the KeyId of other operations. */
class AliasTest {
    private final KmsFixture f = new KmsFixture();
    private final KmsKey first = f.newKey("first");
    private final KmsKey second = f.newKey("second");

    @Test
    void anAliasNamesItsKeyByNameAndByArn() {
        f.kms.createAlias(f.root, "alias/app", first.keyId());
        String aliasArn = "arn:aws:kms:us-east-1:" + f.account + ":alias/app";

        assertThat(f.kms.describeKey(f.root, "alias/app", List.of()).keyId()).isEqualTo(first.keyId());
        assertThat(f.kms.describeKey(f.root, aliasArn, List.of()).keyId()).isEqualTo(first.keyId());
        KmsService.EncryptResult byName = f.kms.encrypt(f.root, "alias/app", utf8("a"), Map.of(), Optional.empty(),
                List.of());
        KmsService.EncryptResult byArn = f.kms.encrypt(f.root, aliasArn, utf8("b"), Map.of(), Optional.empty(),
                List.of());
        assertThat(byName.keyArn()).isEqualTo(first.arn());
        assertThat(byArn.keyArn()).isEqualTo(first.arn());
        assertThat(f.kms.decrypt(f.root, byName.ciphertext(), Map.of(), Optional.of("alias/app"), Optional.empty(),
                List.of()).plaintext()).isEqualTo(utf8("a"));
    }

    @Test
    void listAliasesShowsTheAccountsAliasesAndThoseOfOneKey() {
        f.kms.createAlias(f.root, "alias/b", second.keyId());
        f.kms.createAlias(f.root, "alias/a", first.keyId());
        f.kms.createAlias(f.root, "alias/c", first.keyId());

        assertThat(f.kms.listAliases(f.root, Optional.empty(), Optional.empty(), 10).items())
                .extracting(KeyAlias::aliasName).containsExactly("alias/a", "alias/b", "alias/c");
        assertThat(f.kms.listAliases(f.root, Optional.of(first.keyId()), Optional.empty(), 10).items())
                .extracting(KeyAlias::aliasName).containsExactly("alias/a", "alias/c");

        List<String> paged = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        do {
            KmsService.Page<KeyAlias> page = f.kms.listAliases(f.root, Optional.empty(), marker, 1);
            page.items().forEach(alias -> paged.add(alias.aliasName()));
            marker = page.nextMarker();
        } while (marker.isPresent());
        assertThat(paged).containsExactly("alias/a", "alias/b", "alias/c");
    }

    @Test
    void updateAliasPointsItAtAnotherKeyAtOnce() {
        f.kms.createAlias(f.root, "alias/app", first.keyId());
        byte[] underFirst = f.encrypt(f.root, "alias/app", utf8("one"), Map.of());

        f.kms.updateAlias(f.root, "alias/app", second.keyId());

        KmsService.EncryptResult underSecond = f.kms.encrypt(f.root, "alias/app", utf8("two"), Map.of(),
                Optional.empty(), List.of());
        assertThat(underSecond.keyArn()).isEqualTo(second.arn());
        assertThat(f.decrypt(f.root, underFirst, Map.of())).isEqualTo(utf8("one"));
        KeyAlias alias = f.repository.findAlias(f.account, KmsFixture.REGION, "alias/app").orElseThrow();
        assertThat(alias.targetKeyId()).isEqualTo(second.keyId());
        // the alias now names the second key, so a blob of the first one is for an incorrect key
        assertKmsError(() -> f.kms.decrypt(f.root, underFirst, Map.of(), Optional.of("alias/app"), Optional.empty(),
                List.of()), "IncorrectKeyException");
    }

    @Test
    void anAliasCannotBeMovedToAKeyOfAnotherUsage() {
        KmsKey hmac = f.kms.createKey(f.root, new KmsService.CreateKeyRequest("", Optional.of("GENERATE_VERIFY_MAC"),
                Optional.of("HMAC_256"), Optional.empty(), false, Map.of()));
        f.kms.createAlias(f.root, "alias/app", first.keyId());

        assertKmsError(() -> f.kms.updateAlias(f.root, "alias/app", hmac.keyId()), "ValidationException");
        assertThat(f.repository.findAlias(f.account, KmsFixture.REGION, "alias/app").orElseThrow().targetKeyId())
                .isEqualTo(first.keyId());
    }

    @Test
    void aDeletedAliasNamesNothing() {
        f.kms.createAlias(f.root, "alias/app", first.keyId());
        f.kms.describeKey(f.root, "alias/app", List.of());

        f.kms.deleteAlias(f.root, "alias/app");

        assertKmsError(() -> f.kms.describeKey(f.root, "alias/app", List.of()), "NotFoundException");
        assertKmsError(() -> f.encrypt(f.root, "alias/app", utf8("x"), Map.of()), "NotFoundException");
        assertKmsError(() -> f.kms.deleteAlias(f.root, "alias/app"), "NotFoundException");
        assertKmsError(() -> f.kms.updateAlias(f.root, "alias/app", second.keyId()), "NotFoundException");
        assertThat(f.kms.describeKey(f.root, first.keyId(), List.of()).state()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void aliasNamesUnderAliasAwsAreReserved() {
        assertKmsError(() -> f.kms.createAlias(f.root, "alias/aws/s3", first.keyId()), "InvalidAliasNameException");
        assertKmsError(() -> f.kms.updateAlias(f.root, "alias/aws/s3", first.keyId()), "InvalidAliasNameException");
        assertKmsError(() -> f.kms.deleteAlias(f.root, "alias/aws/s3"), "InvalidAliasNameException");
    }

    @Test
    void malformedAliasNamesAreRefused() {
        assertKmsError(() -> f.kms.createAlias(f.root, "app", first.keyId()), "ValidationException");
        assertKmsError(() -> f.kms.createAlias(f.root, "alias/", first.keyId()), "ValidationException");
        assertKmsError(() -> f.kms.createAlias(f.root, "alias/has space", first.keyId()), "ValidationException");
    }

    @Test
    void anAliasNameIsTakenOnce() {
        f.kms.createAlias(f.root, "alias/app", first.keyId());

        assertKmsError(() -> f.kms.createAlias(f.root, "alias/app", second.keyId()), "AlreadyExistsException");
        assertThat(f.repository.findAlias(f.account, KmsFixture.REGION, "alias/app").orElseThrow().targetKeyId())
                .isEqualTo(first.keyId());
    }

    @Test
    void anAliasCannotNameAnUnknownKeyOrAnotherAccountsKey() {
        KmsKey foreign = f.kms.createKey(f.asRoot("999988887777"),
                KmsFixture.request("", Optional.empty(), false, Map.of()));

        assertKmsError(() -> f.kms.createAlias(f.root, "alias/app", "00000000-0000-4000-8000-000000000000"),
                "NotFoundException");
        assertKmsError(() -> f.kms.createAlias(f.root, "alias/app", foreign.arn()), "NotFoundException");
        assertThat(f.repository.findAlias(f.account, KmsFixture.REGION, "alias/app")).isEmpty();
    }

    @Test
    void aUserNeedsPermissionOnTheAliasAndTheKey() {
        CallContext onlyAliases = f.userAllowed("alias-only", "kms:CreateAlias");
        CallContext nobody = f.user("nobody");

        assertDenied(() -> f.kms.createAlias(nobody, "alias/app", first.keyId()));
        f.kms.createAlias(onlyAliases, "alias/app", first.keyId());
        assertThat(f.repository.findAlias(f.account, KmsFixture.REGION, "alias/app")).isPresent();
    }

    @Test
    void anAliasCannotBeCreatedForAKeyPendingDeletion() {
        f.kms.scheduleKeyDeletion(f.root, first.keyId(), Optional.of(7));

        assertKmsError(() -> f.kms.createAlias(f.root, "alias/app", first.keyId()), "KMSInvalidStateException");
    }
}
