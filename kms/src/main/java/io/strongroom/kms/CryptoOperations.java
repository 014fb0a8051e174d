package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.KeyAccess.KeyView;
import io.strongroom.kms.crypto.GeneratedKeyPair;
import io.strongroom.kms.crypto.KeyPairs;
import io.strongroom.kms.crypto.KmsCryptoException;
import io.strongroom.kms.crypto.RsaEncryption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Encrypt, Decrypt, ReEncrypt, the data-key operations and GenerateRandom. Each authorises
 * {@code kms:<Operation>} on the key with the request's encryption context as condition keys, then
 * requires the key to be enabled and meant for encryption, as AWS KMS does in that order.
 */
final class CryptoOperations {
    static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";
    static final int MAX_PLAINTEXT = 4096;
    private static final Set<String> DATA_KEY_PAIR_SPECS =
            Set.of("RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384");

    private final KeyAccess access;
    private final KeyMaterials materials;
    private final GrantTokens grantTokens;
    private final AesGcm aesGcm;
    private final KmsEvents events;

    /** A service calling for its caller: {@code kms:ViaService} is {@code <service>.<region>.amazonaws.com}. */
    record Via(String service, String region) {
        String conditionValue() {
            return KeyPolicies.viaService(service, region);
        }
    }

    CryptoOperations(KeyAccess access, KeyMaterials materials, GrantTokens grantTokens, KmsEvents events) {
        this.access = requireNonNull(access, "access");
        this.materials = requireNonNull(materials, "materials");
        this.grantTokens = requireNonNull(grantTokens, "grantTokens");
        this.aesGcm = new AesGcm(new RandomBytes());
        this.events = requireNonNull(events, "events");
    }

    KmsService.EncryptResult encrypt(CallContext call, String keyId, byte[] plaintext, Map<String, String> context,
                                     Optional<String> algorithm, List<String> tokens) {
        grantTokens.requireValid(tokens);
        KeyView view = access.resolve(call, keyId);
        String chosen = algorithm.orElse(SYMMETRIC_DEFAULT);
        access.authorize(call, view, "Encrypt", requestKeys(context, chosen));
        KmsKey key = view.key();
        KeyStates.requireUsable(key);
        KeyStates.requireUsage(key, KeyUsage.ENCRYPT_DECRYPT, "Encrypt");
        return new KmsService.EncryptResult(seal(key, plaintext, context, chosen), key.arn(), chosen);
    }

    KmsService.DecryptResult decrypt(CallContext call, byte[] ciphertext, Map<String, String> context,
                                     Optional<String> keyId, Optional<String> algorithm, List<String> tokens) {
        return decrypt(call, ciphertext, context, keyId, algorithm, tokens, Optional.<Via>empty());
    }

    /** @param via the service calling on the caller's behalf; empty when the call is direct */
    KmsService.DecryptResult decrypt(CallContext call, byte[] ciphertext, Map<String, String> context,
                                     Optional<String> keyId, Optional<String> algorithm, List<String> tokens,
                                     Optional<Via> via) {
        grantTokens.requireValid(tokens);
        String chosen = algorithm.orElse(SYMMETRIC_DEFAULT);
        KeyView view = keyOfCiphertext(call, ciphertext, keyId, chosen);
        access.authorize(call, view, "Decrypt", via(requestKeys(context, chosen), via));
        KmsKey key = view.key();
        KeyStates.requireUsable(key);
        KeyStates.requireUsage(key, KeyUsage.ENCRYPT_DECRYPT, "Decrypt");
        KmsService.DecryptResult result = new KmsService.DecryptResult(open(key, ciphertext, context, chosen),
                key.arn(), chosen);
        via.ifPresent(service -> events.usedViaService(call, service.service(), "Decrypt", key, context));
        return result;
    }

    KmsService.ReEncryptResult reEncrypt(CallContext call, KmsService.ReEncryptRequest request) {
        grantTokens.requireValid(request.grantTokens());
        String sourceAlgorithm = request.sourceAlgorithm().orElse(SYMMETRIC_DEFAULT);
        String destinationAlgorithm = request.destinationAlgorithm().orElse(SYMMETRIC_DEFAULT);
        KeyView source = keyOfCiphertext(call, request.ciphertext(), request.sourceKeyId(), sourceAlgorithm);
        KeyView destination = access.resolve(call, request.destinationKeyId());
        access.authorize(call, source, "ReEncryptFrom", requestKeys(request.sourceContext(), sourceAlgorithm));
        access.authorize(call, destination, "ReEncryptTo",
                requestKeys(request.destinationContext(), destinationAlgorithm));
        KeyStates.requireUsable(source.key());
        KeyStates.requireUsage(source.key(), KeyUsage.ENCRYPT_DECRYPT, "ReEncrypt");
        KeyStates.requireUsable(destination.key());
        KeyStates.requireUsage(destination.key(), KeyUsage.ENCRYPT_DECRYPT, "ReEncrypt");
        byte[] plaintext = open(source.key(), request.ciphertext(), request.sourceContext(), sourceAlgorithm);
        try {
            byte[] blob = seal(destination.key(), plaintext, request.destinationContext(), destinationAlgorithm);
            return new KmsService.ReEncryptResult(blob, source.key().arn(), destination.key().arn(), sourceAlgorithm,
                    destinationAlgorithm);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    KmsService.DataKeyResult generateDataKey(CallContext call, String keyId, Map<String, String> context,
                                             Optional<String> keySpec, Optional<Integer> numberOfBytes,
                                             List<String> tokens, boolean withPlaintext) {
        return generateDataKey(call, keyId, context, keySpec, numberOfBytes, tokens, withPlaintext,
                Optional.<Via>empty());
    }

    /** @param via the service calling on the caller's behalf; empty when the call is direct */
    KmsService.DataKeyResult generateDataKey(CallContext call, String keyId, Map<String, String> context,
                                             Optional<String> keySpec, Optional<Integer> numberOfBytes,
                                             List<String> tokens, boolean withPlaintext, Optional<Via> via) {
        grantTokens.requireValid(tokens);
        int length = DataKeys.length(keySpec, numberOfBytes);
        KeyView view = access.resolve(call, keyId);
        String operation = withPlaintext ? "GenerateDataKey" : "GenerateDataKeyWithoutPlaintext";
        access.authorize(call, view, operation, via(requestKeys(context, SYMMETRIC_DEFAULT), via));
        KmsKey key = requireSymmetricEncryptionKey(view.key(), operation);
        byte[] dataKey = materials.randomBytes(length);
        byte[] blob = seal(key, dataKey, context, SYMMETRIC_DEFAULT);
        if (!withPlaintext) {
            Arrays.fill(dataKey, (byte) 0);
        }
        via.ifPresent(service -> events.usedViaService(call, service.service(), operation, key, context));
        return new KmsService.DataKeyResult(blob, withPlaintext ? Optional.of(dataKey) : Optional.empty(), key.arn());
    }

    KmsService.DataKeyPairResult generateDataKeyPair(CallContext call, String keyId, Map<String, String> context,
                                                     String keyPairSpec, List<String> tokens, boolean withPlaintext) {
        grantTokens.requireValid(tokens);
        if (!DATA_KEY_PAIR_SPECS.contains(keyPairSpec)) {
            throw KmsErrors.validation("1 validation error detected: Value '" + keyPairSpec
                    + "' at 'keyPairSpec' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384]");
        }
        KeyView view = access.resolve(call, keyId);
        String operation = withPlaintext ? "GenerateDataKeyPair" : "GenerateDataKeyPairWithoutPlaintext";
        Map<String, List<String>> keys = requestKeys(context, SYMMETRIC_DEFAULT);
        keys.put("kms:DataKeyPairSpec", List.of(keyPairSpec));
        access.authorize(call, view, operation, keys);
        KmsKey key = requireSymmetricEncryptionKey(view.key(), operation);
        GeneratedKeyPair pair = KeyPairs.generate(keyPairSpec, materials.random());
        byte[] privateKey = pair.privateKeyPkcs8();
        byte[] blob = seal(key, privateKey, context, SYMMETRIC_DEFAULT);
        if (!withPlaintext) {
            Arrays.fill(privateKey, (byte) 0);
        }
        return new KmsService.DataKeyPairResult(blob, withPlaintext ? Optional.of(privateKey) : Optional.empty(),
                pair.publicKeySpki(), key.arn(), keyPairSpec);
    }

    byte[] generateRandom(CallContext call, int numberOfBytes) {
        DataKeys.requireByteCount(numberOfBytes);
        access.authorizeAccountAction(call, "GenerateRandom", Map.of());
        return materials.randomBytes(numberOfBytes);
    }

    // ---- helpers

    /** A direct call has no {@code kms:ViaService}; one a service makes for its caller names the service. */
    private static Map<String, List<String>> via(Map<String, List<String>> keys, Optional<Via> via) {
        Map<String, List<String>> all = new HashMap<>(keys);
        all.remove("kms:ViaService"); // only the service, never a request, says which service it is
        via.ifPresent(service -> all.put("kms:ViaService", List.of(service.conditionValue())));
        return all;
    }

    private static KmsKey requireSymmetricEncryptionKey(KmsKey key, String operation) {
        KeyStates.requireUsable(key);
        if (!key.keySpec().symmetric()) {
            throw KmsErrors.invalidKeyUsage(key.arn() + " key usage is " + key.keyUsage().name() + " with key spec "
                    + key.keySpec().name() + ", which is not valid for " + operation + ".");
        }
        return key;
    }

    private byte[] seal(KmsKey key, byte[] plaintext, Map<String, String> context, String algorithm) {
        if (key.keySpec().symmetric()) {
            requireAlgorithm(key, algorithm, SYMMETRIC_DEFAULT);
            if (plaintext.length > MAX_PLAINTEXT) {
                throw plaintextTooLong(plaintext.length, MAX_PLAINTEXT);
            }
            return aesGcm.seal(key.keyId(), key.currentVersion(), materials.current(key).material(), plaintext, context);
        }
        requireRsaAlgorithm(key, algorithm);
        requireNoContext(context);
        int limit = RsaEncryption.maxPlaintextLength(key.keySpec().name(), algorithm);
        if (plaintext.length > limit) {
            throw plaintextTooLong(plaintext.length, limit);
        }
        byte[] publicKey = materials.current(key).publicKey().orElseThrow();
        return RsaEncryption.encrypt(publicKey, key.keySpec().name(), algorithm, plaintext);
    }

    private byte[] open(KmsKey key, byte[] ciphertext, Map<String, String> context, String algorithm) {
        if (key.keySpec().symmetric()) {
            requireAlgorithm(key, algorithm, SYMMETRIC_DEFAULT);
            SymmetricCiphertext blob = SymmetricCiphertext.parse(ciphertext).orElseThrow(KmsErrors::invalidCiphertext);
            byte[] material = materials.open(key.keyId(), blob.keyVersion()).orElseThrow(KmsErrors::invalidCiphertext)
                    .material();
            return aesGcm.open(blob, material, context).orElseThrow(KmsErrors::invalidCiphertext);
        }
        requireRsaAlgorithm(key, algorithm);
        requireNoContext(context);
        try {
            return RsaEncryption.decrypt(materials.current(key).material(), key.keySpec().name(), algorithm, ciphertext);
        } catch (KmsCryptoException e) {
            throw KmsErrors.invalidCiphertext();
        }
    }

    /**
     * The key a ciphertext is to be decrypted with. A symmetric blob names its key; a KeyId, when
     * given, must name the same one (IncorrectKeyException otherwise). An asymmetric ciphertext names
     * nothing, so the KeyId is required.
     */
    private KeyView keyOfCiphertext(CallContext call, byte[] ciphertext, Optional<String> keyId, String algorithm) {
        Optional<SymmetricCiphertext> blob = SymmetricCiphertext.parse(ciphertext);
        if (keyId.isPresent()) {
            KeyView named = access.resolve(call, keyId.get());
            if (named.key().keySpec().symmetric()) {
                SymmetricCiphertext parsed = blob.orElseThrow(KmsErrors::invalidCiphertext);
                if (!parsed.keyId().equals(named.key().keyId())) {
                    throw KmsErrors.incorrectKey();
                }
            }
            return named;
        }
        if (!algorithm.equals(SYMMETRIC_DEFAULT)) {
            throw KmsErrors.validation("KeyId is required when the encryption algorithm is " + algorithm + ".");
        }
        SymmetricCiphertext parsed = blob.orElseThrow(KmsErrors::invalidCiphertext);
        Optional<KeyView> view = access.byId(parsed.keyId());
        if (view.isPresent()) {
            return view.get();
        }
        // a destroyed key says so; a key this installation never had is just an invalid ciphertext
        Optional<KmsKey> any = access.findAnyState(parsed.keyId());
        if (any.isPresent() && any.get().state() == KeyState.DESTROYED) {
            throw KmsErrors.keyNotFound(any.get().arn());
        }
        throw KmsErrors.invalidCiphertext();
    }


    private static void requireAlgorithm(KmsKey key, String algorithm, String expected) {
        if (!algorithm.equals(expected)) {
            throw KmsErrors.invalidKeyUsage("The encryption algorithm " + algorithm + " is not compatible with "
                    + key.arn() + ".");
        }
    }

    private static void requireRsaAlgorithm(KmsKey key, String algorithm) {
        if (!RsaEncryption.encryptionAlgorithms(key.keySpec().name()).contains(algorithm)) {
            throw KmsErrors.invalidKeyUsage("The encryption algorithm " + algorithm + " is not compatible with "
                    + key.arn() + ".");
        }
    }

    private static void requireNoContext(Map<String, String> context) {
        if (!context.isEmpty()) {
            throw KmsErrors.validation("EncryptionContext is not supported with asymmetric KMS keys.");
        }
    }

    private static KmsException plaintextTooLong(int length, int limit) {
        return KmsErrors.validation("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: "
                + "Member must have length less than or equal to " + limit);
    }

    static Map<String, List<String>> requestKeys(Map<String, String> context, String algorithm) {
        Map<String, List<String>> keys = new HashMap<>(EncryptionContext.conditionKeys(context));
        keys.put("kms:EncryptionAlgorithm", List.of(algorithm));
        return keys;
    }
}
