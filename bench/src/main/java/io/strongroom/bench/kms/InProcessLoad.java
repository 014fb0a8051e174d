package io.strongroom.bench.kms;

import io.strongroom.kms.KmsService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The baseline's calls: the same GenerateDataKey and Decrypt requests as {@link SdkLoad} sends, made
 * on the {@link KmsService} directly, each with a fresh call context as the API pipeline builds one.
 */
final class InProcessLoad {
    private static final Optional<String> AES_256 = Optional.of("AES_256");

    private final InProcessKms kms;
    private final String keyId;

    InProcessLoad(InProcessKms kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    List<ClosedLoop.Call> generateDataKeyCalls(int threads) {
        KmsService service = kms.service();
        List<ClosedLoop.Call> calls = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Map<String, String> context = KmsThroughput.encryptionContext(i);
            String requestId = "bench-direct-" + i;
            calls.add(() -> {
                KmsService.DataKeyResult result = service.generateDataKey(kms.call(requestId), keyId, context, AES_256,
                        Optional.empty(), List.of(), true);
                if (result.plaintext().orElseThrow().length != 32 || result.ciphertext().length == 0) {
                    throw new AssertionError("generateDataKey returned no 32-byte data key");
                }
            });
        }
        return calls;
    }

    /** Per thread: decrypts a data key that thread generated first. */
    List<ClosedLoop.Call> decryptCalls(int threads) {
        KmsService service = kms.service();
        List<ClosedLoop.Call> calls = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Map<String, String> context = KmsThroughput.encryptionContext(i);
            String requestId = "bench-direct-" + i;
            KmsService.DataKeyResult dataKey = service.generateDataKey(kms.call(requestId), keyId, context, AES_256,
                    Optional.empty(), List.of(), true);
            byte[] ciphertext = dataKey.ciphertext();
            byte[] expected = dataKey.plaintext().orElseThrow();
            Optional<String> key = Optional.of(keyId);
            calls.add(() -> {
                byte[] plaintext = service.decrypt(kms.call(requestId), ciphertext, context, key, Optional.empty(),
                        List.of()).plaintext();
                if (!Arrays.equals(plaintext, expected)) {
                    throw new AssertionError("decrypt returned another plaintext than the data key");
                }
            });
        }
        return calls;
    }
}
