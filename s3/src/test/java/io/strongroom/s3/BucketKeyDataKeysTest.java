package io.strongroom.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.kms.KeyManager;
import io.strongroom.kms.KmsEvents;
import io.strongroom.kms.KmsKey;
import io.strongroom.kms.KmsService;
import io.strongroom.kms.testing.InMemoryKmsRepository;
import io.strongroom.kms.testing.InMemoryKmsTransactor;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SSE-KMS data keys over a real {@link KmsService}: the AWS managed key when none is named, and S3
 * Bucket Keys, which make one KMS data key serve many objects while each object still gets a key of
 * its own, opened again only by a caller KMS lets decrypt, and only while the KMS key is enabled.
 */
class BucketKeyDataKeysTest {
    private static final String BUCKET_ARN = "arn:aws:s3:::reports";

    private final IamFixture iam = new IamFixture();
    private final InMemoryKmsRepository store = new InMemoryKmsRepository();
    private final KmsService kms = new KmsService(store, iam.rootKeys, new InMemoryKmsTransactor(store), iam.authorizer,
            iam.clock, KmsService.Settings.defaults("us-east-1"), KmsEvents.NONE);
    private final EnvelopeDataKeys dataKeys = new EnvelopeDataKeys(new NoPlatformKeys(), kms, new SecureRandom(),
            iam.clock, Duration.ofMinutes(5), 20);
    private final KmsKey key = kms.createKey(iam.admin, new KmsService.CreateKeyRequest("objects", Optional.empty(),
            Optional.empty(), Optional.empty(), false, Map.of()));

    @Test
    void oneBucketKeyServesManyObjectsEachWithAKeyOfItsOwn() {
        Set<String> bucketKeys = new HashSet<>();
        Set<String> objectKeys = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String objectArn = BUCKET_ARN + "/part-" + i;
            DataKeyProvider.DataKey made = dataKeys.newDataKey(iam.admin, ObjectEncryption.Mode.SSE_KMS,
                    Optional.of(key.keyId()), objectArn, true);
            assertThat(made.encryption().bucketKeyEnabled()).isTrue();
            assertThat(made.encryption().kmsKeyArn()).isEqualTo(key.arn());
            bucketKeys.add(wrappedBucketKey(made.encryption()));
            objectKeys.add(Arrays.toString(made.plaintext()));
            assertThat(dataKeys.unwrap(iam.admin, made.encryption(), objectArn)).isEqualTo(made.plaintext());
            // the same stored key opened for another object's ARN gives another key
            assertThat(dataKeys.unwrap(iam.admin, made.encryption(), BUCKET_ARN + "/elsewhere"))
                    .isNotEqualTo(made.plaintext());
        }
        assertThat(bucketKeys).hasSize(1);
        assertThat(objectKeys).hasSize(20);

        // the 21st object exceeds the bucket key's uses; after its lifetime, another one is made too
        String next = wrappedBucketKey(dataKeys.newDataKey(iam.admin, ObjectEncryption.Mode.SSE_KMS,
                Optional.of(key.keyId()), BUCKET_ARN + "/part-20", true).encryption());
        assertThat(bucketKeys).doesNotContain(next);
        iam.clock.advance(Duration.ofMinutes(6));
        assertThat(wrappedBucketKey(dataKeys.newDataKey(iam.admin, ObjectEncryption.Mode.SSE_KMS,
                Optional.of(key.keyId()), BUCKET_ARN + "/part-21", true).encryption())).isNotEqualTo(next);
    }

    @Test
    void withoutBucketKeysEveryObjectHasItsOwnKmsDataKey() {
        DataKeyProvider.DataKey one = dataKeys.newDataKey(iam.admin, ObjectEncryption.Mode.SSE_KMS,
                Optional.of(key.keyId()), BUCKET_ARN + "/a", false);
        DataKeyProvider.DataKey two = dataKeys.newDataKey(iam.admin, ObjectEncryption.Mode.SSE_KMS,
                Optional.of(key.keyId()), BUCKET_ARN + "/b", false);
        assertThat(one.encryption().bucketKeyEnabled()).isFalse();
        assertThat(one.encryption().wrappedDataKey()).isNotEqualTo(two.encryption().wrappedDataKey());
        assertThat(dataKeys.unwrap(iam.admin, two.encryption(), BUCKET_ARN + "/b")).isEqualTo(two.plaintext());
    }

    @Test
    void aDisabledKeyStopsCachedBucketKeysForReadsAndWrites() {
        DataKeyProvider.DataKey made = dataKeys.newDataKey(iam.admin, ObjectEncryption.Mode.SSE_KMS,
                Optional.of(key.keyId()), BUCKET_ARN + "/a", true);
        dataKeys.unwrap(iam.admin, made.encryption(), BUCKET_ARN + "/a"); // now cached for reads too

        kms.disableKey(iam.admin, key.keyId());
        assertKmsDisabled(() -> dataKeys.unwrap(iam.admin, made.encryption(), BUCKET_ARN + "/a"));
        assertKmsDisabled(() -> dataKeys.newDataKey(iam.admin, ObjectEncryption.Mode.SSE_KMS,
                Optional.of(key.keyId()), BUCKET_ARN + "/b", true));

        kms.enableKey(iam.admin, key.keyId());
        assertThat(dataKeys.unwrap(iam.admin, made.encryption(), BUCKET_ARN + "/a")).isEqualTo(made.plaintext());
    }

    @Test
    void anotherCallerNeverReusesABucketKeyKmsDidNotGiveIt() {
        DataKeyProvider.DataKey made = dataKeys.newDataKey(iam.admin, ObjectEncryption.Mode.SSE_KMS,
                Optional.of(key.keyId()), BUCKET_ARN + "/a", true);
        CallContext stranger = iam.newUser("stranger");
        assertThatThrownBy(() -> dataKeys.unwrap(stranger, made.encryption(), BUCKET_ARN + "/a"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dataKeys.newDataKey(stranger, ObjectEncryption.Mode.SSE_KMS,
                Optional.of(key.arn()), BUCKET_ARN + "/b", true)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withoutANamedKeyTheAccountsAwsManagedKeyIsMadeOnceAndUsed() {
        DataKeyProvider.DataKey first = dataKeys.newDataKey(iam.admin, ObjectEncryption.Mode.SSE_KMS,
                Optional.empty(), BUCKET_ARN + "/a", false);
        DataKeyProvider.DataKey second = dataKeys.newDataKey(iam.admin, ObjectEncryption.Mode.SSE_KMS,
                Optional.empty(), BUCKET_ARN + "/b", true);
        assertThat(second.encryption().kmsKeyArn()).isEqualTo(first.encryption().kmsKeyArn())
                .isNotEqualTo(key.arn());
        KmsKey managed = kms.describeKey(iam.admin, "alias/aws/s3", List.of());
        assertThat(managed.arn()).isEqualTo(first.encryption().kmsKeyArn());
        assertThat(managed.keyManager()).isEqualTo(KeyManager.AWS);
        assertThat(dataKeys.unwrap(iam.admin, second.encryption(), BUCKET_ARN + "/b")).isEqualTo(second.plaintext());
    }

    /** The KMS ciphertext of the bucket key inside a stored data key: after the format byte and 32-byte salt. */
    private static String wrappedBucketKey(ObjectEncryption encryption) {
        byte[] stored = encryption.wrappedDataKey();
        return Arrays.toString(Arrays.copyOfRange(stored, 33, stored.length));
    }

    private static void assertKmsDisabled(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.code()).isEqualTo("DisabledException"));
    }

    private static final class NoPlatformKeys implements PlatformKeys {
        @Override
        public PlatformKey current() {
            throw new UnsupportedOperationException("SSE-KMS only");
        }

        @Override
        public Optional<PlatformKey> find(String keyId) {
            return Optional.empty();
        }
    }
}
