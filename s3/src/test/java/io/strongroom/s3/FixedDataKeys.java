package io.strongroom.s3;

import io.strongroom.iam.auth.CallContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DataKeyProvider} for domain tests: each data key is kept in memory under a random handle,
 * and the handle is what the object index stores as the "wrapped" key.
 */
final class FixedDataKeys implements DataKeyProvider {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    @Override
    public DataKey newDataKey(CallContext call, ObjectEncryption.Mode mode, Optional<String> kmsKeyId, String objectArn,
                              boolean bucketKey) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String handle = UUID.randomUUID().toString();
        keys.put(handle, key.clone());
        String keyArn = mode == ObjectEncryption.Mode.SSE_KMS
                ? kmsKeyId.orElse("arn:aws:kms:us-east-1:111122223333:key/default") : null;
        return new DataKey(key, new ObjectEncryption(mode, keyArn, bucketKey && keyArn != null, handle.getBytes(StandardCharsets.UTF_8),
                null, null));
    }

    @Override
    public byte[] unwrap(CallContext call, ObjectEncryption encryption, String objectArn) {
        return keys.get(new String(encryption.wrappedDataKey(), StandardCharsets.UTF_8)).clone();
    }

    int issued() {
        return keys.size();
    }
}
