package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.subtle.Hkdf;
import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.KmsService;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data keys for objects. SSE-S3: a fresh key wrapped with AES-256-GCM under the current platform key,
 * bound to the object's ARN. SSE-KMS: a data key from the key service, asked for as the caller through
 * S3 ({@code kms:ViaService}) with the encryption context {@code aws:s3:arn}, so the key policy and the
 * caller's permissions decide and the key's state (disabled, pending deletion) is honoured. Without a
 * named key, the account's AWS managed key {@code aws/s3} is used (made on first need).
 *
 * <p>With S3 Bucket Keys, KMS makes a bucket-level key (context {@code aws:s3:arn} = the bucket's ARN)
 * that is reused for a short time ({@link BucketKeys}); each object's data key is derived from it with
 * HKDF-SHA256 under a random salt of its own and the object's ARN. The object keeps the salt and the
 * wrapped bucket key; a read opens the bucket key through KMS (cached the same way) and derives again.
 * Before each reuse the KMS key must still be enabled, so disabling it stops reads and writes at once.
 */
public final class EnvelopeDataKeys implements DataKeyProvider {
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int DATA_KEY_BYTES = 32;
    static final String CONTEXT_KEY = "aws:s3:arn";
    /** The service name in {@code kms:ViaService} and of the AWS managed key {@code aws/s3}. */
    static final String SERVICE = "s3";
    /** First byte of a data key derived from a bucket key: {@code format | salt | wrapped bucket key}. */
    private static final byte BUCKET_KEY_FORMAT = 1;
    private static final int SALT_BYTES = 32;
    private static final byte[] HKDF_LABEL = "strongroom s3 bucket key v1\n".getBytes(StandardCharsets.UTF_8);

    private final PlatformKeys platformKeys;
    private final KmsService kms;
    private final SecureRandom random;
    private final BucketKeys writeKeys;
    private final BucketKeys readKeys;

    public EnvelopeDataKeys(PlatformKeys platformKeys, KmsService kms, SecureRandom random) {
        this(platformKeys, kms, random, Clock.systemUTC(), BucketKeys.DEFAULT_LIFETIME, BucketKeys.DEFAULT_MAX_USES);
    }

    /**
     * @param bucketKeyLifetime how long a bucket key is reused after KMS made or opened it
     * @param bucketKeyMaxUses  how many objects one bucket key encrypts at most
     */
    public EnvelopeDataKeys(PlatformKeys platformKeys, KmsService kms, SecureRandom random, Clock clock,
                            Duration bucketKeyLifetime, int bucketKeyMaxUses) {
        this.platformKeys = requireNonNull(platformKeys, "platformKeys");
        this.kms = requireNonNull(kms, "kms");
        this.random = requireNonNull(random, "random");
        this.writeKeys = new BucketKeys(clock, bucketKeyLifetime, bucketKeyMaxUses);
        this.readKeys = new BucketKeys(clock, bucketKeyLifetime, Integer.MAX_VALUE);
    }

    @Override
    public DataKey newDataKey(CallContext call, ObjectEncryption.Mode mode, Optional<String> kmsKeyId, String objectArn,
                              boolean bucketKey) {
        return switch (mode) {
            case SSE_S3 -> platformDataKey(objectArn);
            case SSE_KMS -> {
                String keyId = kmsKeyId.orElseGet(() -> kms.awsManagedKeyArn(call.principal().accountId(), SERVICE));
                yield bucketKey ? bucketKeyDataKey(call, keyId, objectArn) : kmsDataKey(call, keyId, objectArn);
            }
            // the customer's key makes and opens SSE-C data keys (CustomerKeyEnvelope), never a provider
            case SSE_C -> throw new IllegalArgumentException("an SSE-C data key comes from the customer's key");
        };
    }

    @Override
    public byte[] unwrap(CallContext call, ObjectEncryption encryption, String objectArn) {
        return switch (encryption.mode()) {
            case SSE_S3 -> unwrapPlatform(encryption.wrappedDataKey(), objectArn);
            case SSE_KMS -> encryption.bucketKeyEnabled() ? unwrapFromBucketKey(call, encryption, objectArn)
                    : kms.decryptViaService(call, SERVICE, encryption.wrappedDataKey(), Map.of(CONTEXT_KEY, objectArn),
                            encryption.kmsKeyArn()).plaintext();
            case SSE_C -> throw new IllegalArgumentException("an SSE-C data key opens with the customer's key");
        };
    }

    private DataKey kmsDataKey(CallContext call, String keyId, String objectArn) {
        KmsService.DataKeyResult result = kms.generateDataKeyViaService(call, SERVICE, keyId,
                Map.of(CONTEXT_KEY, objectArn));
        return new DataKey(result.plaintext().orElseThrow(), new ObjectEncryption(ObjectEncryption.Mode.SSE_KMS,
                result.keyArn(), false, result.ciphertext(), null, null));
    }

    /** A data key derived from the caller's current bucket key for the bucket and KMS key, made if need be. */
    private DataKey bucketKeyDataKey(CallContext call, String keyId, String objectArn) {
        String bucketArn = bucketArnOf(objectArn);
        String cacheKey = call.principal().arn() + "\n" + bucketArn + "\n" + keyId;
        BucketKeys.Entry bucketKey = writeKeys.use(cacheKey).filter(entry -> stillEnabled(entry, writeKeys))
                .orElseGet(() -> {
                    KmsService.DataKeyResult made = kms.generateDataKeyViaService(call, SERVICE, keyId,
                            Map.of(CONTEXT_KEY, bucketArn));
                    byte[] plaintext = made.plaintext().orElseThrow();
                    writeKeys.put(cacheKey, plaintext, made.ciphertext(), made.keyArn());
                    return new BucketKeys.Entry(plaintext, made.ciphertext(), made.keyArn(), null, null);
                });
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        try {
            byte[] dataKey = derive(bucketKey.plaintext(), salt, objectArn);
            byte[] stored = ByteBuffer.allocate(1 + SALT_BYTES + bucketKey.wrapped().length).put(BUCKET_KEY_FORMAT)
                    .put(salt).put(bucketKey.wrapped()).array();
            return new DataKey(dataKey, new ObjectEncryption(ObjectEncryption.Mode.SSE_KMS, bucketKey.kmsKeyArn(), true,
                    stored, null, null));
        } finally {
            Arrays.fill(bucketKey.plaintext(), (byte) 0);
        }
    }

    /** Opens the object's bucket key (from the cache, or through KMS as the caller) and derives its data key. */
    private byte[] unwrapFromBucketKey(CallContext call, ObjectEncryption encryption, String objectArn) {
        byte[] stored = encryption.wrappedDataKey();
        if (stored.length <= 1 + SALT_BYTES || stored[0] != BUCKET_KEY_FORMAT) {
            throw corrupt(null);
        }
        byte[] salt = Arrays.copyOfRange(stored, 1, 1 + SALT_BYTES);
        byte[] wrapped = Arrays.copyOfRange(stored, 1 + SALT_BYTES, stored.length);
        String bucketArn = bucketArnOf(objectArn);
        String cacheKey = call.principal().arn() + "\n" + bucketArn + "\n" + encryption.kmsKeyArn() + "\n"
                + Base64.getEncoder().encodeToString(wrapped);
        BucketKeys.Entry bucketKey = readKeys.use(cacheKey).filter(entry -> stillEnabled(entry, readKeys))
                .orElseGet(() -> {
                    byte[] plaintext = kms.decryptViaService(call, SERVICE, wrapped, Map.of(CONTEXT_KEY, bucketArn),
                            encryption.kmsKeyArn()).plaintext();
                    readKeys.put(cacheKey, plaintext, wrapped, encryption.kmsKeyArn());
                    return new BucketKeys.Entry(plaintext, wrapped, encryption.kmsKeyArn(), null, null);
                });
        try {
            return derive(bucketKey.plaintext(), salt, objectArn);
        } finally {
            Arrays.fill(bucketKey.plaintext(), (byte) 0);
        }
    }

    /** A cached bucket key is reused only while its KMS key is enabled; else every entry of that key goes. */
    private boolean stillEnabled(BucketKeys.Entry entry, BucketKeys cache) {
        if (kms.keyEnabled(entry.kmsKeyArn())) {
            return true;
        }
        Arrays.fill(entry.plaintext(), (byte) 0);
        cache.forget(entry.kmsKeyArn()::equals);
        return false;
    }

    /** HKDF-SHA256 (Tink's): the bucket key as input key material, the object's salt, the object's ARN as info. */
    private static byte[] derive(byte[] bucketKey, byte[] salt, String objectArn) {
        byte[] arn = objectArn.getBytes(StandardCharsets.UTF_8);
        byte[] info = ByteBuffer.allocate(HKDF_LABEL.length + arn.length).put(HKDF_LABEL).put(arn).array();
        try {
            return Hkdf.computeHkdf("HMACSHA256", bucketKey, salt, info, DATA_KEY_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF-SHA256 failed on well-formed input", e);
        }
    }

    /** {@code arn:aws:s3:::bucket/key} → {@code arn:aws:s3:::bucket}. */
    static String bucketArnOf(String objectArn) {
        int slash = objectArn.indexOf('/');
        return slash < 0 ? objectArn : objectArn.substring(0, slash);
    }

    /** {@code format | key id length | key id | nonce | AES-GCM(data key)}, the header and ARN authenticated. */
    private DataKey platformDataKey(String objectArn) {
        PlatformKeys.PlatformKey platformKey = platformKeys.current();
        byte[] dataKey = new byte[DATA_KEY_BYTES];
        random.nextBytes(dataKey);
        byte[] id = platformKey.id().getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        ByteBuffer header = ByteBuffer.allocate(2 + id.length + NONCE_BYTES)
                .put(FORMAT).put((byte) id.length).put(id).put(nonce);
        try {
            Cipher cipher = gcm(Cipher.ENCRYPT_MODE, platformKey.material(), nonce);
            cipher.updateAAD(header.array());
            cipher.updateAAD(objectArn.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(dataKey);
            byte[] wrapped = ByteBuffer.allocate(header.capacity() + sealed.length).put(header.array()).put(sealed)
                    .array();
            return new DataKey(dataKey, new ObjectEncryption(ObjectEncryption.Mode.SSE_S3, null, false, wrapped, null,
                    null));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a well-formed key", e);
        } finally {
            Arrays.fill(platformKey.material(), (byte) 0);
        }
    }

    private byte[] unwrapPlatform(byte[] wrapped, String objectArn) {
        if (wrapped.length < 2 || wrapped[0] != FORMAT || wrapped.length < 2 + wrapped[1] + NONCE_BYTES) {
            throw corrupt(null);
        }
        int idLength = wrapped[1];
        String id = new String(wrapped, 2, idLength, StandardCharsets.UTF_8);
        int headerLength = 2 + idLength + NONCE_BYTES;
        PlatformKeys.PlatformKey platformKey = platformKeys.find(id).orElseThrow(() -> corrupt(null));
        try {
            Cipher cipher = gcm(Cipher.DECRYPT_MODE, platformKey.material(),
                    Arrays.copyOfRange(wrapped, headerLength - NONCE_BYTES, headerLength));
            cipher.updateAAD(wrapped, 0, headerLength);
            cipher.updateAAD(objectArn.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(wrapped, headerLength, wrapped.length - headerLength);
        } catch (GeneralSecurityException e) {
            throw corrupt(e);
        } finally {
            Arrays.fill(platformKey.material(), (byte) 0);
        }
    }

    private static Cipher gcm(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    /** A stored key that does not open is the server's problem, never the client's. */
    private static AwsException corrupt(Throwable cause) {
        return AwsException.internal("An object's data key could not be unwrapped.", cause);
    }
}
