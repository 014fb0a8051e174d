package io.strongroom.kms;

import static io.strongroom.kms.KmsFixture.assertDenied;
import static io.strongroom.kms.KmsFixture.assertKmsError;
import static io.strongroom.kms.KmsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CreateKey, DescribeKey, ListKeys with paging, Enable/DisableKey and UpdateKeyDescription. */
class KeyManagementTest {
    private final KmsFixture f = new KmsFixture();

    @Test
    void aNewKeyIsAnEnabledSymmetricKeyOfItsCreatorsAccountWithTheDefaultPolicy() {
        KmsKey key = f.newKey("payments");

        assertThat(key.keyId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(key.accountId()).isEqualTo(f.account);
        assertThat(key.region()).isEqualTo(KmsFixture.REGION);
        assertThat(key.arn()).isEqualTo("arn:aws:kms:us-east-1:" + f.account + ":key/" + key.keyId());
        assertThat(key.description()).isEqualTo("payments");
        assertThat(key.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(key.keyUsage()).isEqualTo(KeyUsage.ENCRYPT_DECRYPT);
        assertThat(key.state()).isEqualTo(KeyState.ENABLED);
        assertThat(key.currentVersion()).isEqualTo(1);
        assertThat(key.creationDate()).isEqualTo(f.clock.instant());
        assertThat(key.policy()).isEqualTo(KeyPolicies.defaultPolicy(f.account));
        assertThat(f.kms.getKeyPolicy(f.root, key.keyId(), "default")).isEqualTo(key.policy());
        assertThat(f.kms.listKeyPolicies(f.root, key.keyId())).containsExactly("default");

        // the material is stored, wrapped: one version, and it is not the 32 plaintext bytes
        List<KeyVersion> versions = f.repository.listVersions(key.keyId());
        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.rotationType()).isEmpty();
            assertThat(v.wrappedMaterial().length).isGreaterThan(32);
        });
    }

    @Test
    void describeKeyFindsTheKeyByIdAndByArnAndNotAnUnknownOne() {
        KmsKey key = f.newKey("described");

        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of())).isEqualTo(key);
        assertThat(f.kms.describeKey(f.root, key.arn(), List.of())).isEqualTo(key);
        assertKmsError(() -> f.kms.describeKey(f.root, "00000000-0000-4000-8000-000000000000", List.of()),
                "NotFoundException");
        assertKmsError(() -> f.kms.describeKey(f.root, "not-a-key-id", List.of()), "NotFoundException");
        assertKmsError(() -> f.kms.describeKey(f.root,
                "arn:aws:kms:eu-west-1:" + f.account + ":key/" + key.keyId(), List.of()), "NotFoundException");
    }

    @Test
    void anotherAccountCannotNameTheKeyByBareIdAndIsDeniedByArn() {
        KmsKey key = f.newKey();
        CallContext stranger = f.asRoot("999988887777");

        assertKmsError(() -> f.kms.describeKey(stranger, key.keyId(), List.of()), "NotFoundException");
        assertDenied(() -> f.kms.describeKey(stranger, key.arn(), List.of()));
    }

    @Test
    void listKeysPagesThroughEveryKeyOfTheAccountInKeyIdOrder() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(f.newKey("k" + i).keyId());
        }
        f.kms.createKey(f.asRoot("999988887777"), request("other account", Optional.empty(), false, Map.of()));

        List<String> seen = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        int pages = 0;
        do {
            KmsService.Page<KmsKey> page = f.kms.listKeys(f.root, marker, 2);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(k -> seen.add(k.keyId()));
            marker = page.nextMarker();
            pages++;
        } while (marker.isPresent());

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created.stream().sorted(Comparator.naturalOrder()).toList());
    }

    @Test
    void aMarkerListKeysDidNotMakeIsRefused() {
        f.newKey();
        assertKmsError(() -> f.kms.listKeys(f.root, Optional.of("!!not-a-marker!!"), 10), "InvalidMarkerException");
    }

    @Test
    void aUserWithoutPermissionCanNeitherCreateNorListKeys() {
        CallContext nobody = f.user("nobody");

        assertDenied(() -> f.kms.createKey(nobody, request("", Optional.empty(), false, Map.of())));
        assertDenied(() -> f.kms.listKeys(nobody, Optional.empty(), 10));
        assertThat(f.repository.listKeys(f.account, KmsFixture.REGION, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void disableAndEnableChangeTheStateAndTheDescriptionCanBeUpdated() {
        KmsKey key = f.newKey("before");

        f.kms.disableKey(f.root, key.keyId());
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).state()).isEqualTo(KeyState.DISABLED);
        f.kms.enableKey(f.root, key.keyId());
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).state()).isEqualTo(KeyState.ENABLED);

        f.kms.updateKeyDescription(f.root, key.keyId(), "after");
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).description()).isEqualTo("after");
        assertKmsError(() -> f.kms.updateKeyDescription(f.root, key.keyId(), "x".repeat(8193)), "ValidationException");
    }

    @Test
    void unsupportedOrInconsistentSpecsAreRefused() {
        assertKmsError(() -> f.kms.createKey(f.root, new KmsService.CreateKeyRequest("", Optional.of("SIGN_VERIFY"),
                Optional.empty(), Optional.empty(), false, Map.of())), "ValidationException");
        assertKmsError(() -> f.kms.createKey(f.root, new KmsService.CreateKeyRequest("", Optional.empty(),
                Optional.of("SM2"), Optional.empty(), false, Map.of())), "UnsupportedOperationException");
        assertKmsError(() -> f.kms.createKey(f.root, new KmsService.CreateKeyRequest("", Optional.empty(),
                Optional.of("AES_512"), Optional.empty(), false, Map.of())), "ValidationException");
        assertThat(f.repository.listKeys(f.account, KmsFixture.REGION, Optional.empty(), 10)).isEmpty();
    }
}
