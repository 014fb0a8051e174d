package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.KeyAccess.KeyView;
import io.strongroom.kms.crypto.KmsCryptoException;
import io.strongroom.kms.crypto.Macs;
import io.strongroom.kms.crypto.Signatures;
import java.util.List;
import java.util.Map;

/** Sign, Verify, GetPublicKey, GenerateMac and VerifyMac. */
final class SigningOperations {

    private final KeyAccess access;
    private final KeyMaterials materials;
    private final GrantTokens grantTokens;

    SigningOperations(KeyAccess access, KeyMaterials materials, GrantTokens grantTokens) {
        this.access = requireNonNull(access, "access");
        this.materials = requireNonNull(materials, "materials");
        this.grantTokens = requireNonNull(grantTokens, "grantTokens");
    }

    KmsService.SignResult sign(CallContext call, String keyId, byte[] message, String messageType, String algorithm,
                               List<String> tokens) {
        grantTokens.requireValid(tokens);
        KeyView view = access.resolve(call, keyId);
        access.authorize(call, view, "Sign", signingKeys(algorithm, messageType));
        KmsKey key = usable(view, KeyUsage.SIGN_VERIFY, "Sign");
        try {
            byte[] signature = Signatures.sign(materials.current(key).material(), key.keySpec().name(), algorithm, messageType,
                    message);
            return new KmsService.SignResult(signature, key.arn(), algorithm);
        } catch (KmsCryptoException e) {
            throw translate(e, key);
        }
    }

    KmsService.VerifyResult verify(CallContext call, String keyId, byte[] message, String messageType,
                                   byte[] signature, String algorithm, List<String> tokens) {
        grantTokens.requireValid(tokens);
        KeyView view = access.resolve(call, keyId);
        access.authorize(call, view, "Verify", signingKeys(algorithm, messageType));
        KmsKey key = usable(view, KeyUsage.SIGN_VERIFY, "Verify");
        boolean valid;
        try {
            valid = Signatures.verify(materials.current(key).publicKey().orElseThrow(), key.keySpec().name(), algorithm,
                    messageType, message, signature);
        } catch (KmsCryptoException e) {
            throw translate(e, key);
        }
        if (!valid) {
            throw KmsErrors.invalidSignature();
        }
        return new KmsService.VerifyResult(key.arn(), algorithm);
    }

    KmsService.PublicKeyResult getPublicKey(CallContext call, String keyId, List<String> tokens) {
        grantTokens.requireValid(tokens);
        KeyView view = access.resolve(call, keyId);
        access.authorize(call, view, "GetPublicKey", Map.of());
        KmsKey key = view.key();
        KeyStates.requireUsable(key);
        if (!key.keySpec().asymmetric()) {
            throw KmsErrors.unsupported(key.arn() + " is not an asymmetric KMS key.");
        }
        return new KmsService.PublicKeyResult(key, materials.current(key).publicKey().orElseThrow());
    }

    KmsService.MacResult generateMac(CallContext call, String keyId, byte[] message, String algorithm,
                                     List<String> tokens) {
        grantTokens.requireValid(tokens);
        KeyView view = access.resolve(call, keyId);
        access.authorize(call, view, "GenerateMac", Map.of("kms:MacAlgorithm", List.of(algorithm)));
        KmsKey key = usable(view, KeyUsage.GENERATE_VERIFY_MAC, "GenerateMac");
        try {
            return new KmsService.MacResult(Macs.mac(materials.current(key).material(), key.keySpec().name(), algorithm, message),
                    key.arn(), algorithm);
        } catch (KmsCryptoException e) {
            throw translate(e, key);
        }
    }

    KmsService.VerifyResult verifyMac(CallContext call, String keyId, byte[] message, byte[] mac, String algorithm,
                                      List<String> tokens) {
        grantTokens.requireValid(tokens);
        KeyView view = access.resolve(call, keyId);
        access.authorize(call, view, "VerifyMac", Map.of("kms:MacAlgorithm", List.of(algorithm)));
        KmsKey key = usable(view, KeyUsage.GENERATE_VERIFY_MAC, "VerifyMac");
        boolean valid;
        try {
            valid = Macs.verify(materials.current(key).material(), key.keySpec().name(), algorithm, message, mac);
        } catch (KmsCryptoException e) {
            throw translate(e, key);
        }
        if (!valid) {
            throw KmsErrors.invalidMac();
        }
        return new KmsService.VerifyResult(key.arn(), algorithm);
    }

    private static KmsKey usable(KeyView view, KeyUsage usage, String operation) {
        KmsKey key = view.key();
        KeyStates.requireUsable(key);
        KeyStates.requireUsage(key, usage, operation);
        return key;
    }


    private static Map<String, List<String>> signingKeys(String algorithm, String messageType) {
        return Map.of("kms:SigningAlgorithm", List.of(algorithm), "kms:MessageType", List.of(messageType));
    }

    private static KmsException translate(KmsCryptoException e, KmsKey key) {
        return switch (e.reason()) {
            case ALGORITHM_NOT_FOR_KEY_SPEC, UNKNOWN_ALGORITHM -> KmsErrors.invalidKeyUsage("The algorithm is not "
                    + "compatible with " + key.arn() + " (" + key.keySpec().name() + ").");
            case DIGEST_LENGTH_MISMATCH -> KmsErrors.validation("Digest is invalid length for algorithm.");
            case PLAINTEXT_TOO_LONG -> KmsErrors.validation("The message is too long.");
            case INVALID_CIPHERTEXT -> KmsErrors.invalidCiphertext();
            case UNSUPPORTED -> KmsErrors.unsupported(e.getMessage());
        };
    }
}
