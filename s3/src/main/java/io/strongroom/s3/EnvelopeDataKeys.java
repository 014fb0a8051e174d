package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.KmsService;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data keys for objects. SSE-S3: a fresh key wrapped with AES-256-GCM under the current platform key,
 * bound to the object's ARN. SSE-KMS: a data key from the key service, asked for as the caller with
 * the encryption context {@code aws:s3:arn}, so the key policy and the caller's permissions decide and
 * the key's state (disabled, pending deletion) is honoured on every read and write.
 */
public final class EnvelopeDataKeys implements DataKeyProvider {
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int DATA_KEY_BYTES = 32;
    static final String CONTEXT_KEY = "aws:s3:arn";

    private final PlatformKeys platformKeys;
    private final KmsService kms;
    private final SecureRandom random;

    public EnvelopeDataKeys(PlatformKeys platformKeys, KmsService kms, SecureRandom random) {
        this.platformKeys = requireNonNull(platformKeys, "platformKeys");
        this.kms = requireNonNull(kms, "kms");
        this.random = requireNonNull(random, "random");
    }

    @Override
    public DataKey newDataKey(CallContext call, ObjectEncryption.Mode mode, Optional<String> kmsKeyId, String objectArn) {
        return switch (mode) {
            case SSE_S3 -> platformDataKey(objectArn);
            case SSE_KMS -> kmsDataKey(call, kmsKeyId.orElseThrow(() -> new AwsException("InvalidArgument", 400,
                    "x-amz-server-side-encryption-aws-kms-key-id is required: the AWS managed key aws/s3 is not"
                            + " offered by this installation; name a customer managed key.")), objectArn);
            // the customer's key makes and opens SSE-C data keys (CustomerKeyEnvelope), never a provider
            case SSE_C -> throw new IllegalArgumentException("an SSE-C data key comes from the customer's key");
        };
    }

    @Override
    public byte[] unwrap(CallContext call, ObjectEncryption encryption, String objectArn) {
        return switch (encryption.mode()) {
            case SSE_S3 -> unwrapPlatform(encryption.wrappedDataKey(), objectArn);
            case SSE_KMS -> kms.decrypt(call, encryption.wrappedDataKey(), Map.of(CONTEXT_KEY, objectArn),
                    Optional.of(encryption.kmsKeyArn()), Optional.empty(), List.of()).plaintext();
            case SSE_C -> throw new IllegalArgumentException("an SSE-C data key opens with the customer's key");
        };
    }

    private DataKey kmsDataKey(CallContext call, String keyId, String objectArn) {
        KmsService.DataKeyResult result = kms.generateDataKey(call, keyId, Map.of(CONTEXT_KEY, objectArn),
                Optional.of("AES_256"), Optional.empty(), List.of(), true);
        return new DataKey(result.plaintext().orElseThrow(), new ObjectEncryption(ObjectEncryption.Mode.SSE_KMS,
                result.keyArn(), false, result.ciphertext(), null, null));
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
