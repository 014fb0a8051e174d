package io.strongroom.protocol.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.KmsErrors;
import io.strongroom.kms.KmsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;

/**
 * Encrypt, Decrypt, ReEncrypt, GenerateDataKey(WithoutPlaintext), GenerateDataKeyPair(WithoutPlaintext)
 * and GenerateRandom.
 */
final class CryptoActions implements JsonOperationFamily {
    private static final int MAX_PLAINTEXT = 4096;
    private static final int MAX_CIPHERTEXT = 6144;

    private final KmsService kms;

    CryptoActions(KmsService kms) {
        this.kms = requireNonNull(kms, "kms");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("Encrypt", KmsShapes.dryRunnable(this::encrypt))
                .add("Decrypt", KmsShapes.dryRunnable(this::decrypt))
                .add("ReEncrypt", KmsShapes.dryRunnable(this::reEncrypt))
                .add("GenerateDataKey", KmsShapes.dryRunnable((in, call) -> generateDataKey(in, call, true)))
                .add("GenerateDataKeyWithoutPlaintext",
                        KmsShapes.dryRunnable((in, call) -> generateDataKey(in, call, false)))
                .add("GenerateDataKeyPair", KmsShapes.dryRunnable((in, call) -> generateDataKeyPair(in, call, true)))
                .add("GenerateDataKeyPairWithoutPlaintext",
                        KmsShapes.dryRunnable((in, call) -> generateDataKeyPair(in, call, false)))
                .add("GenerateRandom", this::generateRandom);
    }

    private JsonResult encrypt(JsonInput in, CallContext call) {
        rejectRecipient(in);
        KmsService.EncryptResult result = kms.encrypt(call, in.requiredString("KeyId", KmsShapes.KEY_ID),
                in.requiredBlob("Plaintext", 1, MAX_PLAINTEXT), in.stringMap("EncryptionContext"),
                in.string("EncryptionAlgorithm"), KmsShapes.grantTokens(in));
        return JsonResult.of(out -> out.blob("CiphertextBlob", result.ciphertext()).string("KeyId", result.keyArn())
                .string("EncryptionAlgorithm", result.algorithm()));
    }

    private JsonResult decrypt(JsonInput in, CallContext call) {
        rejectRecipient(in);
        KmsService.DecryptResult result = kms.decrypt(call, in.requiredBlob("CiphertextBlob", 1, MAX_CIPHERTEXT),
                in.stringMap("EncryptionContext"), in.string("KeyId", KmsShapes.KEY_ID),
                in.string("EncryptionAlgorithm"), KmsShapes.grantTokens(in));
        return JsonResult.of(out -> out.string("KeyId", result.keyArn()).blob("Plaintext", result.plaintext())
                .string("EncryptionAlgorithm", result.algorithm()));
    }

    private JsonResult reEncrypt(JsonInput in, CallContext call) {
        KmsService.ReEncryptResult result = kms.reEncrypt(call, new KmsService.ReEncryptRequest(
                in.requiredBlob("CiphertextBlob", 1, MAX_CIPHERTEXT), in.stringMap("SourceEncryptionContext"),
                in.string("SourceKeyId", KmsShapes.KEY_ID), in.requiredString("DestinationKeyId", KmsShapes.KEY_ID),
                in.stringMap("DestinationEncryptionContext"), in.string("SourceEncryptionAlgorithm"),
                in.string("DestinationEncryptionAlgorithm"), KmsShapes.grantTokens(in)));
        return JsonResult.of(out -> out.blob("CiphertextBlob", result.ciphertext())
                .string("SourceKeyId", result.sourceKeyArn()).string("KeyId", result.keyArn())
                .string("SourceEncryptionAlgorithm", result.sourceAlgorithm())
                .string("DestinationEncryptionAlgorithm", result.destinationAlgorithm()));
    }

    private JsonResult generateDataKey(JsonInput in, CallContext call, boolean withPlaintext) {
        if (withPlaintext) {
            rejectRecipient(in);
        }
        KmsService.DataKeyResult result = kms.generateDataKey(call, in.requiredString("KeyId", KmsShapes.KEY_ID),
                in.stringMap("EncryptionContext"), in.string("KeySpec"), in.integer("NumberOfBytes"),
                KmsShapes.grantTokens(in), withPlaintext);
        return JsonResult.of(out -> {
            out.blob("CiphertextBlob", result.ciphertext());
            result.plaintext().ifPresent(plaintext -> out.blob("Plaintext", plaintext));
            out.string("KeyId", result.keyArn());
        });
    }

    private JsonResult generateDataKeyPair(JsonInput in, CallContext call, boolean withPlaintext) {
        if (withPlaintext) {
            rejectRecipient(in);
        }
        KmsService.DataKeyPairResult result = kms.generateDataKeyPair(call, in.requiredString("KeyId", KmsShapes.KEY_ID),
                in.stringMap("EncryptionContext"), in.requiredString("KeyPairSpec"), KmsShapes.grantTokens(in),
                withPlaintext);
        return JsonResult.of(out -> {
            out.blob("PrivateKeyCiphertextBlob", result.privateKeyCiphertext());
            result.privateKeyPlaintext().ifPresent(key -> out.blob("PrivateKeyPlaintext", key));
            out.blob("PublicKey", result.publicKey()).string("KeyId", result.keyArn())
                    .string("KeyPairSpec", result.keyPairSpec());
        });
    }

    private JsonResult generateRandom(JsonInput in, CallContext call) {
        rejectRecipient(in);
        if (in.has("CustomKeyStoreId")) {
            throw KmsErrors.unsupported("Custom key stores are not supported by this installation.");
        }
        byte[] random = kms.generateRandom(call, in.integer("NumberOfBytes").orElseThrow(() ->
                KmsErrors.validation("NumberOfBytes is required")));
        return JsonResult.of(out -> out.blob("Plaintext", random));
    }

    /** Nitro Enclaves attestation (Recipient) has no meaning off AWS: refuse it rather than ignore it. */
    private static void rejectRecipient(JsonInput in) {
        if (in.has("Recipient")) {
            throw KmsErrors.unsupported("Recipient (attested enclaves) is not supported by this"
                    + " installation.");
        }
    }
}
