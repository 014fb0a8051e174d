package io.strongroom.kms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.kms.Grant;
import io.strongroom.kms.KeyAlias;
import io.strongroom.kms.KeyManager;
import io.strongroom.kms.KeySpec;
import io.strongroom.kms.KeyState;
import io.strongroom.kms.KeyUsage;
import io.strongroom.kms.KeyVersion;
import io.strongroom.kms.KmsKey;
import io.strongroom.kms.KmsRepository;
import io.strongroom.kms.RotationSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KmsRepository} must show: each rule of the interface's javadoc, and
 * what the stores agree on where it leaves room (a version, alias or grant names an existing key;
 * a grant token's hash is unique; due keys come earliest first; an alias keeps its creation date
 * when retargeted; instants are kept to the millisecond). An implementation's test extends this
 * class and opens an empty store in {@link #openEmpty()}.
 *
 * <p>{@link KeyVersion} and {@link Grant} hold byte arrays, which records compare by reference, so
 * they are compared through {@link #view(KeyVersion)} and {@link #view(Grant)}.
 */
public abstract class KmsRepositoryContract {
    protected static final String ACCOUNT = "111122223333";
    protected static final String OTHER_ACCOUNT = "444455556666";
    protected static final String REGION = "us-east-1";
    protected static final String OTHER_REGION = "eu-west-1";
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07.891Z");
    protected static final String KEY_A = "0a1b2c3d-0000-4000-8000-00000000000a";
    protected static final String KEY_B = "1b2c3d4e-0000-4000-8000-00000000000b";
    protected static final String KEY_C = "2c3d4e5f-0000-4000-8000-00000000000c";
    protected static final String KEY_D = "3d4e5f60-0000-4000-8000-00000000000d";
    protected static final String KEY_E = "4e5f6071-0000-4000-8000-00000000000e";
    protected static final String POLICY = "{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":[{"
            + "\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

    private static final HexFormat HEX = HexFormat.of();

    /** The store under test and the transactor its calls join. */
    public record Stores(KmsRepository keys, Transactor transactor) {
    }

    protected Stores stores;
    protected KmsRepository repository;

    /** Opens the store on an empty database. */
    protected abstract Stores openEmpty() throws Exception;

    /** Releases what {@link #openEmpty()} opened. */
    protected void close() throws Exception {
    }

    @BeforeEach
    public void openStores() throws Exception {
        stores = openEmpty();
        repository = stores.keys();
    }

    @AfterEach
    public void closeStores() throws Exception {
        close();
    }

    // ---- keys

    @Test
    public void keysRoundTripWithEveryFieldAndTheirTags() {
        KmsKey full = fullKey(KEY_A);
        KmsKey bare = key(KEY_B);
        repository.insertKey(full);
        repository.insertKey(bare);

        assertThat(repository.findKey(KEY_A)).contains(full);
        assertThat(repository.findKey(KEY_B)).contains(bare);
        assertThat(repository.findKey(KEY_C)).isEmpty();
    }

    @Test
    public void everyStateSpecAndUsageRoundTrips() {
        int i = 0;
        for (KeyState state : KeyState.values()) {
            for (KeySpec spec : KeySpec.values()) {
                for (KeyUsage usage : KeyUsage.values()) {
                    String keyId = String.format("00000000-0000-4000-8000-%012d", i++);
                    KmsKey key = new KmsKey(keyId, ACCOUNT, REGION, "", spec, usage, state, T0, Optional.empty(),
                            Optional.empty(), POLICY, RotationSettings.DISABLED, 1, Optional.empty(), 0, Map.of());
                    repository.insertKey(key);
                    assertThat(repository.findKey(keyId)).contains(key);
                }
            }
        }
    }

    @Test
    public void keyIdsCompareExactly() {
        repository.insertKey(key(KEY_A));
        assertThat(repository.findKey(KEY_A.toUpperCase())).isEmpty();
        assertThat(repository.findKey(KEY_A + " ")).isEmpty();
        assertThat(repository.updateKey(key(KEY_A.toUpperCase()))).isFalse();
    }

    @Test
    public void aTakenKeyIdThrowsAndChangesNothing() {
        KmsKey original = fullKey(KEY_A);
        repository.insertKey(original);

        KmsKey clash = new KmsKey(KEY_A, OTHER_ACCOUNT, OTHER_REGION, "other", KeySpec.HMAC_256,
                KeyUsage.GENERATE_VERIFY_MAC, KeyState.DISABLED, T0.plusSeconds(5), Optional.empty(), Optional.empty(),
                POLICY, RotationSettings.DISABLED, 1, Optional.empty(), 0, Map.of("other", "tag"));
        assertThatThrownBy(() -> repository.insertKey(clash)).isInstanceOf(DuplicateEntityException.class);

        assertThat(repository.findKey(KEY_A)).contains(original);
        assertThat(repository.listKeys(OTHER_ACCOUNT, OTHER_REGION, Optional.empty(), 10)).isEmpty();
    }

    @Test
    public void updatingAKeyReplacesEveryFieldAndItsTags() {
        KmsKey original = fullKey(KEY_A);
        repository.insertKey(original);
        repository.insertKey(key(KEY_B));

        // every optional goes from present to empty, every other field changes, tags are replaced whole
        KmsKey changed = new KmsKey(KEY_A, OTHER_ACCOUNT, OTHER_REGION, "changed", KeySpec.RSA_4096,
                KeyUsage.SIGN_VERIFY, KeyState.ENABLED, T0.plusSeconds(1), Optional.empty(), Optional.empty(),
                POLICY.replace("kms:*", "kms:Describe*"), new RotationSettings(false, Optional.empty(), Optional.empty()),
                3, Optional.empty(), 2, Map.of("project", "beta", "added", ""));
        assertThat(repository.updateKey(changed)).isTrue();
        assertThat(repository.findKey(KEY_A)).contains(changed);

        // and back: empty optionals become present again, tags go to none
        KmsKey back = fullKey(KEY_A).withTags(Map.of());
        assertThat(repository.updateKey(back)).isTrue();
        assertThat(repository.findKey(KEY_A)).contains(back);

        assertThat(repository.findKey(KEY_B)).contains(key(KEY_B));
    }

    @Test
    public void anAwsManagedKeyKeepsItsManagerAndCustomerKeysAreTheCustomers() {
        KmsKey customers = fullKey(KEY_A);
        KmsKey full = fullKey(KEY_B);
        KmsKey awsManaged = new KmsKey(KEY_B, full.accountId(), full.region(), "Default key", full.keySpec(),
                full.keyUsage(), full.state(), full.creationDate(), full.deletionDate(), full.pendingWindowDays(),
                full.policy(), full.rotation(), full.currentVersion(), full.lastRotationDate(),
                full.onDemandRotations(), Map.of(), KeyManager.AWS);
        repository.insertKey(customers);
        repository.insertKey(awsManaged);

        assertThat(repository.findKey(KEY_A).orElseThrow().keyManager()).isEqualTo(KeyManager.CUSTOMER);
        assertThat(repository.findKey(KEY_B)).contains(awsManaged);
        assertThat(repository.updateKey(awsManaged.withDescription("rotated"))).isTrue();
        assertThat(repository.findKeyForUpdate(KEY_B).orElseThrow().keyManager()).isEqualTo(KeyManager.AWS);
        assertThat(repository.listKeys(ACCOUNT, REGION, Optional.empty(), 10)).extracting(KmsKey::keyManager)
                .containsExactlyInAnyOrder(KeyManager.CUSTOMER, KeyManager.AWS);
    }

    @Test
    public void updatingAnUnknownKeyReturnsFalseAndCreatesNothing() {
        assertThat(repository.updateKey(fullKey(KEY_A))).isFalse();
        assertThat(repository.findKey(KEY_A)).isEmpty();
        assertThat(repository.listKeys(ACCOUNT, REGION, Optional.empty(), 10)).isEmpty();
    }

    @Test
    public void findKeyForUpdateReadsTheKeyInsideATransaction() {
        KmsKey original = fullKey(KEY_A);
        repository.insertKey(original);

        KmsKey seen = stores.transactor().inTransaction(() -> {
            KmsKey locked = repository.findKeyForUpdate(KEY_A).orElseThrow();
            assertThat(repository.findKeyForUpdate(KEY_B)).isEmpty();
            assertThat(repository.updateKey(locked.withDescription("locked and changed"))).isTrue();
            return locked;
        });

        assertThat(seen).isEqualTo(original);
        assertThat(repository.findKey(KEY_A)).contains(original.withDescription("locked and changed"));
    }

    @Test
    public void destroyedKeysAreFoundButNeverListed() {
        KmsKey destroyed = key(KEY_A).withState(KeyState.DESTROYED);
        repository.insertKey(destroyed);
        repository.insertKey(key(KEY_B).withState(KeyState.PENDING_DELETION, Optional.of(T0), Optional.of(7)));
        repository.insertKey(key(KEY_C).withState(KeyState.DISABLED));

        assertThat(repository.findKey(KEY_A)).contains(destroyed);
        assertThat(repository.listKeys(ACCOUNT, REGION, Optional.empty(), 10)).extracting(KmsKey::keyId)
                .containsExactly(KEY_B, KEY_C);

        // a key destroyed by an update leaves the listing too
        assertThat(repository.updateKey(key(KEY_C).withState(KeyState.DESTROYED))).isTrue();
        assertThat(repository.listKeys(ACCOUNT, REGION, Optional.empty(), 10)).extracting(KmsKey::keyId)
                .containsExactly(KEY_B);
    }

    @Test
    public void listKeysFiltersByAccountAndRegionInKeyIdOrder() {
        // inserted out of order
        repository.insertKey(fullKey(KEY_D));
        repository.insertKey(key(KEY_B));
        repository.insertKey(key(KEY_A, OTHER_ACCOUNT, REGION));
        repository.insertKey(key(KEY_E, ACCOUNT, OTHER_REGION));
        repository.insertKey(key(KEY_C));

        assertThat(repository.listKeys(ACCOUNT, REGION, Optional.empty(), 10))
                .containsExactly(key(KEY_B), key(KEY_C), fullKey(KEY_D));
        assertThat(repository.listKeys(OTHER_ACCOUNT, REGION, Optional.empty(), 10))
                .containsExactly(key(KEY_A, OTHER_ACCOUNT, REGION));
        assertThat(repository.listKeys(ACCOUNT, OTHER_REGION, Optional.empty(), 10))
                .containsExactly(key(KEY_E, ACCOUNT, OTHER_REGION));
        assertThat(repository.listKeys(OTHER_ACCOUNT, OTHER_REGION, Optional.empty(), 10)).isEmpty();
    }

    @Test
    public void listKeysPagesAfterAKeyId() {
        for (String keyId : List.of(KEY_E, KEY_C, KEY_A, KEY_D, KEY_B)) {
            repository.insertKey(key(keyId));
        }
        repository.insertKey(key("0000aaaa-0000-4000-8000-000000000000", OTHER_ACCOUNT, REGION));

        assertThat(repository.listKeys(ACCOUNT, REGION, Optional.empty(), 2)).extracting(KmsKey::keyId)
                .containsExactly(KEY_A, KEY_B);
        assertThat(repository.listKeys(ACCOUNT, REGION, Optional.of(KEY_B), 2)).extracting(KmsKey::keyId)
                .containsExactly(KEY_C, KEY_D);
        assertThat(repository.listKeys(ACCOUNT, REGION, Optional.of(KEY_D), 2)).extracting(KmsKey::keyId)
                .containsExactly(KEY_E);
        assertThat(repository.listKeys(ACCOUNT, REGION, Optional.of(KEY_E), 2)).isEmpty();
        // the marker need not be a stored key: the page starts after it in id order
        assertThat(repository.listKeys(ACCOUNT, REGION, Optional.of("1"), 10)).extracting(KmsKey::keyId)
                .containsExactly(KEY_B, KEY_C, KEY_D, KEY_E);
        assertThat(repository.listKeys(ACCOUNT, REGION, Optional.empty(), 10)).hasSize(5);
    }

    @Test
    public void keysDueForRotationAreEnabledWithRotationOnAndDueByNow() {
        Instant now = T0.plus(Duration.ofDays(400));
        repository.insertKey(rotating(KEY_A, Optional.of(now.minusSeconds(60))));
        repository.insertKey(rotating(KEY_B, Optional.of(now)));
        repository.insertKey(rotating(KEY_C, Optional.of(now.plusMillis(1))));
        repository.insertKey(rotating(KEY_D, Optional.of(now.minus(Duration.ofDays(3)))));
        repository.insertKey(rotating(KEY_E, Optional.empty()));
        // rotation turned off, though a date is left over
        repository.insertKey(key("5f607182-0000-4000-8000-000000000001").withRotation(
                new RotationSettings(false, Optional.of(365), Optional.of(now.minusSeconds(1)))));
        // destroyed: never rotated again
        repository.insertKey(rotating("5f607182-0000-4000-8000-000000000002", Optional.of(now.minusSeconds(1)))
                .withState(KeyState.DESTROYED));
        // a disabled key waits: it is due again once enabled, so it never crowds out enabled keys
        KmsKey disabledElsewhere = key("5f607182-0000-4000-8000-000000000003", OTHER_ACCOUNT, OTHER_REGION)
                .withRotation(new RotationSettings(true, Optional.of(90), Optional.of(now.minusSeconds(30))))
                .withState(KeyState.DISABLED);
        repository.insertKey(disabledElsewhere);

        // earliest first
        assertThat(repository.keysDueForRotation(now, 10)).extracting(KmsKey::keyId)
                .containsExactly(KEY_D, KEY_A, KEY_B);
        repository.updateKey(disabledElsewhere.withState(KeyState.ENABLED));
        assertThat(repository.keysDueForRotation(now, 10)).extracting(KmsKey::keyId)
                .containsExactly(KEY_D, KEY_A, disabledElsewhere.keyId(), KEY_B);
        assertThat(repository.keysDueForRotation(now, 2)).extracting(KmsKey::keyId).containsExactly(KEY_D, KEY_A);
        assertThat(repository.keysDueForRotation(now.minus(Duration.ofDays(10)), 10)).isEmpty();
        assertThat(repository.keysDueForRotation(now, 10).getFirst())
                .isEqualTo(rotating(KEY_D, Optional.of(now.minus(Duration.ofDays(3)))));
    }

    @Test
    public void keysDueForDeletionArePendingDeletionAndDueByNow() {
        Instant now = T0.plus(Duration.ofDays(30));
        repository.insertKey(pendingDeletion(KEY_A, now.minusSeconds(1)));
        repository.insertKey(pendingDeletion(KEY_B, now));
        repository.insertKey(pendingDeletion(KEY_C, now.plusMillis(1)));
        repository.insertKey(pendingDeletion(KEY_D, now.minus(Duration.ofDays(1))).withTags(Map.of("team", "x")));
        // a date that stayed behind on a key in another state does not make it due
        repository.insertKey(key(KEY_E).withState(KeyState.DESTROYED, Optional.of(now.minusSeconds(5)), Optional.of(7)));
        repository.insertKey(key("5f607182-0000-4000-8000-000000000001")
                .withState(KeyState.ENABLED, Optional.of(now.minusSeconds(5)), Optional.empty()));

        assertThat(repository.keysDueForDeletion(now, 10)).extracting(KmsKey::keyId)
                .containsExactly(KEY_D, KEY_A, KEY_B);
        assertThat(repository.keysDueForDeletion(now, 1))
                .containsExactly(pendingDeletion(KEY_D, now.minus(Duration.ofDays(1))).withTags(Map.of("team", "x")));
        assertThat(repository.keysDueForDeletion(T0, 10)).isEmpty();
    }

    @Test
    public void instantsAreKeptToTheMillisecond() {
        Instant fine = T0.plusNanos(123_456);
        repository.insertKey(key(KEY_A).withState(KeyState.PENDING_DELETION, Optional.of(fine), Optional.of(30)));
        assertThat(repository.findKey(KEY_A).orElseThrow().deletionDate()).contains(T0);
    }

    // ---- material

    @Test
    public void versionsRoundTripWithTheirBytes() {
        repository.insertKey(key(KEY_A));
        KeyVersion symmetric = version(KEY_A, 1, allBytes(), Optional.empty(), Optional.empty());
        KeyVersion asymmetric = version(KEY_A, 2, bytes("wrapped-2"), Optional.of(allBytes()), Optional.of("ON_DEMAND"));
        repository.insertVersion(symmetric);
        repository.insertVersion(asymmetric);

        assertThat(repository.findVersion(KEY_A, 1)).map(KmsRepositoryContract::view).contains(view(symmetric));
        assertThat(repository.findVersion(KEY_A, 2)).map(KmsRepositoryContract::view).contains(view(asymmetric));
        assertThat(repository.findVersion(KEY_A, 3)).isEmpty();
        assertThat(repository.findVersion(KEY_B, 1)).isEmpty();
        assertThat(repository.findVersion(KEY_A.toUpperCase(), 1)).isEmpty();
    }

    @Test
    public void aTakenVersionThrowsAndChangesNothing() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        KeyVersion original = version(KEY_A, 1, bytes("original"), Optional.empty(), Optional.empty());
        repository.insertVersion(original);

        assertThatThrownBy(() -> repository.insertVersion(
                version(KEY_A, 1, bytes("replacement"), Optional.of(bytes("pub")), Optional.of("AUTOMATIC"))))
                .isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.listVersions(KEY_A)).extracting(KmsRepositoryContract::view)
                .containsExactly(view(original));

        // the same number on another key is another version
        repository.insertVersion(version(KEY_B, 1, bytes("b"), Optional.empty(), Optional.empty()));
        assertThat(repository.listVersions(KEY_B)).hasSize(1);
    }

    @Test
    public void versionsAreListedOldestFirst() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        for (int v : new int[] {3, 1, 10, 2}) {
            repository.insertVersion(version(KEY_A, v, bytes("a" + v), Optional.empty(), Optional.empty()));
        }
        repository.insertVersion(version(KEY_B, 5, bytes("b5"), Optional.empty(), Optional.empty()));

        assertThat(repository.listVersions(KEY_A)).extracting(KeyVersion::version).containsExactly(1, 2, 3, 10);
        assertThat(repository.listVersions(KEY_A).get(3)).extracting(KmsRepositoryContract::view)
                .isEqualTo(view(version(KEY_A, 10, bytes("a10"), Optional.empty(), Optional.empty())));
        assertThat(repository.listVersions(KEY_C)).isEmpty();
    }

    @Test
    public void theStoreKeepsItsOwnCopyOfByteArrays() {
        repository.insertKey(key(KEY_A));
        byte[] material = bytes("material");
        byte[] publicKey = bytes("public");
        byte[] token = bytes("token-hash");
        repository.insertVersion(version(KEY_A, 1, material, Optional.of(publicKey), Optional.empty()));
        repository.insertGrant(grant("a".repeat(64), KEY_A, T0, Optional.empty(), token));
        material[0] = 'X';
        publicKey[0] = 'X';
        token[0] = 'X';

        KeyVersion stored = repository.findVersion(KEY_A, 1).orElseThrow();
        assertThat(stored.wrappedMaterial()).isEqualTo(bytes("material"));
        assertThat(stored.publicKey().orElseThrow()).isEqualTo(bytes("public"));
        stored.wrappedMaterial()[0] = 'Y';
        assertThat(repository.findVersion(KEY_A, 1).orElseThrow().wrappedMaterial()).isEqualTo(bytes("material"));
        assertThat(repository.findGrantByTokenHash(bytes("token-hash"))).isPresent();
    }

    @Test
    public void deleteVersionsCountsWhatItDeleted() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        for (int v = 1; v <= 3; v++) {
            repository.insertVersion(version(KEY_A, v, bytes("a" + v), Optional.empty(), Optional.empty()));
        }
        repository.insertVersion(version(KEY_B, 1, bytes("b1"), Optional.empty(), Optional.empty()));

        assertThat(repository.deleteVersions(KEY_A)).isEqualTo(3);
        assertThat(repository.deleteVersions(KEY_A)).isZero();
        assertThat(repository.deleteVersions(KEY_C)).isZero();
        assertThat(repository.listVersions(KEY_A)).isEmpty();
        assertThat(repository.findVersion(KEY_A, 1)).isEmpty();
        assertThat(repository.listVersions(KEY_B)).hasSize(1);
        // the key itself stays (it becomes a tombstone)
        assertThat(repository.findKey(KEY_A)).isPresent();
    }

    @Test
    public void aVersionNeedsAnExistingKey() {
        assertThatThrownBy(() -> repository.insertVersion(
                version(KEY_A, 1, bytes("m"), Optional.empty(), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(KEY_A);
        assertThat(repository.listVersions(KEY_A)).isEmpty();
    }

    // ---- aliases

    @Test
    public void aliasesRoundTripWithExactNames() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        KeyAlias finance = alias(ACCOUNT, REGION, "alias/finance", KEY_A);
        KeyAlias upper = alias(ACCOUNT, REGION, "alias/Finance", KEY_B);
        repository.insertAlias(finance);
        repository.insertAlias(upper);

        assertThat(repository.findAlias(ACCOUNT, REGION, "alias/finance")).contains(finance);
        assertThat(repository.findAlias(ACCOUNT, REGION, "alias/Finance")).contains(upper);
        assertThat(repository.findAlias(ACCOUNT, REGION, "alias/FINANCE")).isEmpty();
        assertThat(repository.findAlias(ACCOUNT, OTHER_REGION, "alias/finance")).isEmpty();
        assertThat(repository.findAlias(OTHER_ACCOUNT, REGION, "alias/finance")).isEmpty();
    }

    @Test
    public void aliasNamesAreUniquePerAccountAndRegion() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        KeyAlias original = alias(ACCOUNT, REGION, "alias/app", KEY_A);
        repository.insertAlias(original);

        KeyAlias clash = new KeyAlias(ACCOUNT, REGION, "alias/app", KEY_B, T0.plusSeconds(9), T0.plusSeconds(9));
        assertThatThrownBy(() -> repository.insertAlias(clash)).isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.findAlias(ACCOUNT, REGION, "alias/app")).contains(original);
        assertThat(repository.listAliases(ACCOUNT, REGION, Optional.empty(), Optional.empty(), 10))
                .containsExactly(original);

        // the same name in another region or account is another alias
        KeyAlias otherRegion = alias(ACCOUNT, OTHER_REGION, "alias/app", KEY_B);
        KeyAlias otherAccount = alias(OTHER_ACCOUNT, REGION, "alias/app", KEY_B);
        repository.insertAlias(otherRegion);
        repository.insertAlias(otherAccount);
        assertThat(repository.findAlias(ACCOUNT, OTHER_REGION, "alias/app")).contains(otherRegion);
        assertThat(repository.findAlias(OTHER_ACCOUNT, REGION, "alias/app")).contains(otherAccount);
    }

    @Test
    public void updatingAnAliasRetargetsItAndKeepsItsCreationDate() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        KeyAlias original = alias(ACCOUNT, REGION, "alias/app", KEY_A);
        KeyAlias bystander = alias(ACCOUNT, OTHER_REGION, "alias/app", KEY_A);
        repository.insertAlias(original);
        repository.insertAlias(bystander);

        Instant later = T0.plusSeconds(3600);
        assertThat(repository.updateAlias(new KeyAlias(ACCOUNT, REGION, "alias/app", KEY_B, later, later))).isTrue();
        assertThat(repository.findAlias(ACCOUNT, REGION, "alias/app"))
                .contains(new KeyAlias(ACCOUNT, REGION, "alias/app", KEY_B, T0, later));
        assertThat(repository.findAlias(ACCOUNT, OTHER_REGION, "alias/app")).contains(bystander);

        assertThat(repository.updateAlias(alias(ACCOUNT, REGION, "alias/missing", KEY_B))).isFalse();
        assertThat(repository.updateAlias(alias(OTHER_ACCOUNT, REGION, "alias/app", KEY_B))).isFalse();
        assertThat(repository.findAlias(ACCOUNT, REGION, "alias/missing")).isEmpty();
        assertThat(repository.findAlias(OTHER_ACCOUNT, REGION, "alias/app")).isEmpty();
    }

    @Test
    public void aliasesAreDeletedOneByOne() {
        repository.insertKey(key(KEY_A));
        KeyAlias kept = alias(ACCOUNT, OTHER_REGION, "alias/app", KEY_A);
        repository.insertAlias(alias(ACCOUNT, REGION, "alias/app", KEY_A));
        repository.insertAlias(kept);

        assertThat(repository.deleteAlias(ACCOUNT, REGION, "alias/app")).isTrue();
        assertThat(repository.deleteAlias(ACCOUNT, REGION, "alias/app")).isFalse();
        assertThat(repository.deleteAlias(ACCOUNT, OTHER_REGION, "alias/APP")).isFalse();
        assertThat(repository.deleteAlias(OTHER_ACCOUNT, OTHER_REGION, "alias/app")).isFalse();
        assertThat(repository.findAlias(ACCOUNT, REGION, "alias/app")).isEmpty();
        assertThat(repository.findAlias(ACCOUNT, OTHER_REGION, "alias/app")).contains(kept);
    }

    @Test
    public void listAliasesFiltersOrdersAndPages() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        for (String name : List.of("alias/e", "alias/b", "alias/d", "alias/a", "alias/c")) {
            repository.insertAlias(alias(ACCOUNT, REGION, name, name.compareTo("alias/c") <= 0 ? KEY_A : KEY_B));
        }
        repository.insertAlias(alias(ACCOUNT, OTHER_REGION, "alias/0", KEY_A));
        repository.insertAlias(alias(OTHER_ACCOUNT, REGION, "alias/0", KEY_A));

        assertThat(repository.listAliases(ACCOUNT, REGION, Optional.empty(), Optional.empty(), 10))
                .extracting(KeyAlias::aliasName)
                .containsExactly("alias/a", "alias/b", "alias/c", "alias/d", "alias/e");
        assertThat(repository.listAliases(ACCOUNT, REGION, Optional.empty(), Optional.empty(), 2))
                .containsExactly(alias(ACCOUNT, REGION, "alias/a", KEY_A), alias(ACCOUNT, REGION, "alias/b", KEY_A));
        assertThat(repository.listAliases(ACCOUNT, REGION, Optional.empty(), Optional.of("alias/b"), 2))
                .extracting(KeyAlias::aliasName).containsExactly("alias/c", "alias/d");
        assertThat(repository.listAliases(ACCOUNT, REGION, Optional.empty(), Optional.of("alias/d"), 2))
                .extracting(KeyAlias::aliasName).containsExactly("alias/e");
        assertThat(repository.listAliases(ACCOUNT, REGION, Optional.empty(), Optional.of("alias/e"), 2)).isEmpty();

        assertThat(repository.listAliases(ACCOUNT, REGION, Optional.of(KEY_B), Optional.empty(), 10))
                .extracting(KeyAlias::aliasName).containsExactly("alias/d", "alias/e");
        assertThat(repository.listAliases(ACCOUNT, REGION, Optional.of(KEY_A), Optional.of("alias/a"), 1))
                .extracting(KeyAlias::aliasName).containsExactly("alias/b");
        assertThat(repository.listAliases(ACCOUNT, REGION, Optional.of(KEY_C), Optional.empty(), 10)).isEmpty();
        assertThat(repository.listAliases(ACCOUNT, OTHER_REGION, Optional.empty(), Optional.empty(), 10))
                .containsExactly(alias(ACCOUNT, OTHER_REGION, "alias/0", KEY_A));
        assertThat(repository.listAliases(OTHER_ACCOUNT, OTHER_REGION, Optional.empty(), Optional.empty(), 10))
                .isEmpty();
    }

    @Test
    public void deleteAliasesOfCountsWhatItDeleted() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        repository.insertAlias(alias(ACCOUNT, REGION, "alias/one", KEY_A));
        repository.insertAlias(alias(ACCOUNT, REGION, "alias/two", KEY_A));
        KeyAlias kept = alias(ACCOUNT, REGION, "alias/three", KEY_B);
        repository.insertAlias(kept);

        assertThat(repository.deleteAliasesOf(KEY_A)).isEqualTo(2);
        assertThat(repository.deleteAliasesOf(KEY_A)).isZero();
        assertThat(repository.deleteAliasesOf(KEY_C)).isZero();
        assertThat(repository.listAliases(ACCOUNT, REGION, Optional.empty(), Optional.empty(), 10))
                .containsExactly(kept);
    }

    @Test
    public void anAliasNeedsAnExistingKey() {
        assertThatThrownBy(() -> repository.insertAlias(alias(ACCOUNT, REGION, "alias/app", KEY_A)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(KEY_A);
        assertThat(repository.findAlias(ACCOUNT, REGION, "alias/app")).isEmpty();

        repository.insertKey(key(KEY_B));
        KeyAlias alias = alias(ACCOUNT, REGION, "alias/app", KEY_B);
        repository.insertAlias(alias);
        assertThatThrownBy(() -> repository.updateAlias(alias(ACCOUNT, REGION, "alias/app", KEY_A)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(KEY_A);
        assertThat(repository.findAlias(ACCOUNT, REGION, "alias/app")).contains(alias);
    }

    // ---- grants

    @Test
    public void grantsRoundTripWithEitherConstraintOrNone() {
        repository.insertKey(key(KEY_A));
        Grant subset = new Grant("1".repeat(64), KEY_A, Optional.of("nightly-batch"),
                "arn:aws:iam::111122223333:role/batch", Optional.of("arn:aws:iam::111122223333:role/admin"),
                "arn:aws:iam::111122223333:root", List.of("Encrypt", "Decrypt", "GenerateDataKey"),
                Optional.of(Map.of("Department", "IT", "Project", "Alpha")), Optional.empty(), T0, sha256Like(1));
        Grant equals = new Grant("2".repeat(64), KEY_A, Optional.empty(), "arn:aws:iam::444455556666:root",
                Optional.empty(), "arn:aws:iam::111122223333:root", List.of("Decrypt"), Optional.empty(),
                Optional.of(Map.of("purpose", "backup")), T0.plusSeconds(1), sha256Like(2));
        Grant unconstrained = new Grant("3".repeat(64), KEY_A, Optional.empty(), "arn:aws:iam::111122223333:user/u",
                Optional.empty(), "arn:aws:iam::111122223333:root", List.of("DescribeKey"), Optional.empty(),
                Optional.empty(), T0.plusSeconds(2), sha256Like(3));
        // an empty context constraint is a constraint, not its absence
        Grant emptyConstraints = new Grant("4".repeat(64), KEY_A, Optional.of(""), "arn:aws:iam::111122223333:user/v",
                Optional.empty(), "arn:aws:iam::111122223333:root", List.of(), Optional.of(Map.of()),
                Optional.of(Map.of()), T0.plusSeconds(3), sha256Like(4));
        for (Grant grant : List.of(subset, equals, unconstrained, emptyConstraints)) {
            repository.insertGrant(grant);
            assertThat(repository.findGrant(KEY_A, grant.grantId())).map(KmsRepositoryContract::view)
                    .contains(view(grant));
        }
        assertThat(repository.findGrant(KEY_A, "5".repeat(64))).isEmpty();
        assertThat(repository.findGrant(KEY_B, "1".repeat(64))).isEmpty();
    }

    @Test
    public void grantTextIsKeptExactly() {
        repository.insertKey(key(KEY_A).withTags(Map.of("k\"ey", "va,l:ue", "", "empty key", "ünï", "✓\n\t\\")));
        Map<String, String> awkward = Map.of("a\"b", "c,d", "e:f", "g}h", "", "", "{\"x\":1}", "[1,2]", "日本",
                "\u0000nul", "null", "\\");
        Grant grant = new Grant("a".repeat(64), KEY_A, Optional.of("name \"with\" quotes, commas: and ✓"),
                "arn:aws:iam::111122223333:role/a,b", Optional.of("arn:aws:iam::111122223333:role/\"r\""),
                "arn:aws:iam::111122223333:root", List.of("Encrypt", "", "a,b", "\"q\"", "Encrypt"),
                Optional.of(awkward), Optional.of(Map.of("null", "")), T0, sha256Like(9));
        repository.insertGrant(grant);

        assertThat(repository.findGrant(KEY_A, grant.grantId())).map(KmsRepositoryContract::view).contains(view(grant));
        assertThat(repository.findKey(KEY_A).orElseThrow().tags())
                .isEqualTo(Map.of("k\"ey", "va,l:ue", "", "empty key", "ünï", "✓\n\t\\"));
    }

    @Test
    public void aTakenGrantIdThrowsAndChangesNothing() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        Grant original = grant("1".repeat(64), KEY_A, T0, Optional.empty(), sha256Like(1));
        repository.insertGrant(original);

        // grant ids are unique across keys
        assertThatThrownBy(() -> repository.insertGrant(grant("1".repeat(64), KEY_B, T0, Optional.empty(),
                sha256Like(2)))).isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.listGrants(KEY_B)).isEmpty();
        assertThat(repository.findGrantByTokenHash(sha256Like(2))).isEmpty();
        assertThat(repository.listGrants(KEY_A)).extracting(KmsRepositoryContract::view)
                .containsExactly(view(original));

        // a grant token identifies one grant
        assertThatThrownBy(() -> repository.insertGrant(grant("2".repeat(64), KEY_A, T0, Optional.empty(),
                sha256Like(1)))).isInstanceOf(DuplicateEntityException.class);
        assertThat(repository.findGrant(KEY_A, "2".repeat(64))).isEmpty();
        assertThat(repository.findGrantByTokenHash(sha256Like(1))).map(KmsRepositoryContract::view)
                .contains(view(original));
    }

    @Test
    public void grantsAreFoundByTheirTokenHash() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        Grant first = grant("1".repeat(64), KEY_A, T0, Optional.empty(), sha256Like(1));
        Grant second = grant("2".repeat(64), KEY_B, T0, Optional.of("arn:aws:iam::111122223333:root"), sha256Like(2));
        repository.insertGrant(first);
        repository.insertGrant(second);

        // compared by content, not by array identity
        assertThat(repository.findGrantByTokenHash(sha256Like(1))).map(KmsRepositoryContract::view).contains(view(first));
        assertThat(repository.findGrantByTokenHash(sha256Like(2))).map(KmsRepositoryContract::view)
                .contains(view(second));
        assertThat(repository.findGrantByTokenHash(sha256Like(3))).isEmpty();
        assertThat(repository.findGrantByTokenHash(new byte[0])).isEmpty();
    }

    @Test
    public void aKeysGrantsAreListedByCreationDateThenGrantId() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        Grant late = grant("0".repeat(64), KEY_A, T0.plusSeconds(10), Optional.empty(), sha256Like(1));
        Grant earlyB = grant("b".repeat(64), KEY_A, T0, Optional.empty(), sha256Like(2));
        Grant earlyA = grant("a".repeat(64), KEY_A, T0, Optional.empty(), sha256Like(3));
        Grant middle = grant("f".repeat(64), KEY_A, T0.plusSeconds(5), Optional.empty(), sha256Like(4));
        Grant otherKey = grant("1".repeat(64), KEY_B, T0, Optional.empty(), sha256Like(5));
        for (Grant grant : List.of(late, earlyB, otherKey, earlyA, middle)) {
            repository.insertGrant(grant);
        }

        assertThat(repository.listGrants(KEY_A)).extracting(KmsRepositoryContract::view)
                .containsExactly(view(earlyA), view(earlyB), view(middle), view(late));
        assertThat(repository.listGrants(KEY_B)).extracting(KmsRepositoryContract::view)
                .containsExactly(view(otherKey));
        assertThat(repository.listGrants(KEY_C)).isEmpty();
    }

    @Test
    public void grantsRetirableByAPrincipalAreListedByKeyIdThenGrantId() {
        String admin = "arn:aws:iam::111122223333:role/admin";
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        Grant b2 = grant("2".repeat(64), KEY_B, T0, Optional.of(admin), sha256Like(1));
        Grant a9 = grant("9".repeat(64), KEY_A, T0, Optional.of(admin), sha256Like(2));
        Grant b1 = grant("1".repeat(64), KEY_B, T0.plusSeconds(1), Optional.of(admin), sha256Like(3));
        Grant a5 = grant("5".repeat(64), KEY_A, T0.minusSeconds(1), Optional.of(admin), sha256Like(4));
        Grant someoneElse = grant("3".repeat(64), KEY_A, T0, Optional.of(admin + "2"), sha256Like(5));
        Grant nobody = grant("4".repeat(64), KEY_A, T0, Optional.empty(), sha256Like(6));
        for (Grant grant : List.of(b2, a9, someoneElse, b1, nobody, a5)) {
            repository.insertGrant(grant);
        }

        assertThat(repository.listGrantsRetirableBy(admin)).extracting(KmsRepositoryContract::view)
                .containsExactly(view(a5), view(a9), view(b1), view(b2));
        assertThat(repository.listGrantsRetirableBy(admin + "2")).extracting(KmsRepositoryContract::view)
                .containsExactly(view(someoneElse));
        assertThat(repository.listGrantsRetirableBy(admin.toUpperCase())).isEmpty();
    }

    @Test
    public void grantsAreDeletedOneByOneOnlyThroughTheirKey() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        Grant grant = grant("1".repeat(64), KEY_A, T0, Optional.empty(), sha256Like(1));
        Grant kept = grant("2".repeat(64), KEY_A, T0, Optional.empty(), sha256Like(2));
        repository.insertGrant(grant);
        repository.insertGrant(kept);

        assertThat(repository.deleteGrant(KEY_B, grant.grantId())).isFalse();
        assertThat(repository.findGrant(KEY_A, grant.grantId())).isPresent();
        assertThat(repository.deleteGrant(KEY_A, grant.grantId())).isTrue();
        assertThat(repository.deleteGrant(KEY_A, grant.grantId())).isFalse();
        assertThat(repository.findGrant(KEY_A, grant.grantId())).isEmpty();
        assertThat(repository.findGrantByTokenHash(sha256Like(1))).isEmpty();
        assertThat(repository.listGrants(KEY_A)).extracting(KmsRepositoryContract::view).containsExactly(view(kept));
    }

    @Test
    public void deleteGrantsOfCountsWhatItDeleted() {
        repository.insertKey(key(KEY_A));
        repository.insertKey(key(KEY_B));
        for (int i = 1; i <= 3; i++) {
            repository.insertGrant(grant(String.valueOf(i).repeat(64), KEY_A, T0, Optional.empty(), sha256Like(i)));
        }
        Grant kept = grant("9".repeat(64), KEY_B, T0, Optional.empty(), sha256Like(9));
        repository.insertGrant(kept);

        assertThat(repository.deleteGrantsOf(KEY_A)).isEqualTo(3);
        assertThat(repository.deleteGrantsOf(KEY_A)).isZero();
        assertThat(repository.deleteGrantsOf(KEY_C)).isZero();
        assertThat(repository.listGrants(KEY_A)).isEmpty();
        assertThat(repository.listGrants(KEY_B)).extracting(KmsRepositoryContract::view).containsExactly(view(kept));
    }

    @Test
    public void aGrantNeedsAnExistingKey() {
        assertThatThrownBy(() -> repository.insertGrant(grant("1".repeat(64), KEY_A, T0, Optional.empty(),
                sha256Like(1)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(KEY_A);
        assertThat(repository.findGrantByTokenHash(sha256Like(1))).isEmpty();
    }

    // ---- transactions

    @Test
    public void aFailedTransactionLeavesNothingBehind() {
        repository.insertKey(key(KEY_A));
        assertThatThrownBy(() -> stores.transactor().run(() -> {
            repository.insertKey(key(KEY_B));
            repository.updateKey(fullKey(KEY_A));
            repository.insertVersion(version(KEY_B, 1, bytes("m"), Optional.empty(), Optional.empty()));
            repository.insertAlias(alias(ACCOUNT, REGION, "alias/b", KEY_B));
            repository.insertGrant(grant("1".repeat(64), KEY_B, T0, Optional.empty(), sha256Like(1)));
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repository.findKey(KEY_A)).contains(key(KEY_A));
        assertThat(repository.findKey(KEY_B)).isEmpty();
        assertThat(repository.listVersions(KEY_B)).isEmpty();
        assertThat(repository.findAlias(ACCOUNT, REGION, "alias/b")).isEmpty();
        assertThat(repository.findGrantByTokenHash(sha256Like(1))).isEmpty();
    }

    @Test
    public void aCollisionInsideATransactionLeavesItUsable() {
        repository.insertKey(key(KEY_A));
        stores.transactor().run(() -> {
            assertThatThrownBy(() -> repository.insertKey(key(KEY_A))).isInstanceOf(DuplicateEntityException.class);
            repository.insertKey(key(KEY_B));
        });
        assertThat(repository.findKey(KEY_B)).contains(key(KEY_B));
    }

    // ---- fixtures

    /** A minimal key of {@link #ACCOUNT} in {@link #REGION}: every optional empty, no tags. */
    protected static KmsKey key(String keyId) {
        return key(keyId, ACCOUNT, REGION);
    }

    protected static KmsKey key(String keyId, String accountId, String region) {
        return new KmsKey(keyId, accountId, region, "", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                KeyState.ENABLED, T0, Optional.empty(), Optional.empty(), POLICY, RotationSettings.DISABLED, 1,
                Optional.empty(), 0, Map.of());
    }

    /** A key with every optional present and some tags. */
    protected static KmsKey fullKey(String keyId) {
        return new KmsKey(keyId, ACCOUNT, REGION, "Payments key ✓", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                KeyState.PENDING_DELETION, T0, Optional.of(T0.plus(Duration.ofDays(30))), Optional.of(30), POLICY,
                new RotationSettings(true, Optional.of(180), Optional.of(T0.plus(Duration.ofDays(180)))), 4,
                Optional.of(T0.plus(Duration.ofDays(90))), 2, Map.of("team", "payments", "cost-center", "42"));
    }

    protected static KmsKey rotating(String keyId, Optional<Instant> next) {
        return key(keyId).withRotation(new RotationSettings(true, Optional.of(365), next));
    }

    protected static KmsKey pendingDeletion(String keyId, Instant deletionDate) {
        return key(keyId).withState(KeyState.PENDING_DELETION, Optional.of(deletionDate), Optional.of(7));
    }

    protected static KeyVersion version(String keyId, int version, byte[] material, Optional<byte[]> publicKey,
                                        Optional<String> rotationType) {
        return new KeyVersion(keyId, version, material, publicKey, T0.plusSeconds(version), rotationType);
    }

    protected static KeyAlias alias(String accountId, String region, String name, String targetKeyId) {
        return new KeyAlias(accountId, region, name, targetKeyId, T0, T0);
    }

    protected static Grant grant(String grantId, String keyId, Instant created, Optional<String> retiringPrincipal,
                                 byte[] tokenHash) {
        return new Grant(grantId, keyId, Optional.empty(), "arn:aws:iam::111122223333:role/app", retiringPrincipal,
                "arn:aws:iam::111122223333:root", List.of("Encrypt", "Decrypt"), Optional.empty(), Optional.empty(),
                created, tokenHash);
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every byte value once, so no encoding can lose one. */
    protected static byte[] allBytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    /** 32 distinct-looking bytes per seed, the size of a SHA-256 token hash. */
    protected static byte[] sha256Like(int seed) {
        byte[] hash = new byte[32];
        for (int i = 0; i < hash.length; i++) {
            hash[i] = (byte) (seed * 31 + i * 7);
        }
        return hash;
    }

    /** A version's fields with its byte arrays as hex, to compare by content. */
    protected static List<Object> view(KeyVersion version) {
        return List.of(version.keyId(), version.version(), HEX.formatHex(version.wrappedMaterial()),
                version.publicKey().map(HEX::formatHex), version.createdAt(), version.rotationType());
    }

    /** A grant's fields with its token hash as hex, to compare by content. */
    protected static List<Object> view(Grant grant) {
        return List.of(grant.grantId(), grant.keyId(), grant.name(), grant.granteePrincipal(),
                grant.retiringPrincipal(), grant.issuingAccount(), grant.operations(),
                grant.encryptionContextSubset(), grant.encryptionContextEquals(), grant.creationDate(),
                HEX.formatHex(grant.tokenHash()));
    }
}
